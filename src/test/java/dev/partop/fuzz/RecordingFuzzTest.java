package dev.partop.fuzz;

import dev.partop.record.RecordingException;
import dev.partop.record.SnapshotLogReader;
import dev.partop.record.SnapshotLogWriter;
import dev.partop.snapshot.Snapshot;
import dev.partop.view.SyntheticSnapshots;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recordings damaged the ways files get damaged (cut off, bits flipped, lines reordered,
 * dropped or doubled, a giant line, another format version), plain and gzip: reading one gives
 * what is sound or one {@link RecordingException} of one line, never another exception.
 */
class RecordingFuzzTest {

    static Path dir;
    static byte[] plain;

    @BeforeContainer
    static void record() throws Exception {
        dir = Files.createTempDirectory("partop-fuzz");
        Path file = dir.resolve("good.partop");
        try (SnapshotLogWriter w = new SnapshotLogWriter(file)) {
            w.header(SyntheticSnapshots.header(4));
            for (Snapshot s : SyntheticSnapshots.gilPhase(4, 12, true)) w.snapshot(s);
        }
        plain = Files.readAllBytes(file);
    }

    @AfterContainer
    static void clean() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @Property(tries = 1_500)
    void aDamagedRecordingIsReadAsFarAsItIsSoundOrIsOneLine(@ForAll long seed, @ForAll boolean gzip) throws Exception {
        Random r = new Random(seed);
        byte[] bytes = damageLines(plain, r);
        if (gzip) bytes = gzip(bytes);
        if (r.nextBoolean()) bytes = damageBytes(bytes, r);
        Path file = dir.resolve("fuzz" + (gzip ? ".partop.gz" : ".partop"));
        Files.write(file, bytes);
        try {
            assertThat(SnapshotLogReader.read(file).snapshots()).isNotEmpty();
        } catch (RecordingException e) {
            assertThat(e.getMessage()).as("seed %d", seed).startsWith(file.toString()).doesNotContain("\n")
                    .hasSizeLessThan(400);
        }
    }

    private static byte[] damageLines(byte[] good, Random r) {
        List<String> lines = new ArrayList<>(List.of(new String(good, StandardCharsets.UTF_8).split("\n")));
        int at = r.nextInt(lines.size());
        switch (r.nextInt(7)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> java.util.Collections.shuffle(lines, r);
            case 3 -> lines.set(at, lines.get(at) + "x".repeat(r.nextInt(2_000_000)));
            case 4 -> lines.set(0, lines.get(0).replace("\"format\":1", "\"format\":" + (r.nextInt(5) - 2)));
            case 5 -> lines.set(at, lines.get(at).replaceFirst("\"format\":1", "\"format\":9"));
            default -> lines.set(at, lines.get(at).replaceFirst("[0-9]", r.nextBoolean() ? "-" : "\"x\""));
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] damageBytes(byte[] b, Random r) {
        if (r.nextBoolean()) return Arrays.copyOf(b, r.nextInt(b.length + 1)); // cut off
        byte[] flipped = b.clone();
        for (int i = 0; i < 1 + r.nextInt(8); i++) flipped[r.nextInt(flipped.length)] ^= (byte) (1 << r.nextInt(8));
        return flipped;
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
