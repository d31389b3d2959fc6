package dev.partop.model;

import dev.partop.util.Daemons;

import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ModelStats;
import dev.partop.work.Cancelled;
import dev.partop.work.EvalBreaker;
import dev.partop.work.IoWork;
import dev.partop.work.LatencyRecorder;
import dev.partop.work.TaskEnv;
import dev.partop.work.TaskPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * N platform threads, one lane each, that take the phase's tasks from a shared list in order
 * (like a ThreadPoolExecutor) and run them through a {@link LaneEnvFactory}. The thread
 * models differ only in their env: direct, under an interpreter lock, or with critical
 * sections.
 */
public class ThreadPoolModel implements ExecutionModel {

    private final PhaseContext ctx;
    private final LaneEnvFactory envs;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final LatencyRecorder latency;
    private volatile boolean cancelled;

    /** The cancellation check every env's breaker calls: one volatile read. */
    private final EvalBreaker cancelCheck = () -> {
        if (cancelled) throw new Cancelled();
    };

    public ThreadPoolModel(PhaseContext ctx, int threadCount, LaneEnvFactory envs) {
        this(ctx, threadCount, envs, null);
    }

    /**
     * @param latency where the env records I/O latency (the same recorder the env got), or
     *                null when the env records none
     */
    public ThreadPoolModel(PhaseContext ctx, int threadCount, LaneEnvFactory envs, LatencyRecorder latency) {
        this(ctx, threadCount, envs, latency, 0);
    }

    /**
     * @param lockCount interpreter locks the threads are spread over (thread {@code i} uses lock
     *                  {@code i mod lockCount}); 0 for none
     */
    protected ThreadPoolModel(PhaseContext ctx, int threadCount, LaneEnvFactory envs, LatencyRecorder latency,
                              int lockCount) {
        this.ctx = ctx;
        this.envs = envs;
        this.latency = latency;
        // no more threads than tasks: an idle thread would only clutter the lanes
        int n = Math.max(1, Math.min(threadCount, Math.max(1, ctx.tasks().size())));
        for (int i = 0; i < n; i++) lanes.add(new Lane(i, "T" + (i + 1), lockCount > 0 ? i % lockCount : -1));
    }

    public EvalBreaker cancelCheck() {
        return cancelCheck;
    }

    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void run() throws Exception {
        for (Lane lane : lanes) {
            threads.add(Daemons.create("partop-" + ctx.phase().model().keyword() + "-" + lane.name(), () -> work(lane)));
        }
        for (int i = 0; i < threads.size(); i++) startAndAwaitBegun(threads.get(i), lanes.get(i));
        for (Thread t : threads) t.join();
        Throwable f = failure.get();
        if (f instanceof Exception e) throw e;
        if (f != null) throw new RuntimeException(f);
    }

    /**
     * Starts {@code t} and returns once its lane has begun (see {@link LaneEnvFactory#begun}),
     * its thread ended, or {@link #BEGIN_WAIT_NANOS} passed, so the lanes begin in their order
     * as the threads of a Python program do.
     */
    private void startAndAwaitBegun(Thread t, Lane lane) {
        t.start();
        long deadline = System.nanoTime() + BEGIN_WAIT_NANOS;
        while (!envs.begun(lane) && t.isAlive() && !cancelled && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000);
        }
    }

    /** A bound on waiting for one lane to begin: a thread the machine cannot run soon still gets started. */
    private static final long BEGIN_WAIT_NANOS = 200_000_000L;

    private void work(Lane lane) {
        lane.bindCurrentThread();
        TaskEnv env = envs.forLane(lane, cancelCheck);
        try {
            lane.enter(LaneState.RUNNING);
            int i;
            while (!cancelled && (i = next.getAndIncrement()) < ctx.tasks().size()) {
                TaskPlan task = ctx.tasks().get(i);
                TaskEnv.runTask(task, env);
                lane.taskDone();
            }
        } catch (Cancelled e) {
            // phase skipped or timed out: stop quietly
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            cancelled = true;
        } finally {
            env.finish();
            IoWork.closeThreadConnection();
            lane.finishCurrentThread();
        }
    }

    @Override
    public ModelStats stats(double elapsedS) {
        IoStats io = latency == null ? null : latency.stats();
        if (io != null && io.ops() == 0) io = null;
        return new ModelStats(null, io, null, null);
    }

    @Override
    public void cancel() {
        cancelled = true;
        for (Thread t : threads) t.interrupt();
    }
}
