package dev.partop.model;

import dev.partop.probe.proc.ProcReader;
import dev.partop.probe.proc.ProcessTreeObserver;
import dev.partop.snapshot.ModelStats;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Processes partop did not start ({@code partop watch PID...}), observed thread by thread like
 * a {@link CommandModel}'s program. Watching never signals, stops or outlives them: the phase
 * ends when asked (q, {@code --for}), or once every watched process has exited.
 */
public final class WatchModel implements ExecutionModel {

    private final List<Long> pids;
    private final CountDownLatch stop = new CountDownLatch(1);
    private ObservedTree tree;

    public WatchModel(PhaseContext ctx) {
        this.pids = ctx.phase().command().stream().map(Long::parseLong).toList();
    }

    @Override
    public void prepare() {
        tree = new ObservedTree(ProcessTreeObserver.start(ProcReader.system(), pids, ProcessTreeObserver.Options.DEFAULT));
    }

    @Override
    public List<Lane> lanes() {
        ObservedTree t = tree;
        return t == null ? List.of() : t.lanes();
    }

    @Override
    public List<Thread> ownThreads() {
        ObservedTree t = tree;
        return t == null ? List.of() : List.of(t.observer().samplerThread());
    }

    @Override
    public ModelStats stats(double elapsedS) {
        ObservedTree t = tree;
        return t == null ? ModelStats.NONE : t.stats();
    }

    @Override
    public void run() throws InterruptedException {
        if (tree == null) prepare();
        while (!stop.await(100, TimeUnit.MILLISECONDS)) {
            tree.lanes();
            if (tree.observer().allExited()) return;
        }
    }

    @Override
    public void cancel() {
        stop.countDown();
    }

    @Override
    public void close() {
        ObservedTree t = tree;
        if (t != null) t.close();
    }
}
