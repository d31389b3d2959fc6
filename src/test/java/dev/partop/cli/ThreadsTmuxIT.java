package dev.partop.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code partop watch PID} and {@code partop run -- CMD} in a real terminal, on real python3. */
class ThreadsTmuxIT {

    private static final String SPIN = """
            import sys, threading, time
            def spin():
                x = 0
                while True: x += 1
            for _ in range(4): threading.Thread(target=spin, daemon=True).start()
            time.sleep(float(sys.argv[1]))
            """;

    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        assumeTrue(new ProcessBuilder("python3", "-c", "pass").start().waitFor() == 0, "no python3");
        script = dir.resolve("spin.py");
        Files.writeString(script, SPIN);
    }

    @Test
    void watchDrawsThreadsAndTheGilQuitsLeavingTheProcessRunningAndReplays() throws Exception {
        Process py = new ProcessBuilder("python3", script.toString(), "120").start();
        Path saved = dir.resolve("watch.partop");
        try (Tmux t = Tmux.start(120, 36, Tmux.env(), JarRunner.commandLine("watch", py.pid(), "--save", saved))) {
            String screen = t.awaitScreen(s -> s.contains("hand-overs/s") && s.contains("threads"), 30,
                    "thread lanes and the real GIL");
            assertThat(screen).contains("GIL " + py.pid()).contains("watch " + py.pid());
            t.keys("q");
            String after = t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 15, "partop to exit");
            assertThat(after).contains("PARTOP-EXIT=0");
            assertThat(py.isAlive()).as("the watched process is left running").isTrue();
        } finally {
            py.destroyForcibly();
            py.waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(saved).exists();
        try (Tmux t = Tmux.start(120, 36, Tmux.env(), JarRunner.commandLine("replay", saved))) {
            t.awaitScreen(s -> s.contains("hand-overs/s") && s.contains("threads"), 30, "the replayed watch");
            t.keys("q");
            t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 15, "replay to exit");
        }
    }

    @Test
    void runDashDashShowsTheProgramsThreadsAndQuitLeavesNothing() throws Exception {
        try (Tmux t = Tmux.start(120, 36, Tmux.env(), JarRunner.commandLine("run", "--", "python3", script, "120"))) {
            t.awaitScreen(s -> s.contains("hand-overs/s") && s.contains("threads"), 30, "the program's threads");
            long pane = t.panePid();
            t.keys("q");
            String after = t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 15, "partop to exit");
            assertThat(after).contains("PARTOP-EXIT=0");
            long deadline = System.nanoTime() + 3_000_000_000L;
            boolean left = true;
            while (left && System.nanoTime() < deadline) {
                left = ProcessHandle.of(pane).stream().flatMap(ProcessHandle::descendants)
                        .anyMatch(p -> p.info().command().orElse("").contains("python"));
                if (left) Thread.sleep(100);
            }
            assertThat(left).as("python still running under the pane").isFalse();
        }
    }
}
