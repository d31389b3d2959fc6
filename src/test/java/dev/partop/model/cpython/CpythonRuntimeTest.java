package dev.partop.model.cpython;

import dev.partop.TestProcesses;
import dev.partop.model.Lane;
import dev.partop.model.PhaseContext;
import dev.partop.scenario.IoKind;
import dev.partop.scenario.IoSpec;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.PoolStart;
import dev.partop.scenario.RuntimeKind;
import dev.partop.scenario.Workload;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ProcessStats;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The real interpreter runs the phase: python3 on PATH, and every pyenv version this machine has. */
class CpythonRuntimeTest {

    private static final Calibration CAL = Calibration.measure(Duration.ofMillis(100));

    static Phase phase(ModelKind model, int threads, String python, String start, String method, Workload w) {
        return Phase.builder().name("p").model(model).threads(threads).workers(threads).interpreters(2)
                .start(PoolStart.valueOf(start.toUpperCase(java.util.Locale.ROOT))).workloads(List.of(w))
                .runtime(RuntimeKind.CPYTHON).python(python).startMethod(method).build();
    }

    static CpythonRuntime runtime(Phase p) {
        return new CpythonRuntime(new PhaseContext(p, TaskPlans.of(p, CAL), CAL, System.nanoTime()));
    }

    static Workload cpu(int tasks, int ms) {
        return Workload.builder().tasks(tasks).cpu(Duration.ofMillis(ms)).build();
    }

