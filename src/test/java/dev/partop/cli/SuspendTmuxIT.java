package dev.partop.cli;

import dev.partop.TestProcesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-Z from a real shell (bash in tmux): the terminal is given back exactly as it was
 * ({@code stty -a} compared), partop and its workers are stopped, {@code fg} redraws the
 * dashboard and {@code q} still quits, with the terminal as it was.
 */
class SuspendTmuxIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void tmux() {
        Tmux.require();
    }

    @Test
    void ctrlZGivesTheTerminalBackAndFgTakesItAgain() throws Exception {
        Path scenario = JarRunner.scenario(dir, "suspend.yaml", """
                name: suspend test
                phases:
                  - name: two workers
                    model: processes
                    workers: 2
                    workload: {tasks: 2, cpu: 8s}
                  - name: after
                    model: sequential
                    workload: {tasks: 1, cpu: 1s}
                """);
        Path before = dir.resolve("stty-before");
        Path stopped = dir.resolve("stty-stopped");
        Path after = dir.resolve("stty-after");
        try (Tmux t = Tmux.start(100, 30, Tmux.env(), "bash --norc --noprofile -i", false)) {
            t.keys("stty -a > " + before + "; " + JarRunner.commandLine(scenario), "Enter");
            t.awaitScreen(s -> s.contains("phase 1/2") && s.contains("worker 2"), 30, "the workers' phase");
            long pane = t.panePid();
            List<ProcessHandle> javas = ProcessHandle.of(pane).orElseThrow().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("java")).toList();
            assertThat(javas).as("partop and its 2 workers").hasSizeGreaterThanOrEqualTo(3);

            t.keys("C-z");
            t.awaitScreen(s -> s.contains("Stopped"), 10, "the shell's Stopped line");
            t.keys("stty -a > " + stopped, "Enter");
            awaitFile(stopped);
            assertThat(Files.readString(stopped)).as("terminal settings while partop is stopped")
                    .isEqualTo(Files.readString(before));
            for (ProcessHandle p : javas) {
                assertThat(state(p.pid())).as("process %d stopped with partop", p.pid()).isEqualTo('T');
            }

            t.keys("fg", "Enter");
            t.awaitScreen(s -> s.contains("phase 1/2") && s.contains("q quit"), 10, "the dashboard redrawn after fg");
            for (ProcessHandle p : javas) assertThat(state(p.pid())).as("process %d running again", p.pid()).isNotEqualTo('T');

            quitAndCheck(t, before, after, javas);
        }
    }

    /**
     * Ctrl-Z, then {@code bg}: a dashboard cannot draw from the background, so, as htop and btop,
     * partop is stopped again when it takes the terminal back ("Stopped (tty output)"), workers
     * and all; {@code fg} carries on, and the phase's clock counts neither pause.
     */
    @Test
    void bgStopsAgainUntilFgAndThePauseIsNotThePhases() throws Exception {
        Path scenario = dir.resolve("bg.yaml");
        Files.writeString(scenario, """
                name: bg test
                phases:
                  - name: two workers
                    model: processes
                    workers: 2
                    workload: {tasks: 2, cpu: 30s}
                """);
        Path before = dir.resolve("bg-stty-before");
        Path after = dir.resolve("bg-stty-after");
        try (Tmux t = Tmux.start(100, 30, Tmux.env(), "bash --norc --noprofile -i", false)) {
            t.keys("stty -a > " + before + "; " + JarRunner.commandLine(scenario), "Enter");
            String screen = t.awaitScreen(s -> s.contains("worker 2") && phaseSeconds(s) >= 1, 30, "the workers' phase");
            List<ProcessHandle> javas = ProcessHandle.of(t.panePid()).orElseThrow().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("java")).toList();
            double phaseBefore = phaseSeconds(screen);
            long t0 = System.nanoTime();

            t.keys("C-z");
            t.awaitScreen(s -> s.contains("Stopped"), 10, "the shell's Stopped line");
            t.keys("bg", "Enter");
            Thread.sleep(1000);
            t.keys("jobs -l", "Enter");
            t.awaitScreen(s -> s.contains("Stopped (tty output)"), 10, "the job stopped again by SIGTTOU");
            for (ProcessHandle p : javas) {
                assertThat(state(p.pid())).as("process %d stopped in the background", p.pid()).isEqualTo('T');
            }
            Thread.sleep(2000);

            t.keys("fg", "Enter");
            t.awaitScreen(s -> s.contains("q quit") && phaseSeconds(s) >= 0, 10, "the dashboard after fg");
            // the first frame after fg may come from a sample taken before the pause was known
            Thread.sleep(1500);
            screen = t.capture();
            double wall = (System.nanoTime() - t0) / 1e9;
            double phaseAfter = phaseSeconds(screen);
            System.out.printf("bg: %.1f s passed, the phase's clock moved %.1f s%n", wall, phaseAfter - phaseBefore);
            assertThat(phaseAfter - phaseBefore).as("the phase's clock skipped the %.1f s stopped", wall)
                    .isLessThan(wall - 2.5);
            for (ProcessHandle p : javas) assertThat(state(p.pid())).as("process %d running again", p.pid()).isNotEqualTo('T');

            quitAndCheck(t, before, after, javas);
        }
    }

    /** The phase's elapsed time in the header ("tasks 0/2  3.41s"); -1 where not shown. */
    private static double phaseSeconds(String screen) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tasks \\d+/\\d+ +([0-9.]+)s").matcher(screen);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static void awaitFile(Path f) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (Files.size(f) > 0) {
                    Thread.sleep(200);
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not written yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(f + " was not written");
    }

    /** The process's state letter from /proc (T: stopped). */
    private static char state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** q, then the terminal settings as before the start, and every java of partop gone within 5 s. */
    private static void quitAndCheck(Tmux t, Path before, Path after, List<ProcessHandle> javas) throws Exception {
        t.keys("q");
        t.awaitScreen(s -> !s.contains("q quit"), 10, "the shell's screen after q");
        t.keys("stty -a > " + after, "Enter");
        awaitFile(after);
        assertThat(Files.readString(after)).as("terminal settings after q").isEqualTo(Files.readString(before));
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (ProcessHandle p : javas) {
            while (TestProcesses.running(p.pid()) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(TestProcesses.running(p.pid())).as("java %d gone after q", p.pid()).isFalse();
        }
    }
}
