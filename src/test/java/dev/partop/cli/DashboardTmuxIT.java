package dev.partop.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real jar in a real terminal (tmux): it draws, follows a resize, answers keys, quits,
 * gives the terminal back and leaves no process behind, under several TERM and locale settings.
 */
class DashboardTmuxIT {

    private static final String SCENARIO =
            JarRunner.twoTasksScenario("tmux test", "Two short phases to press keys at.", "1500ms", false);

    @TempDir
    static Path dir;
    static Path scenario;

    @BeforeAll
    static void setUp() throws Exception {
        Tmux.require();
        scenario = JarRunner.scenario(dir, "tmux.yaml", SCENARIO);
    }

    private static String command() {
        return JarRunner.commandLine(scenario);
    }

    @Test
    void drawsResizesAnswersKeysAndQuitsCleanly() throws Exception {
        try (Tmux t = Tmux.start(100, 30, Tmux.env(), command())) {
            String first = t.awaitScreen(s -> s.contains("phase 1/2"), 20, "the first phase");
            assertThat(first).contains("partop tmux test").contains("of " + Runtime.getRuntime().availableProcessors() + " cores")
                    .contains("q quit");
            assertThat(first.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(100);

            t.resize(150, 40);
            t.awaitScreen(s -> s.lines().anyMatch(l -> l.stripTrailing().length() > 110), 5, "a redraw at 150 columns");

            t.keys("p");
            t.awaitScreen(s -> s.contains("PAUSED"), 5, "PAUSED");
            t.keys("p");
            t.awaitScreen(s -> !s.contains("PAUSED"), 5, "the display to resume");

            t.keys("h");
            t.awaitScreen(s -> s.contains("partop keys"), 5, "the help overlay");
            t.keys("x");
            t.awaitScreen(s -> !s.contains("partop keys"), 5, "the help to close");

            t.keys("n");
            t.awaitScreen(s -> s.contains("phase 2/2"), 10, "the next phase after n");
            long pane = t.panePid();

            t.keys("q");
            String after = t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 10, "partop to exit");
            assertThat(after).contains("PARTOP-EXIT=0");
            // the alternate screen is gone: the dashboard's last frame is not left on the terminal
            assertThat(after).doesNotContain("q quit");
            assertNoJavaUnder(pane);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM=xterm", "TERM=vt100", "LANG=C", "NO_COLOR=1", "TERM=xterm-256color"})
    void worksUnder(String setting) throws Exception {
        String[] kv = setting.split("=", 2);
        try (Tmux t = Tmux.start(80, 24, Tmux.env(kv[0], kv[1]), command())) {
            String screen = t.awaitScreen(s -> s.contains("phase 1/2"), 20, "the first phase under " + setting);
            assertThat(screen).contains("q quit").contains("total");
            if (setting.equals("LANG=C")) {
                // no UTF-8 locale: the ASCII symbol set, nothing garbled
                assertThat(screen.chars()).allSatisfy(c -> assertThat(c).isLessThan(128));
            }
            long pane = t.panePid();
            t.keys("C-c");
            String after = t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 10, "Ctrl-C to quit");
            assertThat(after).contains("PARTOP-EXIT=0");
            assertNoJavaUnder(pane);
        }
    }

    /**
     * Between frames the render thread sleeps until something wakes it: about one wake-up per
     * frame at 4 fps (it polled the keyboard 20 times a second, 20.4 wake-ups/s measured, each
     * some 80 us of CPU here), and a key still acts at once, read by a thread of its own.
     */
    @Test
    void theRenderThreadSleepsBetweenFramesAndKeysStillAct() throws Exception {
        Path slow = JarRunner.scenario(dir, "slow.yaml", SCENARIO.replace("1500ms", "20s"));
        try (Tmux t = Tmux.start(100, 30, Tmux.env(), JarRunner.commandLine(slow, "--fps", "4"))) {
            t.awaitScreen(s -> s.contains("phase 1/2"), 20, "the first phase");
            ProcessHandle partop = ProcessHandle.of(t.panePid()).stream()
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
            Path render = thread(partop.pid(), "partop-render");
            assertThat(thread(partop.pid(), "partop-keys")).as("the key reader thread").isNotNull();
            long w0 = voluntarySwitches(render);
            long t0 = System.nanoTime();
            Thread.sleep(5000);
            double perSecond = (voluntarySwitches(render) - w0) / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("render thread: %.1f wake-ups/s at 4 fps%n", perSecond);
            assertThat(perSecond).as("render thread wake-ups per second at 4 fps").isLessThan(10);

            t.keys("h");
            t.awaitScreen(s -> s.contains("partop keys"), 5, "the help overlay");
            t.keys("q");
            t.awaitScreen(s -> s.contains("PARTOP-EXIT=0"), 10, "partop to exit");
        }
    }

    /** The /proc directory of the thread of {@code pid} named {@code name}, or null. */
    private static Path thread(long pid, String name) throws java.io.IOException {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(task.resolve("comm")).strip().equals(name)) return task;
            }
        }
        return null;
    }

    private static long voluntarySwitches(Path task) throws java.io.IOException {
        return Files.readAllLines(task.resolve("status")).stream().filter(l -> l.startsWith("voluntary_ctxt_switches"))
                .mapToLong(l -> Long.parseLong(l.split(":")[1].strip())).findFirst().orElseThrow();
    }

    /** r on the final screen runs the scenario again (it used to do nothing once the run had finished). */
    @Test
    void restartsFromTheFinalScreen() throws Exception {
        Path quick = JarRunner.scenario(dir, "quick.yaml", SCENARIO.replace("1500ms", "200ms"));
        String cmd = JarRunner.commandLine(quick);
        try (Tmux t = Tmux.start(100, 30, Tmux.env(), cmd)) {
            t.awaitScreen(s -> s.contains("all 2 phases done") && s.contains("finished"), 30, "the final screen");
            t.keys("r");
            t.awaitScreen(s -> s.contains("phase 1/2") || s.contains("phase 2/2"), 10, "the run to start again after r");
            t.awaitScreen(s -> s.contains("all 2 phases done") && s.contains("finished"), 30, "the second final screen");
            t.keys("q");
            assertThat(t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 10, "partop to exit")).contains("PARTOP-EXIT=0");
        }
    }

    /**
     * cpu-heavy (its phases, shorter work) on this machine at 100x30 and 120x40: during every
     * phase at most 2 rows above the results leave the left column blank.
     */
    @ParameterizedTest
    @ValueSource(strings = {"100x30", "120x40"})
    void cpuHeavyUsesTheWholeScreen(String size) throws Exception {
        Path heavy = JarRunner.scenario(dir, "heavy.yaml",
                Files.readString(Path.of("scenarios/cpu-heavy.yaml")).replace("cpu: 1s", "cpu: 250ms"));
        String cmd = JarRunner.commandLine(heavy);
        int cols = Integer.parseInt(size.split("x")[0]);
        int rows = Integer.parseInt(size.split("x")[1]);
        try (Tmux t = Tmux.start(cols, rows, Tmux.env(), cmd)) {
            for (int phase = 1; phase <= 4; phase++) {
                String marker = "phase " + phase + "/4";
                String screen = t.awaitScreen(s -> s.contains(marker) && s.contains("total"), 30, marker);
                assertThat(dev.partop.view.ScreenRows.blankAboveResults(screen)).as("%s at %s:%n%s", marker, size, screen)
                        .isLessThanOrEqualTo(2);
            }
            t.keys("q");
            t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 10, "partop to exit");
        }
    }

    private static void assertNoJavaUnder(long panePid) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean any = ProcessHandle.of(panePid).stream().flatMap(ProcessHandle::descendants)
                    .anyMatch(p -> p.info().command().orElse("").endsWith("java"));
            if (!any) return;
            Thread.sleep(100);
        }
        throw new AssertionError("a java process is still running under the tmux pane");
    }
}
