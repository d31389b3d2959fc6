package dev.partop.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real jar in terminals a user may have: tiny and huge panes, a storm of resizes, no TERM
 * or a dumb one, no locale. In every case partop shows the dashboard or one clear line, ends on
 * {@code q} (or at once, for an error) with its exit code, and leaves the terminal's settings
 * exactly as they were ({@code stty -a} in the pane before and after, compared).
 */
class HostileTerminalsTmuxIT {

    @TempDir
    static Path dir;
    static Path scenario;

    @BeforeAll
    static void setUp() throws IOException {
        Tmux.require();
        // a minute of work: every case quits with q long before
        scenario = JarRunner.scenario(dir, "long.yaml", """
                name: terminal test
                phases:
                  - name: one thread
                    model: sequential
                    workload: {tasks: 1, cpu: 60s}
                """);
    }

    /** A pane running {@code prefix java -jar partop}, with stty -a before and after, and the exit code, in files. */
    private static final class Pane implements AutoCloseable {
        final Tmux tmux;
        final Path before;
        final Path after;
        final Path exit;

        Pane(int cols, int rows, String prefix, Map<String, String> env) throws Exception {
            String id = cols + "x" + rows + "-" + System.nanoTime();
            before = dir.resolve("stty-before-" + id);
            after = dir.resolve("stty-after-" + id);
            exit = dir.resolve("exit-" + id);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            tmux = Tmux.start(cols, rows, env, "stty -a > " + before + "; " + prefix + " " + java + " -jar "
                    + JarRunner.jar() + " " + scenario + "; echo $? > " + exit + "; stty -a > " + after, false);
        }

        String await(Predicate<String> ok, String what) throws Exception {
            return tmux.awaitScreen(ok, 30, what);
        }

        /** The exit code, once partop has ended and the settings after it are written. */
        int exitCode() throws Exception {
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (Files.exists(after) && Files.size(after) > 0 && Files.exists(exit) && Files.size(exit) > 0) {
                    Thread.sleep(100);
                    return Integer.parseInt(Files.readString(exit).trim());
                }
                Thread.sleep(50);
            }
            throw new AssertionError("partop did not end; screen:\n" + tmux.capture());
        }

        void assertTerminalAsBefore() throws IOException {
            assertThat(Files.readString(after)).as("stty -a after partop").isEqualTo(Files.readString(before));
        }

        @Override
        public void close() throws Exception {
            tmux.close();
        }
    }

    private static Map<String, String> env() {
        // the tmux server passes on the test's own environment: CI=true would mean headless
        return Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "CI", "");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1, p", "10, 5, partop", "20, 8, this terminal is", "400, 120, q quit"})
    void anySizeShowsTheDashboardOrSaysWhatItNeedsAndQuitsOnQ(int cols, int rows, String shown) throws Exception {
        try (Pane p = new Pane(cols, rows, "", env())) {
            // the description may come a frame after the first (the render thread does not wait for it)
            String screen = p.await(s -> s.contains(shown) && (cols < 40 || s.contains("terminal test")),
                    shown + (cols < 40 ? "" : " and the description"));
            if (cols >= 40) assertThat(screen).contains("terminal test");
            p.tmux.keys("q");
            assertThat(p.exitCode()).isZero();
            p.assertTerminalAsBefore();
        }
    }

    @Test
    void aHundredResizesInOneSecond() throws Exception {
        try (Pane p = new Pane(100, 30, "", env())) {
            p.await(s -> s.contains("q quit") && s.contains("phase 1/1"), "the dashboard");
            // one tmux client, the resizes 10 ms apart: the storm takes a second, whatever the machine's load
            List<String> storm = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                if (!storm.isEmpty()) storm.add(";");
                storm.addAll(List.of("resize-window", "-t", "partop", "-x", String.valueOf(20 + (i * 37) % 181),
                        "-y", String.valueOf(3 + (i * 13) % 58), ";", "run-shell", "sleep 0.01"));
            }
            long t0 = System.nanoTime();
            p.tmux.tmux(storm.toArray(String[]::new));
            System.out.printf("100 resizes took %.2f s%n", (System.nanoTime() - t0) / 1e9);
            p.tmux.resize(100, 30);
            String screen = p.await(s -> {
                List<String> l = s.lines().toList();
                return l.size() == 30 && l.get(0).startsWith("partop terminal test") && l.get(29).contains("q quit");
            }, "the dashboard redrawn whole at 100x30");
            assertThat(screen.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
            p.tmux.keys("q");
            assertThat(p.exitCode()).isZero();
            p.assertTerminalAsBefore();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"TERM=dumb", "env -u TERM"})
    void noUsableTermIsOneClearLineAndExitTwo(String prefix) throws Exception {
        try (Pane p = new Pane(120, 20, prefix, env())) {
            assertThat(p.exitCode()).isEqualTo(2);
            String screen = p.tmux.capture();
            assertThat(screen).contains("cannot draw a dashboard").contains("--headless");
            assertThat(screen).doesNotContain("Exception").doesNotContain("\tat ");
            p.assertTerminalAsBefore();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"LANG= LC_ALL= LC_CTYPE=", "LC_ALL=C"})
    void noLocaleStillDrawsAndQuits(String prefix) throws Exception {
        try (Pane p = new Pane(100, 30, "env " + prefix, env())) {
            String screen = p.await(s -> s.contains("q quit") && s.contains("phase 1/1"), "the dashboard");
            // without UTF-8 the glyphs are ASCII: nothing the terminal would show as '?'
            assertThat(screen).doesNotContain("?");
            p.tmux.keys("q");
            assertThat(p.exitCode()).isZero();
            p.assertTerminalAsBefore();
        }
    }
}
