package dev.partop.model;

import dev.partop.model.lock.CriticalSection;
import dev.partop.model.lock.LockCounters;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.ModelStats;
import dev.partop.work.LatencyRecorder;

import java.util.List;

/**
 * Free-threaded Python (PEP 703) or any runtime without a global lock: N threads run their
 * tasks at once, limited only by the cores, and by one shared lock where tasks have a
 * {@code critical-section}.
 */
public final class FreeThreadsModel extends ThreadPoolModel {

    private final CriticalSection section;
    private final LatencyRecorder latency;

    private FreeThreadsModel(PhaseContext ctx, CriticalSection section, LatencyRecorder latency) {
        super(ctx, ctx.phase().threads(), section == null ? new DirectEnv(latency)
                : new CriticalSectionEnv(section, new DirectEnv(latency)), latency);
        this.section = section;
        this.latency = latency;
    }

    public static ExecutionModel create(PhaseContext ctx) {
        boolean critical = ctx.tasks().stream().anyMatch(t -> t.criticalSection() > 0);
        return new FreeThreadsModel(ctx, critical ? new CriticalSection() : null, new LatencyRecorder());
    }

    @Override
    public ModelStats stats(double elapsedS) {
        IoStats io = latency.stats();
        return new ModelStats(section == null ? null : LockCounters.sum(List.of(section.counters()), elapsedS, 0),
                io.ops() == 0 ? null : io, null, null);
    }
}
