package dev.partop.session;

import dev.partop.model.ExecutionModel;
import dev.partop.model.Models;
import dev.partop.model.PhaseContext;
import dev.partop.scenario.ModelKind;
import dev.partop.scenario.Phase;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlans;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Puts the measured phases on a settled JVM: runs the code the scenario's phases will run
 * (their models on their own threads: lock hand-overs and forced switches, socket round
 * trips, sleeps, the kernels) scaled down and cut short, then waits until the JIT compiler
 * goes quiet. Without it the compiler, busy for the first seconds of every run, held one
 * of two cores while a phase ran and took it from the phase: the convoy demo's round trips
 * came out at 0.1-1.7 ms where CPython's are 9-10 ms. The sampler keeps ticking meanwhile,
 * and each sink runs its own per-Snapshot code ({@code SnapshotSink.warmUp}: the dashboard
 * paints 300 made-up frames offscreen; at 4 frames a second its code was still being compiled,
 * and interpreted, in the run's second minute).
 *
 * @param phasesRun  phases whose code ran (processes and commands are left out: they start programs)
 * @param runMs      how long that took
 * @param settleMs   how long the wait for a quiet compiler took
 * @param settled    whether it went quiet within the bound (false: the phases start anyway)
 * @param compileMs  the JIT's compile time over the whole warm-up, milliseconds (-1 if unknown)
 */
record Warmup(int phasesRun, double runMs, double settleMs, boolean settled, double compileMs) {

    /** Each phase's code runs at most this long per pass. */
    private static final long PER_PHASE_MS = 150;
    /** Running the phases' code takes at most this long in all. */
    private static final long RUN_BUDGET_MS = 1500;
    /** Each sink's own warm-up (the dashboard painting) takes at most about this long. */
    static final long SINK_BUDGET_MS = 400;
    /** The compiler counts as quiet once it compiled less than {@link #QUIET_MS} in this long. */
    private static final long QUIET_WINDOW_MS = 300;
    private static final long QUIET_MS = 3;
    /** The wait for a quiet compiler ends here whatever the compiler does. */
    private static final long SETTLE_BUDGET_MS = 3000;
    /** A cpu task runs this many times shorter than in the phase (2 s of work becomes 50 ms). */
    private static final double SCALE = 40;
    /**
     * The switch interval is this many times shorter than the phase's (5 ms becomes 0.5 ms), so
     * the lock's hand-over paths (timed waits, drop requests, forced switches) run thousands of
     * times and are compiled before the phase. At the phase's own interval a cut-short convoy
     * made about 30 hand-overs: the JIT compiled them during the measured phase, and a woken
     * CPU thread waited behind the compile while the I/O thread did its round trips unhindered.
     */
    private static final long SWITCH_SCALE = 10;
    /** No switch interval in the warm-up is shorter than this. */
    private static final Duration MIN_SWITCH = Duration.ofNanos(20_000);

    static final Warmup NONE = new Warmup(0, 0, 0, false, -1);

    /** What was done, in a few words, for the run header. */
    String describe() {
        return String.format(java.util.Locale.ROOT,
                "ran %d phase(s)' code scaled down for %.0f ms, then %s after %.0f ms (JIT compiled for %.0f ms)",
                phasesRun, runMs, settled ? "the JIT compiler went quiet" : "gave up waiting for the JIT compiler",
                settleMs, compileMs);
    }

    static Warmup run(List<Phase> phases, Calibration calibration, long originNanos, BooleanSupplier stop,
                      Runnable sinks) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compile0 = timed ? jit.getTotalCompilationTime() : 0;
        long t0 = System.nanoTime();
        List<Phase> runnable = new ArrayList<>();
        for (Phase p : phases) {
            if (p.model() != ModelKind.PROCESSES && p.model() != ModelKind.COMMAND && !p.isCpython()) runnable.add(p);
        }
        Calibration small = new Calibration(calibration.opsPerSecond() / SCALE, 0);
        ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "partop-warmup-cut");
            t.setDaemon(true);
            return t;
        });
        try {
            long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(RUN_BUDGET_MS);
            // twice over if there is time: the second pass runs what the first got compiled
            for (int pass = 0; pass < 2; pass++) {
                for (Phase p : runnable) {
                    if (stop.getAsBoolean() || System.nanoTime() > deadline) break;
                    runCut(p, small, originNanos, cutter);
                }
            }
        } finally {
            cutter.shutdownNow();
        }
        if (!stop.getAsBoolean()) sinks.run(); // the painter's code, before the wait for a quiet compiler
        long t1 = System.nanoTime();
        boolean settled = !timed;
        if (timed) {
            long settleDeadline = t1 + TimeUnit.MILLISECONDS.toNanos(SETTLE_BUDGET_MS);
            long last = jit.getTotalCompilationTime();
            while (!stop.getAsBoolean() && System.nanoTime() < settleDeadline) {
                sleepMs(QUIET_WINDOW_MS);
                long now = jit.getTotalCompilationTime();
                if (now - last < QUIET_MS) {
                    settled = true;
                    break;
                }
                last = now;
            }
        }
        long t2 = System.nanoTime();
        return new Warmup(runnable.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, settled,
                timed ? jit.getTotalCompilationTime() - compile0 : -1);
    }

    private static void runCut(Phase p, Calibration small, long originNanos, ScheduledExecutorService cutter) {
        ExecutionModel model = null;
        try {
            Phase fast = fastHandOvers(p);
            model = Models.create(new PhaseContext(fast, TaskPlans.of(fast, small), small, originNanos));
            model.prepare();
            ExecutionModel m = model;
            var cut = cutter.schedule(m::cancel, PER_PHASE_MS, TimeUnit.MILLISECONDS);
            model.run();
            cut.cancel(false);
        } catch (Exception e) {
            // only a warm-up: the phase itself will say what is wrong
        } finally {
            if (model != null) model.close();
        }
    }

    /** {@code p} with its switch interval {@link #SWITCH_SCALE} times shorter. */
    static Phase fastHandOvers(Phase p) {
        Duration d = p.switchInterval();
        if (d == null) return p;
        Duration shorter = d.dividedBy(SWITCH_SCALE);
        return p.toBuilder().switchInterval(shorter.compareTo(MIN_SWITCH) < 0 ? MIN_SWITCH : shorter).build();
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
