package dev.partop.model.cpython;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * partop's Python agent, packed in the jar, as a file an interpreter can run: written once to
 * {@code $XDG_CACHE_HOME/partop} (or {@code ~/.cache/partop}, or the temp directory when neither
 * can be written) under a name with a hash of its content, so a newer partop never runs an older
 * agent and two partops never write the same file at once (each writes a temp file, then moves it).
 * It must be a real file, not {@code python -c}: multiprocessing's spawn and forkserver start
 * methods run the main script again by its path.
 */
public final class AgentScript {

    static final String RESOURCE = "/dev/partop/agent/partop_agent.py";

    private static volatile Path path;

    private AgentScript() {
    }

    /** The agent's path, written on first use. */
    public static Path path() {
        Path p = path;
        if (p == null) {
            synchronized (AgentScript.class) {
                p = path;
                if (p == null) path = p = write();
            }
        }
        return p;
    }

    private static Path write() {
        byte[] content = content();
        String name = "partop_agent-" + HexFormat.of().formatHex(sha256(content), 0, 6) + ".py";
        IOException last = null;
        for (Path dir : candidates()) {
            try {
                Path target = dir.resolve(name);
                if (Files.isRegularFile(target) && Files.size(target) == content.length) return target;
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "partop_agent", ".tmp");
                Files.write(tmp, content);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("cannot write partop's Python agent anywhere", last);
    }

    /** Where to put it, in order. */
    static Path[] candidates() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = Path.of(System.getProperty("user.home"), ".cache", "partop");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "partop-" + System.getProperty("user.name"));
        return xdg != null && !xdg.isBlank() ? new Path[]{Path.of(xdg, "partop"), home, tmp} : new Path[]{home, tmp};
    }

    static byte[] content() {
        try (InputStream in = AgentScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the jar lacks " + RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
