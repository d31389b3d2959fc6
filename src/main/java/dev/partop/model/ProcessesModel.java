package dev.partop.model;

import dev.partop.scenario.PoolStart;

import dev.partop.util.Daemons;

import dev.partop.model.worker.WorkerProcess;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.ProcessStats;
import dev.partop.work.TaskPlan;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * multiprocessing / ProcessPoolExecutor: K real child processes of this same jar, each fed
 * tasks over its pipes by one pool thread; every task's payload is really copied there and
 * back. {@code start: warm} starts the pool before the phase's clock, {@code cold} inside it,
 * like a fresh Pool.
 */
public final class ProcessesModel implements ExecutionModel {

    private final PhaseContext ctx;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<Lane> lanes = new ArrayList<>();
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final boolean warm;
    private volatile boolean cancelled;
    private boolean started;

    public ProcessesModel(PhaseContext ctx) {
        this.ctx = ctx;
        this.warm = ctx.phase().start() == PoolStart.WARM;
        int k = Math.max(1, Math.min(ctx.phase().workers(), Math.max(1, ctx.tasks().size())));
        for (int i = 0; i < k; i++) {
            Lane lane = new Lane(i, "worker " + (i + 1));
            lanes.add(lane);
            workers.add(new WorkerProcess(i, lane, messages, bytes));
        }
    }

    @Override
    public List<Lane> lanes() {
        return lanes;
    }

    @Override
    public void prepare() throws Exception {
        if (warm) {
            startPool();
            for (WorkerProcess w : workers) w.resetCpu();
        }
    }

    /**
     * Spawns every worker at once, then waits until each says READY: at most 10 s, and a
     * quarter of a second more per worker (a JVM's start-up is about 0.3 s of one core).
     */
    private void startPool() throws IOException {
        started = true;
        Duration limit = READY_BASE.plus(READY_PER_WORKER.multipliedBy(workers.size()));
        try {
            for (WorkerProcess w : workers) w.spawn();
            for (WorkerProcess w : workers) {
                if (cancelled) return;
                w.awaitReady(limit);
            }
        } catch (IOException e) {
            if (!cancelled) throw e; // a skipped phase's killed workers are no failure
        }
    }

    static final Duration READY_BASE = Duration.ofSeconds(10);
    static final Duration READY_PER_WORKER = Duration.ofMillis(250);

    @Override
    public void run() throws Exception {
        if (!started) startPool();
        List<Thread> feeders = new ArrayList<>();
        for (WorkerProcess w : workers) {
            feeders.add(Daemons.start("partop-pool-" + w.pid(), () -> feed(w)));
        }
        for (Thread t : feeders) t.join();
        Exception f = failure.get();
        if (f != null) throw f;
    }

    private void feed(WorkerProcess w) {
        SplittableRandom random = new SplittableRandom(w.pid());
        try {
            int i;
            while (!cancelled && (i = next.getAndIncrement()) < ctx.tasks().size()) {
                TaskPlan task = ctx.tasks().get(i);
                byte[] payload = new byte[(int) task.payloadBytes()];
                // not zeros: a real argument has content
                for (int b = 0; b < payload.length; b += 8) payload[b] = (byte) random.nextInt();
                byte[] back = w.run(task, payload);
                if (back.length != payload.length) throw new IOException("task " + task.id() + ": payload came back short");
                lanes.get(workers.indexOf(w)).taskDone();
            }
        } catch (IOException | RuntimeException e) {
            if (!cancelled && failure.compareAndSet(null, e instanceof IOException ? e : new IOException(e.toString(), e))) {
                // one worker failed: stop the others, the phase fails with this reason
                cancel();
            }
        }
    }

    @Override
    public ModelStats stats(double elapsedS) {
        double sum = 0, max = 0;
        int ready = 0;
        for (WorkerProcess w : workers) {
            long s = w.startupNanos();
            if (s < 0) continue;
            ready++;
            sum += s / 1e6;
            max = Math.max(max, s / 1e6);
        }
        return new ModelStats(null, null,
                new ProcessStats(workers.size(), ready == 0 ? 0 : sum / ready, max, messages.sum(), bytes.sum()), null);
    }

    @Override
    public void cancel() {
        cancelled = true;
        for (WorkerProcess w : workers) w.kill();
    }

    @Override
    public void close() {
        for (WorkerProcess w : workers) w.stop();
    }

    /** Process ids of the workers, for tests. */
    public List<Long> pids() {
        return workers.stream().map(WorkerProcess::pid).toList();
    }
}
