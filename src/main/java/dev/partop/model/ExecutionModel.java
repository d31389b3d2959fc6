package dev.partop.model;

import dev.partop.snapshot.HolderSpan;
import dev.partop.snapshot.ModelStats;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one phase's tasks one particular way. Knows nothing of screens: it updates its lanes
 * and counters, and the sampler reads them.
 *
 * <p>Life cycle, driven by the session on its own thread: {@link #prepare()} (not timed),
 * {@link #run()} (timed; returns when every task is done or the phase was cancelled),
 * {@link #close()}. {@link #cancel()} may come from any thread at any time.
 */
public interface ExecutionModel extends AutoCloseable {

    /** Work before the phase's clock starts, e.g. starting a warm worker pool. */
    default void prepare() throws Exception {
    }

    /** Runs every task. Throws if the phase failed; returns normally when done or cancelled. */
    void run() throws Exception;

    /** The lanes, stable from the end of {@link #prepare()} on. */
    List<Lane> lanes();

    /** Counters since the phase's clock started; {@code elapsedS} is its wall time so far. */
    default ModelStats stats(double elapsedS) {
        return ModelStats.NONE;
    }

    /**
     * Hands over the lock-holder spans since the last call, in seconds since {@code originNanos}
     * (the run's start on the {@link System#nanoTime()} clock). Called by the sampler only.
     */
    default void drainHolders(long originNanos, Consumer<HolderSpan> sink) {
    }

    /** Stops as soon as possible; {@link #run()} then returns. Idempotent. */
    void cancel();

    /** Releases threads, processes and sockets. Must leave nothing running. */
    @Override
    default void close() {
    }
}
