package dev.partop.model;

import dev.partop.work.LatencyRecorder;

/**
 * Free-threaded Python (PEP 703) or any runtime without a global lock: N threads run their
 * tasks at once, limited only by the cores.
 */
public final class FreeThreadsModel {

    private FreeThreadsModel() {
    }

    public static ExecutionModel create(PhaseContext ctx) {
        LatencyRecorder latency = new LatencyRecorder();
        return new ThreadPoolModel(ctx, ctx.phase().threads(), new DirectEnv(latency), latency);
    }
}
