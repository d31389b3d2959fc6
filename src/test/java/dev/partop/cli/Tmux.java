package dev.partop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real terminal for end-to-end tests: a detached tmux session on its own server socket,
 * driven with send-keys and read with capture-pane, exactly as a person would see it.
 */
final class Tmux implements AutoCloseable {

    private final String socket;
    private final String session = "partop";

    private Tmux(String socket) {
        this.socket = socket;
    }

    /** Skips the test where tmux is missing; in CI, which installs it (.ci/run), fails instead. */
    static void require() {
        if (System.getenv("CI") != null) assertThat(available()).as("CI installs tmux (.ci/run)").isTrue();
        assumeTrue(available(), "tmux is not installed");
    }

    /**
     * A UTF-8 xterm with 256 colours, and {@code kv} (name, value, ...) over it. CI is emptied:
     * the tmux server passes on the test's own environment, and CI=true would mean headless.
     */
    static Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>(Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8"));
        for (int i = 0; i < kv.length; i += 2) env.put(kv[i], kv[i + 1]);
        env.put("CI", "");
        return env;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (run by sh) in a new session of {@code cols}x{@code rows}. */
    static Tmux start(int cols, int rows, Map<String, String> env, String command) throws Exception {
        return start(cols, rows, env, command, true);
    }

    /** @param reportExit print PARTOP-EXIT=code after the program (scrolls the screen by a line) */
    static Tmux start(int cols, int rows, Map<String, String> env, String command, boolean reportExit)
            throws Exception {
        Tmux t = new Tmux("partop-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-s", t.session, "-x", String.valueOf(cols),
                "-y", String.valueOf(rows)));
        for (Map.Entry<String, String> e : env.entrySet()) {
            cmd.add("-e");
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        // keep the pane after the program exits, so the restored screen can be read
        cmd.add(command + (reportExit ? "; echo PARTOP-EXIT=$?" : "") + "; sleep 600");
        t.tmux(cmd.toArray(String[]::new));
        return t;
    }

    String capture() throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /** Captures until {@code ok} holds, or fails after {@code seconds}. */
    String awaitScreen(Predicate<String> ok, double seconds, String what) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (ok.test(screen)) return screen;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; screen was:\n" + screen);
    }

    void keys(String... keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    void resize(int cols, int rows) throws Exception {
        tmux("resize-window", "-t", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    /** Process id of the program in the pane (the shell that runs partop). */
    long panePid() throws Exception {
        return Long.parseLong(tmux("display-message", "-p", "-t", session, "#{pane_pid}").trim());
    }

    String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux hung: " + cmd);
        }
        if (p.exitValue() != 0) throw new IOException("tmux " + String.join(" ", args) + ": " + out);
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            tmux("kill-server");
        } catch (IOException ignored) {
            // already gone
        }
    }
}
