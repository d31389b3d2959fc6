package dev.partop.view;

import dev.partop.probe.SyntheticCoreSource;
import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.HolderSpan;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.LockStats;
import dev.partop.snapshot.Machine;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.PhaseInfo;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.SelfStats;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots of a GIL phase on a machine of any size, deterministic, for screen tests: the
 * cores come from the synthetic core source, eight lanes pass one lock around.
 */
public final class SyntheticSnapshots {

    private SyntheticSnapshots() {
    }

    public static RunHeader header(int cores) {
        Machine m = new SyntheticCoreSource(cores).machine();
        return RunHeader.builder().partopVersion("test").javaVersion("17").os("Linux").machine(m)
                .scenarioName("CPU-heavy work under a GIL").scenarioSource("builtin:cpu-heavy").scenarioText("")
                .opsPerSecond(5e8).calibrationMs(300).intervalS(0.25)
                .phases(List.of("one thread", "8 threads, one GIL", "8 free threads")).build();
    }

    public static List<PhaseResult> results() {
        LockStats lock = new LockStats(1, 1600, 1590, 800, 1580, 190, 55, 12.5, 0.99, 0, 0);
        return List.of(
                PhaseResult.builder().name("one thread").model("sequential").settings("1 thread, 8 tasks")
                        .wallS(8.1).cpuS(8.08).parallelism(1.0).speedup(1.0).tasksDone(8).tasksTotal(8).build(),
                PhaseResult.builder().name("8 threads, one GIL").model("gil-threads")
                        .settings("8 threads, switch 5ms, 8 tasks").wallS(8.4).cpuS(8.3).parallelism(0.99).speedup(0.96)
                        .tasksDone(8).tasksTotal(8).stats(new ModelStats(lock, null, null, null)).build());
    }

    /**
     * A whole run: {@code ticks} snapshots of one thread, then of the GIL phase, then of eight
     * free threads, then (if {@code finished}) the final one, with every phase's result.
     */
    public static List<Snapshot> wholeRun(int cores, int ticks, boolean finished) {
        SyntheticCoreSource source = new SyntheticCoreSource(cores);
        List<Snapshot> out = new ArrayList<>();
        String[] names = {"one thread", "8 threads, one GIL", "8 free threads"};
        String[] models = {"sequential", "gil-threads", "free-threads"};
        long seq = 0;
        for (int p = 0; p < 3; p++) {
            for (int t = 0; t < ticks; t++, seq++) {
                List<CoreSample> cs = new ArrayList<>();
                for (CoreSample c : source.sample()) {
                    double busy = p == 2 ? 1.0 : c.cpu() == t % cores ? 1.0 : 0.02;
                    cs.add(new CoreSample(c.cpu(), c.core(), c.pkg(), busy * 0.9, busy * 0.1, 0, c.freqMhz()));
                }
                List<LaneSample> lanes = new ArrayList<>();
                int count = p == 0 ? 1 : 8;
                for (int i = 0; i < count; i++) {
                    double hold = p == 1 ? (i == t % 8 ? 0.6 : 0.05) : 0;
                    double run = p == 1 ? 0 : 1;
                    lanes.add(new LaneSample(i, "T" + (i + 1), p == 1 ? (i == t % 8 ? LaneState.HOLDING
                            : LaneState.WAITING) : LaneState.RUNNING, p == 1 ? hold : 1, run, hold, p == 1 ? 1 - hold : 0,
                            0, 0, 0, 0));
                }
                double time = 1 + seq * 0.25;
                out.add(Snapshot.builder().seq(seq).t(time).state(RunState.RUNNING).phaseIndex(p).phaseCount(3)
                        .phase(PhaseInfo.builder().name(names[p]).model(models[p])
                                .settings(p == 0 ? "1 thread, 8 tasks" : "8 threads, 8 tasks").build())
                        .phaseElapsed(t * 0.25).tick(0.25).tasksDone(t / 4).tasksTotal(8).cores(cs).lanes(lanes)
                        .phaseCpu(t * 0.25).parallelism(1).self(new SelfStats(0.004, 4, 1500))
                        .results(p == 0 ? List.of() : allResults().subList(0, p)).build());
            }
        }
        if (finished) {
            out.add(finished(seq, 1 + seq * 0.25, source.sample(), allResults()));
        }
        return out;
    }

