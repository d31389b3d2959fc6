package dev.partop.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CPython GIL phase after the model's, in a real terminal: its lanes are named as the model's
 * (T1, T2), drawn from the OS threads, and its lock panel is the real GIL read from python3.
 */
class CpythonTmuxIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        assumeTrue(new ProcessBuilder("python3", "-c", "pass").start().waitFor() == 0, "no python3");
    }

    @Test
    void theCpythonPhaseDrawsTheModelsLanesFromItsThreadsAndTheRealGil() throws Exception {
        Path yaml = dir.resolve("side.yaml");
        Files.writeString(yaml, """
                name: side by side
                defaults: {workload: {tasks: 2, cpu: 300ms}, switch-interval: 5ms}
                phases:
                  - {name: gil model, model: gil-threads, threads: 2}
                  - {name: gil python, model: gil-threads, threads: 2, runtime: cpython,
                     workload: {tasks: 2, cpu: 3s}}
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + JarRunner.jar();
        try (Tmux t = Tmux.start(120, 36, Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "CI", ""),
                java + " " + yaml)) {
            String screen = t.awaitScreen(s -> s.contains("in CPython 3.") && s.contains("hand-overs/s")
                    && s.contains("\nT1 ") && s.contains("\nT2 "), 90, "the CPython phase's thread lanes and its GIL");
            assertThat(screen).contains("GIL wait").contains("wait total");
            t.keys("q");
            assertThat(t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 20, "partop to exit")).contains("PARTOP-EXIT=0");
        }
    }
}
