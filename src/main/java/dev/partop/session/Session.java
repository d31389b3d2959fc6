package dev.partop.session;

import dev.partop.util.Daemons;

import dev.partop.sink.Controls;
import dev.partop.sink.SnapshotSink;

import dev.partop.model.ExecutionModel;
import dev.partop.model.Lane;
import dev.partop.model.Models;
import dev.partop.model.PhaseContext;
import dev.partop.probe.CoreSource;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.scenario.Scenario;
import dev.partop.snapshot.PhaseInfo;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;
import dev.partop.snapshot.PythonRuntime;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlan;
import dev.partop.work.TaskPlans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a scenario's phases in order on the calling thread while a sampler thread turns the
 * running model's counters into one {@link Snapshot} per interval and hands it to every sink.
 * Also the {@link Controls} a dashboard calls: skip, restart, quit.
 */
public final class Session implements Controls {

    /** What a session needs besides the scenario. */
    public record Options(Duration interval, String onlyPhase, Duration calibrationBudget, String version,
                          boolean warmup) {

        /** Without the warm-up ({@link Warmup}), which a user's run has: for tests that need no settled JVM. */
        public Options(Duration interval, String onlyPhase, Duration calibrationBudget, String version) {
            this(interval, onlyPhase, calibrationBudget, version, false);
        }
    }

    private final Scenario scenario;
    private final List<Phase> phases;
    private final CoreSource cores;
    private final List<SnapshotSink> sinks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Options options;
    private final SelfMeter self = new SelfMeter();
    private final long originNanos = System.nanoTime();
    /** The first sample comes this soon (10 of Linux's 10 ms ticks), then one per interval. */
    private static final long FIRST_TICK_NANOS = 100_000_000L;
    /** The longest calibration waits for {@link #calibrateAfter}'s event. */
    static final long CALIBRATION_WAIT_MS = 1000;
    private static final long MIN_FIRST_TICK_NANOS = 1_000_000L;
    /** How soon a held, finished session notices restart or quit. */
    private static final long HOLD_POLL_NANOS = 20_000_000L;

    private volatile RunState state = RunState.CALIBRATING;
    private volatile PhaseRun current;
    private volatile List<PhaseResult> results = List.of();
    private volatile boolean quit;
    private volatile boolean restart;
    private volatile boolean skip;
    /** After the last phase, keep sampling and wait for restart or quit (a live dashboard). */
    private volatile boolean holdAtEnd;
    private volatile RunHeader header;
    /** The last thing that went wrong in partop itself (a sink that threw); every Snapshot after carries it. */
    private volatile String problem;
    private SnapshotAssembler assembler;
    private Calibration calibration;
    /** How the JIT compiler threads yield to each phase; null without a warm-up. */
    private CompilerThreads.Yield compilerYield;
    /** The machine's busy counters, to tell what other programs took; null on a synthetic machine. */
    private dev.partop.probe.MachineCpu machineCpu;
    private CompletableFuture<?> calibrateAfter = CompletableFuture.completedFuture(null);
    /** CPU of finished phases' threads, and the last phase counted in it (guarded by this). */
    private long finishedWorkloadNanos;
    private ExecutionModel countedModel;

    public Session(Scenario scenario, CoreSource cores, List<SnapshotSink> sinks, Options options) {
        this.scenario = scenario;
        this.cores = cores;
        this.sinks.addAll(sinks);
        this.options = options;
        this.phases = selectPhases(scenario, options.onlyPhase());
        self.workloadCpu(this::workloadCpuNanos);
    }

    /**
     * CPU used so far by the workload's threads in this JVM: every phase's lanes that are
     * threads, and the loopback peer that answers their round trips. Not worker processes
     * or commands: their CPU is not in this process's.
     */
    synchronized long workloadCpuNanos() {
        long sum = finishedWorkloadNanos + dev.partop.work.LoopbackServer.cpuNanos();
        PhaseRun run = current;
        if (run != null && run.model() != countedModel) sum += threadCpu(run.model());
        return sum;
    }