    /** The last Snapshot of a run of three phases: no phase, every result. */
    private static Snapshot finished(long seq, double time, List<CoreSample> cores, List<PhaseResult> results) {
        return Snapshot.builder().seq(seq).t(time).state(RunState.FINISHED).phaseCount(3).tick(0.25).cores(cores)
                .self(new SelfStats(0.003, 4, 900)).results(results).build();
    }

    /** The three phases of {@link #wholeRun}. */
    public static List<PhaseResult> allResults() {
        List<PhaseResult> all = new ArrayList<>(results());
        all.add(PhaseResult.builder().name("8 free threads").model("free-threads").settings("8 threads, 8 tasks")
                .wallS(4.1).cpuS(8.1).parallelism(1.98).speedup(1.98).tasksDone(8).tasksTotal(8).build());
        return all;
    }

    /** {@code ticks} snapshots of the GIL phase, then (if {@code finished}) the final one. */
    public static List<Snapshot> gilPhase(int cores, int ticks, boolean finished) {
        SyntheticCoreSource source = new SyntheticCoreSource(cores);
        List<Snapshot> out = new ArrayList<>();
        List<PhaseResult> done = results().subList(0, 1);
        for (int t = 0; t < ticks; t++) {
            List<CoreSample> cs = source.sample();
            List<LaneSample> lanes = new ArrayList<>();
            int holder = t % 8;
            for (int i = 0; i < 8; i++) {
                double hold = i == holder ? 0.6 : 0.05;
                lanes.add(new LaneSample(i, "T" + (i + 1), i == holder ? LaneState.HOLDING : LaneState.WAITING,
                        hold, 0, hold, 1 - hold, 0, 0, 0, 0));
            }
            double time = 10 + t * 0.25;
            List<HolderSpan> spans = List.of(new HolderSpan(0, holder, time - 0.25, time));
            LockStats lock = new LockStats(1, 40L * (t + 1), 39L * (t + 1), 20L * (t + 1), 38L * (t + 1), 190, 0.2 * t,
                    12.5, 0.99, 0, 0);
            IoStats io = new IoStats(10L * t, 5.1, 6.2, 9.9);
            out.add(Snapshot.builder().seq(t).t(time).state(RunState.RUNNING).phaseIndex(1).phaseCount(3)
                    .phase(PhaseInfo.builder().name("8 threads, one GIL").model("gil-threads")
                            .settings("8 threads, switch 5ms, 8 tasks").build())
                    .phaseElapsed(t * 0.25).tick(0.25).tasksDone(t / 10).tasksTotal(8).cores(cs).lanes(lanes)
                    .holders(spans).stats(new ModelStats(lock, io, null, null)).phaseCpu(t * 0.25).parallelism(0.99)
                    .self(new SelfStats(0.004, 4, 1500)).results(done).build());
        }
        if (finished) {
            out.add(finished(ticks, 10 + ticks * 0.25, source.sample(), results()));
        }
        return out;
    }

