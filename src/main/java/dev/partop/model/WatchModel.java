package dev.partop.model;


import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Processes partop did not start ({@code partop watch PID...}), observed thread by thread like
 * a {@link CommandModel}'s program. Watching never signals, stops or outlives them: the phase
 * ends when asked (q, {@code --for}), or once every watched process has exited.
 */
public final class WatchModel extends ObservedModel {

    private final List<Long> pids;
    private final CountDownLatch stop = new CountDownLatch(1);

    public WatchModel(PhaseContext ctx) {
        this.pids = ctx.phase().command().stream().map(Long::parseLong).toList();
    }

    @Override
    protected List<Long> roots() {
        return pids;
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
        closeObservation();
    }
}
