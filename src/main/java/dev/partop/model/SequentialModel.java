package dev.partop.model;

import dev.partop.work.LatencyRecorder;

/** One Python thread: every task one after another on one thread. The usual baseline. */
public final class SequentialModel {

    private SequentialModel() {
    }

    public static ExecutionModel create(PhaseContext ctx) {
        LatencyRecorder latency = new LatencyRecorder();
        return new ThreadPoolModel(ctx, 1, new DirectEnv(latency), latency);
    }
}
