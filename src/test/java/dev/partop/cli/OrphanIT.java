package dev.partop.cli;

import dev.partop.TestProcesses;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No worker outlives partop: the real jar runs 4 workers on long tasks, is killed with a
 * signal, and every worker must be gone within 2 s (SIGKILL: the workers see their stdin
 * close; SIGTERM and SIGHUP: partop's shutdown hook kills them too).
 */
class OrphanIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"KILL", "TERM", "HUP"})
    void noWorkerSurvivesTheParent(String signal) throws Exception {
        Path file = JarRunner.scenario(dir, "long.yaml", """
                name: long workers
                phases:
                  - name: four workers
                    model: processes
                    workers: 4
                    workload: {tasks: 4, cpu: 60s}
                """);
        Process parent = JarRunner.startQuietly("--headless", file.toString());
        try {
            List<ProcessHandle> workers = List.of();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (workers.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                workers = parent.toHandle().children().filter(p -> p.info().commandLine().orElse("").contains("worker"))
                        .toList();
            }
            assertThat(workers).as("4 workers started").hasSize(4);
            Thread.sleep(3000); // let them start (4 JVMs on 2 cores) and get to work
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(parent.pid())).start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(parent.waitFor(10, TimeUnit.SECONDS)).as("parent exits on SIG" + signal).isTrue();
            long gone = System.nanoTime() + 2_000_000_000L;
            for (ProcessHandle w : workers) {
                while (TestProcesses.running(w.pid()) && System.nanoTime() < gone) Thread.sleep(20);
                assertThat(TestProcesses.running(w.pid())).as("worker %d running 2 s after SIG%s to partop", w.pid(),
                        signal).isFalse();
            }
        } finally {
            JarRunner.destroy(parent);
        }
    }

    /**
     * The same for a CPython {@code processes} phase: the agent (python3) and its multiprocessing
     * workers die with partop. SIGKILL leaves no shutdown hook: the agent sees its stdin close and
     * kills its workers, and each worker has the kernel kill it when the agent dies.
     */
    @ParameterizedTest
    @ValueSource(strings = {"KILL", "TERM", "HUP"})
    void noPythonSurvivesTheParent(String signal) throws Exception {
        Path file = JarRunner.scenario(dir, "long-python.yaml", """
                name: long python workers
                phases:
                  - name: two python workers
                    model: processes
                    runtime: cpython
                    start-method: forkserver
                    workers: 2
                    workload: {tasks: 2, cpu: 60s}
                """);
        Process parent = JarRunner.startQuietly("--headless", file.toString());
        try {
            List<ProcessHandle> pythons = List.of();
            long deadline = System.nanoTime() + 60_000_000_000L;
            // the agent, the fork server and two workers (and the resource tracker)
            while (pythons.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                pythons = parent.toHandle().descendants()
                        .filter(p -> p.info().command().orElse("").contains("python")).toList();
            }
            assertThat(pythons.size()).as("python processes started: %s", pythons).isGreaterThanOrEqualTo(4);
            Thread.sleep(1000);
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(parent.pid())).start();
            assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(parent.waitFor(10, TimeUnit.SECONDS)).as("parent exits on SIG" + signal).isTrue();
            long gone = System.nanoTime() + 2_000_000_000L;
            for (ProcessHandle w : pythons) {
                while (TestProcesses.running(w.pid()) && System.nanoTime() < gone) Thread.sleep(20);
                assertThat(TestProcesses.running(w.pid())).as("python %d running 2 s after SIG%s to partop", w.pid(),
                        signal).isFalse();
            }
        } finally {
            JarRunner.destroy(parent);
        }
    }
}