    private static long threadCpu(ExecutionModel model) {
        long sum = 0;
        for (Lane lane : model.lanes()) sum += lane.threadCpuNanos();
        return sum;
    }


    /** All phases, or with {@code only} the baseline (for the speed-up) and that phase. */
    static List<Phase> selectPhases(Scenario scenario, String only) {
        if (only == null) return scenario.phases();
        Phase chosen = scenario.phase(only);
        if (chosen == null) throw new IllegalArgumentException("no phase named '" + only + "'");
        Phase base = scenario.phase(scenario.baseline());
        if (base == null || base == chosen) return List.of(chosen);
        return List.of(base, chosen);
    }

    /**
     * Calibrates only once {@code event} has happened (a live view's first frame), or after
     * {@link #CALIBRATION_WAIT_MS} at most; only before {@link #run()}. Calibration keeps a core
     * busy: on two cores it would slow the JVM's start-up work that the first frame waits for,
     * and that work would in turn take CPU from the measurement.
     */
    public void calibrateAfter(CompletableFuture<?> event) {
        calibrateAfter = event;
    }

    /**
     * Once the last phase ends, keep sampling (state FINISHED: a view shows the machine as it
     * is now, not its last busy tick) until {@link #quit()}, and run the scenario again on
     * {@link #restart()}. Without it, {@link #run()} returns after the last phase and a restart
     * pressed on the final screen would find nothing left to restart. Only before {@link #run()}.
     */
    public void holdAtEnd(boolean hold) {
        holdAtEnd = hold;
    }

    /** What ran, once {@link #run()} has calibrated; null before. */
    public RunHeader header() {
        return header;
    }

    public SelfMeter selfMeter() {
        return self;
    }

    public List<PhaseResult> results() {
        return results;
    }