    /** python3, then each interpreter pyenv has here (2.7 runs the subset it supports). */
    static Stream<String> pythons() {
        List<String> out = new ArrayList<>(List.of("python3"));
        Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> s = Files.list(versions)) {
                s.sorted().forEach(v -> {
                    Path py = v.resolve("bin").resolve(v.getFileName().toString().startsWith("2.") ? "python" : "python3");
                    if (Files.isExecutable(py)) out.add(py.toString());
                });
            } catch (IOException e) {
                // none
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythons")
    void gilThreadsRunInTheInterpreterWithALanePerThread(String python) throws Exception {
        CpythonRuntime m = runtime(phase(ModelKind.GIL_THREADS, 2, python, "cold", null, cpu(4, 30)));
        try {
            m.prepare();
            m.run();
        } finally {
            m.close();
        }
        assertThat(m.version()).matches("\\d+\\.\\d+\\.\\d+t?");
        assertThat(m.lanes()).extracting(Lane::name).containsExactlyInAnyOrder("T1", "T2");
        assertThat(m.lanes().stream().mapToLong(Lane::tasksDone).sum()).isEqualTo(4);
        assertThat(m.lanes()).allSatisfy(l -> {
            assertThat(l.state()).isEqualTo(LaneState.DONE);
            assertThat(l.cpuNanos()).as("CPU of %s", l.name()).isPositive();
        });
        assertThat(TestProcesses.running(m.pid())).isFalse();
    }

    @Test
    void processesWithSpawnPickleThePayloadsAndCountTheWorkers() throws Exception {
        CpythonRuntime m = runtime(phase(ModelKind.PROCESSES, 2, "python3", "warm", "spawn",
                Workload.builder().tasks(4).cpu(Duration.ofMillis(50)).payload(100_000).build()));
        List<ProcessHandle> tree;
        try {
            m.prepare();
            tree = ProcessHandle.of(m.pid()).orElseThrow().descendants().toList();
            assertThat(m.lanes()).as("a warm pool is up before the clock").hasSize(2);
            m.run();
        } finally {
            m.close();
        }
        ProcessStats s = m.stats(1).processes();
        assertThat(s.workers()).isEqualTo(2);
        assertThat(s.ipcBytes()).isEqualTo(4L * 2 * 100_000);
        assertThat(s.startupMsMean()).isPositive();
        assertThat(m.lanes()).extracting(Lane::name).containsExactlyInAnyOrder("worker 1", "worker 2");
        assertThat(m.lanes().stream().mapToLong(Lane::tasksDone).sum()).isEqualTo(4);
        assertThat(m.lanes().stream().mapToLong(Lane::cpuNanos).sum()).isPositive();
        for (ProcessHandle h : tree) assertThat(TestProcesses.running(h.pid())).as("pid %d", h.pid()).isFalse();
    }

    @Test
    void eventLoopSocketsRoundTripToPartopsLoopbackServer() throws Exception {
        CpythonRuntime m = runtime(phase(ModelKind.EVENT_LOOP, 1, "python3", "cold", null,
                Workload.builder().tasks(20).io(new IoSpec(IoKind.SOCKET, Duration.ofMillis(20))).rounds(3).build()));
        long t0 = System.nanoTime();
        try {
            m.prepare();
            t0 = System.nanoTime();
            m.run();
        } finally {
            m.close();
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        IoStats io = m.stats(wallS).io();
        assertThat(io.ops()).isEqualTo(60);
        assertThat(io.latencyMsMean()).isGreaterThanOrEqualTo(19);
        // one after another they take 1.2 s; overlapped, one task's three (the machine may be loaded: a loose bound)
        assertThat(wallS).as("the waits overlap").isLessThan(20 * 3 * 0.020 * 0.75);
        assertThat(m.lanes().get(0).name()).isEqualTo("loop");
        assertThat(m.lanes()).hasSize(21);
    }

    @Test
    void aCrashFailsThePhaseWithTheLastLineOfTheTraceback(@TempDir Path dir) throws Exception {
        // an interpreter that answers partop's probe, then dies in the phase
        Path python = dir.resolve("crashing-python");
        Files.writeString(python, """
                #!/bin/sh
                case "$*" in *--probe*) exec python3 "$@";; esac
                exec python3 -c 'import sys; sys.stdin.readline(); raise ValueError("boom in the agent")'
                """);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        CpythonRuntime m = runtime(phase(ModelKind.SEQUENTIAL, 1, python.toString(), "cold", null, cpu(1, 10)));
        try {
            assertThatThrownBy(() -> {
                m.prepare();
                m.run();
            }).hasMessage("ValueError: boom in the agent");
        } finally {
            m.close();
        }
    }

    @Test
    void aModelTheInterpreterLacksSaysWhatIsNeeded() throws Exception {
        Interpreter i = Interpreters.probe("python3");
        assumeThat(i.lacks()).containsKey("interpreters");
        CpythonRuntime m = runtime(phase(ModelKind.INTERPRETERS, 2, "python3", "cold", null, cpu(2, 10)));
        try {
            assertThatThrownBy(m::prepare).hasMessageContaining("needs CPython 3.14");
        } finally {
            m.close();
        }
    }

    @Test
    void aMissingInterpreterIsOneLine() {
        assertThatThrownBy(() -> Interpreters.probe("no-such-python-here"))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot start 'no-such-python-here': no such file or directory");
    }

    @Test
    void cancelKillsTheAgentAndItsWorkers() throws Exception {
        CpythonRuntime m = runtime(phase(ModelKind.PROCESSES, 2, "python3", "warm", "fork", cpu(2, 60_000)));
        List<ProcessHandle> tree;
        try {
            m.prepare();
            tree = new ArrayList<>(ProcessHandle.of(m.pid()).orElseThrow().descendants().toList());
            tree.add(ProcessHandle.of(m.pid()).orElseThrow());
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    // go on
                }
                m.cancel();
            });
            canceller.start();
            m.run();
            canceller.join();
        } finally {
            m.close();
        }
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle h : tree) {
            while (TestProcesses.running(h.pid()) && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(TestProcesses.running(h.pid())).as("pid %d after cancel", h.pid()).isFalse();
        }
    }

    @Test
    void theAgentsOwnTestsPass() throws Exception {
        Process p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "src/test/python")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