    /** {@code ticks} snapshots of a free-threads phase: three lanes computing without a lock, one in I/O. */
    public static List<Snapshot> freePhase(int cores, int ticks) {
        SyntheticCoreSource source = new SyntheticCoreSource(cores);
        List<Snapshot> out = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            List<LaneSample> lanes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lanes.add(new LaneSample(i, "T" + (i + 1), LaneState.RUNNING, 1.0, 1.0, 0, 0, 0, 0, 0, -1));
            }
            lanes.add(new LaneSample(3, "T4", LaneState.IO, 0.01, 0.01, 0, 0, 0.99, 0, 0, -1));
            double time = 20 + t * 0.25;
            out.add(Snapshot.builder().seq(100 + t).t(time).state(RunState.RUNNING).phaseIndex(2).phaseCount(3)
                    .phase(PhaseInfo.builder().name("8 free threads").model("free-threads")
                            .settings("4 threads, 4 tasks").build())
                    .phaseElapsed(t * 0.25).tick(0.25).tasksTotal(4).cores(source.sample()).lanes(lanes)
                    .phaseCpu(t * 0.75).parallelism(3.0).self(new SelfStats(0.004, 4, 1500)).results(results()).build());
        }
        return out;
    }

    /** The phases of model-vs-cpython: each case as a model, then in CPython (the names differ only at the end). */
    static final String[] PAIRED = {"one thread (model)", "one thread (CPython)", "2 GIL threads (model)",
            "2 GIL threads (CPython)", "I/O-bound threads (model)", "I/O-bound threads (CPython)", "convoy (model)",
            "convoy (CPython)", "2 processes (model)", "2 processes (CPython)"};
    private static final int[] PAIRED_LANES = {1, 1, 2, 2, 8, 8, 2, 2, 2, 2};

    public static RunHeader pairedHeader(int cores) {
        Machine m = new SyntheticCoreSource(cores).machine();
        return RunHeader.builder().partopVersion("test").javaVersion("17").os("Linux").machine(m)
                .scenarioName("partop's models beside real CPython").scenarioSource("builtin:model-vs-cpython")
                .scenarioText("").opsPerSecond(5e8).calibrationMs(300).intervalS(0.25).phases(List.of(PAIRED))
                .figures(List.of("speedup", "latency")).build();
    }

    /** A finished model-vs-cpython run: {@code ticks} snapshots of each of its ten phases, then the final one. */
    public static List<Snapshot> pairedRun(int cores, int ticks) {
        SyntheticCoreSource source = new SyntheticCoreSource(cores);
        List<Snapshot> out = new ArrayList<>();
        List<PhaseResult> results = new ArrayList<>();
        long seq = 0;
        for (int p = 0; p < PAIRED.length; p++) {
            String model = p < 2 ? "sequential" : p < 8 ? "gil-threads" : "processes";
            for (int t = 0; t < ticks; t++, seq++) {
                List<LaneSample> lanes = new ArrayList<>();
                for (int i = 0; i < PAIRED_LANES[p]; i++) {
                    boolean holds = i == t % PAIRED_LANES[p];
                    lanes.add(new LaneSample(i, "T" + (i + 1), holds ? LaneState.HOLDING : LaneState.WAITING,
                            holds ? 0.6 : 0.05, 0, holds ? 0.6 : 0.05, holds ? 0.4 : 0.95, 0, 0, 0, 0));
                }
                out.add(Snapshot.builder().seq(seq).t(1 + seq * 0.25).state(RunState.RUNNING).phaseIndex(p)
                        .phaseCount(PAIRED.length)
                        .phase(PhaseInfo.builder().name(PAIRED[p]).model(model).settings("2 tasks").build())
                        .phaseElapsed(t * 0.25).tick(0.25).tasksTotal(2).cores(source.sample()).lanes(lanes)
                        .phaseCpu(t * 0.25).parallelism(1).self(new SelfStats(0.004, 4, 1500))
                        .results(List.copyOf(results)).build());
            }
            boolean cpython = p % 2 == 1;
            results.add(PhaseResult.builder().name(PAIRED[p]).model(model).settings("2 tasks").wallS(2 + p * 0.1)
                    .cpuS(2).parallelism(0.99).speedup(1.0 + p * 0.01).tasksDone(2).tasksTotal(2)
                    .runtime(cpython ? "cpython" : null).pythonVersion(cpython ? "3.11.7" : null).build());
        }
        out.add(Snapshot.builder().seq(seq).t(1 + seq * 0.25).state(RunState.FINISHED).phaseCount(PAIRED.length)
                .tick(0.25).cores(source.sample()).self(new SelfStats(0.003, 4, 900)).results(List.copyOf(results))
                .build());
        return out;
    }
}