    /** Runs every phase, then sends the final Snapshot; returns the results. */
    public List<PhaseResult> run() {
        // sample from the start: a live view shows the cores while the work is calibrated
        assembler = new SnapshotAssembler(cores, self, originNanos);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = Daemons.create("partop-sampler", r);
            self.registerSampler(t);
            return t;
        });
        long period = options.interval().toNanos();
        // the first sample once the core counters have run FIRST_TICK (they may have started long before)
        long first = Math.max(MIN_FIRST_TICK_NANOS,
                Math.min(FIRST_TICK_NANOS, period) - (System.nanoTime() - cores.sinceNanos()));
        ScheduledFuture<?> ticking = sampler.scheduleAtFixedRate(this::tick, first, period, TimeUnit.NANOSECONDS);
        try {
            return runCalibrated();
        } finally {
            ticking.cancel(false);
            sampler.shutdown();
            awaitQuietly(sampler);
            // the one FINISHED Snapshot: sent only once the sampler has stopped, so it is the last
            current = null;
            state = RunState.FINISHED;
            tick();
        }
    }

    private List<PhaseResult> runCalibrated() {
        machineCpu = cores instanceof dev.partop.probe.SyntheticCoreSource ? null : new dev.partop.probe.MachineCpu();
        // read once now: its first reading loads classes, which must not fall between a phase's model and its clock
        if (machineCpu != null) machineCpu.busySeconds();
        try {
            calibrateAfter.get(CALIBRATION_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException notThere) {
            // no frame yet (or none coming): calibrate anyway
            if (notThere instanceof InterruptedException) Thread.currentThread().interrupt();
        }
        calibration = Calibration.measure(options.calibrationBudget());
        List<PythonRuntime> pythons = CpythonPhases.calibrate(phases);
        Warmup warmup = Warmup.NONE;
        if (options.warmup()) {
            state = RunState.WARMING_UP;
            warmup = Warmup.run(phases, calibration, originNanos, () -> quit, () -> {
                for (SnapshotSink s : sinks) s.warmUp(TimeUnit.MILLISECONDS.toNanos(Warmup.SINK_BUDGET_MS));
            });
        }
        // after the warm-up, which wants the compiler at full speed; from here on it yields its core
        compilerYield = options.warmup() ? CompilerThreads.Yield.plan(phases) : null;
        String compilers = compilerYield == null ? null
                : compilerYield.start() + "; " + CompilerThreads.stopOptimizingCompiler();
        RunHeader header = RunHeader.builder().partopVersion(options.version()).javaVersion(Runtime.version().toString())
                .os(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"))
                .machine(cores.machine()).scenarioName(scenario.name()).scenarioSource(scenario.source())
                .scenarioText(scenario.text()).opsPerSecond(calibration.opsPerSecond())
                .calibrationMs(calibration.tookMs()).intervalS(options.interval().toNanos() / 1e9)
                .phases(phases.stream().map(Phase::name).toList()).pythons(pythons)
                .warmup(options.warmup() ? warmup.describe() + "; " + compilers : null).warmupMs(warmup.runMs() + warmup.settleMs())
                .description(scenario.description()).figures(scenario.figures()).build();
        synchronized (this) {
            // no tick between the header and the first Snapshot after it
            this.header = header;
            for (SnapshotSink s : sinks) s.header(header);
            state = RunState.RUNNING;
        }
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
                r -> Daemons.create("partop-timeout", r));
        try {
            do {
                restart = false;
                results = List.of();
                state = RunState.RUNNING;
                for (int i = 0; i < phases.size() && !quit && !restart; i++) runPhase(i, watchdog);
                if (holdAtEnd && !quit && !restart) {
                    current = null;
                    state = RunState.FINISHED;
                    while (!quit && !restart) LockSupport.parkNanos(HOLD_POLL_NANOS);
                }
            } while (restart && !quit);
        } finally {
            watchdog.shutdownNow();
        }
        return results;
    }

    private void runPhase(int index, ScheduledExecutorService watchdog) {
        Phase phase = phases.get(index);
        if (compilerYield != null) compilerYield.before(phase);
        PythonRuntime python = CpythonPhases.runtime(phase);
        PhaseInfo info = PhaseInfo.builder().name(phase.name()).model(phase.model().keyword())
                .settings(PhaseSettings.describe(phase))
                .runtime(!phase.isCpython() ? PhaseResult.MODEL
                        : python != null ? python.label() : "CPython (" + phase.python() + ")")
                .note(phase.note()).build();
        List<TaskPlan> tasks = TaskPlans.of(phase, calibration);
        // a command phase has no workload: its one task is the program
        int taskCount = phase.model() == ModelKind.COMMAND ? 1 : phase.model() == ModelKind.WATCH ? 0 : tasks.size();
        skip = false;
        Execution run = execute(index, phase, info, tasks, taskCount, watchdog);
        if (restart) return;
        List<PhaseResult> next = new ArrayList<>(results);
        next.add(run.result(phase, info, taskCount, python == null ? null : python.version()));
        results = Speedups.apply(next, scenario.baseline());
        tick();
    }

    /** What running one phase's model came to: its model (null if it could not be made), when, and how it ended. */
    private record Execution(ExecutionModel model, long start, long end, PhaseStatus status, String reason,
                             Disturbance.Finding others) {

        /** @param pythonVersion the interpreter's version for a CPython phase that found one, else null */
        PhaseResult result(Phase phase, PhaseInfo info, int taskCount, String pythonVersion) {
            double wall = (end - start) / 1e9;
            long cpuNanos = 0;
            long done = 0;
            if (model != null) {
                for (Lane lane : model.lanes()) {
                    cpuNanos += lane.cpuNanos();
                    done += lane.tasksDone();
                }
            }
            double cpu = cpuNanos / 1e9;
            return PhaseResult.builder().name(phase.name()).model(phase.model().keyword()).settings(info.settings())
                    .wallS(wall).cpuS(cpu).parallelism(wall > 0 ? cpu / wall : 0)
                    .tasksDone(done).tasksTotal(taskCount).status(status).reason(reason)
                    .stats(model == null ? null : model.stats(wall))
                    .runtime(info.runtime()).pythonVersion(phase.isCpython() ? pythonVersion : null)
                    .otherCpu(others == null ? null : others.otherCores()).disturbed(others != null && others.disturbed())
                    .build();
        }
    }

    /** Prepares and runs the phase's model, cut off by its timeout, skip, restart or quit. */
    private Execution execute(int index, Phase phase, PhaseInfo info, List<TaskPlan> tasks, int taskCount,
                              ScheduledExecutorService watchdog) {
        PhaseStatus status = PhaseStatus.OK;
        String reason = null;
        long start = 0;
        long end;
        ExecutionModel model = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> timeout = null;
        Disturbance others = null;
        Disturbance.Finding finding = null;
        try {
            model = Models.create(new PhaseContext(phase, tasks, calibration, originNanos));
            current = new PhaseRun(index, info, model, taskCount, 0);
            state = RunState.PREPARING;
            model.prepare();
            others = Disturbance.start(machineCpu, model);
            start = System.nanoTime();
            current = current.started(start);
            state = RunState.RUNNING;
            if (phase.timeout() != null) {
                ExecutionModel m = model;
                timeout = watchdog.schedule(() -> {
                    timedOut.set(true);
                    m.cancel();
                }, phase.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            if (!skip && !quit && !restart) model.run();
        } catch (Exception e) {
            status = PhaseStatus.FAILED;
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            end = System.nanoTime();
            if (timeout != null) timeout.cancel(false);
            if (others != null) finding = others.finish(model, (end - start) / 1e9);
            if (model != null) model.close();
        }
        PhaseRun shifted = current;
        if (start != 0 && shifted != null && shifted.index() == index && shifted.startNanos() != 0) {
            start = shifted.startNanos(); // later by any time the run was suspended
        }
        if (start == 0) start = end;
        if (model != null) {
            synchronized (this) {
                // the phase's threads are done: their CPU moves to the finished count, once
                finishedWorkloadNanos += threadCpu(model);
                countedModel = model;
            }
        }
        if (status == PhaseStatus.OK && timedOut.get() && phase.model() == ModelKind.WATCH) {
            reason = null; // 'partop watch --for D': the watch ends when asked to, not cut off
        } else if (status == PhaseStatus.OK && timedOut.get()) {
            status = PhaseStatus.TIMEOUT;
            reason = "cut off after " + phase.timeout().toMillis() + " ms";
        } else if (status == PhaseStatus.OK && (skip || quit || restart)) {
            status = PhaseStatus.SKIPPED;
            reason = quit ? "run stopped" : restart ? "run restarted" : "skipped";
        }
        return new Execution(model, start, end, status, reason, finding);
    }

    /** One sampler tick: assemble and hand out a Snapshot. Serialised: ticks never interleave. */
    private synchronized void tick() {
        if (assembler == null) return;
        Snapshot s;
        try {
            s = assembler.assemble(state, current, phases.size(), results, problem);
        } catch (RuntimeException e) {
            problem = "sampler: " + e;
            return;
        }
        boolean before = header == null;
        for (SnapshotSink sink : sinks) {
            try {
                if (before) sink.preview(s);
                else sink.snapshot(s);
            } catch (RuntimeException e) {
                // one consumer's failure must not stop the sampler or starve the others (it would
                // freeze every view), nor go to stderr, which is the dashboard's terminal: the
                // next Snapshots carry it
                String who = sink.getClass().getSimpleName();
                problem = (who.isEmpty() ? "a consumer" : who) + ": " + e;
            }
        }
    }

    private static void awaitQuietly(ScheduledExecutorService s) {
        try {
            s.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelCurrent() {
        PhaseRun run = current;
        if (run != null) run.model().cancel();
    }

    /**
     * The run was stopped (Ctrl-Z) for {@code nanos}: the phase's clock skips the pause, so its
     * wall time, parallelism and speed-up are those of the time it ran.
     */
    public synchronized void suspended(long nanos) {
        PhaseRun run = current;
        if (run != null && run.startNanos() != 0) current = run.started(run.startNanos() + nanos);
    }

    @Override
    public void skipPhase() {
        skip = true;
        cancelCurrent();
    }

    @Override
    public void restart() {
        restart = true;
        cancelCurrent();
    }

    @Override
    public void quit() {
        quit = true;
        cancelCurrent();
    }


}
