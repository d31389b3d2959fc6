package dev.partop.model;

import dev.partop.model.lock.Gil;
import dev.partop.model.lock.OpenHold;
import dev.partop.model.lock.HolderTimeline;
import dev.partop.model.lock.LegacyGil;
import dev.partop.model.lock.LockCounters;
import dev.partop.model.lock.NewGil;
import dev.partop.scenario.GilPolicy;
import dev.partop.scenario.Phase;
import dev.partop.snapshot.HolderSpan;
import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.ModelStats;
import dev.partop.work.LatencyRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Threads behind interpreter locks: {@code gil-threads} (one lock for every thread, like
 * CPython) and {@code interpreters} (K locks, like sub-interpreters with a GIL each; thread
 * {@code i} belongs to interpreter {@code i mod K}).
 */
public final class LockedThreadsModel extends ThreadPoolModel {

    /** Holder spans kept between two sampler ticks; past this they are dropped and counted. */
    private static final int TIMELINE_CAPACITY = 1 << 14;

    private final List<Gil> locks;
    private final HolderTimeline timeline;
    private final LatencyRecorder latency;

    private LockedThreadsModel(PhaseContext ctx, List<Gil> locks, HolderTimeline timeline, LatencyRecorder latency) {
        super(ctx, ctx.phase().threads(), new GilEnv(locks, latency), latency, locks.size());
        this.locks = locks;
        this.timeline = timeline;
        this.latency = latency;
    }

    /** {@code gil-threads}: one lock. */
    public static LockedThreadsModel gilThreads(PhaseContext ctx) {
        return create(ctx, 1);
    }

    /** {@code interpreters}: one lock per interpreter. */
    public static LockedThreadsModel interpreters(PhaseContext ctx) {
        return create(ctx, Math.max(1, ctx.phase().interpreters()));
    }

    private static LockedThreadsModel create(PhaseContext ctx, int lockCount) {
        Phase p = ctx.phase();
        HolderTimeline timeline = new HolderTimeline(TIMELINE_CAPACITY, ctx.originNanos());
        List<Gil> locks = new ArrayList<>();
        for (int i = 0; i < lockCount; i++) {
            locks.add(p.gilPolicy() == GilPolicy.LEGACY
                    ? new LegacyGil(i, p.checkInterval(), timeline)
                    : new NewGil(i, p.switchInterval().toNanos(), timeline));
        }
        return new LockedThreadsModel(ctx, locks, timeline, new LatencyRecorder());
    }

    /** The locks, for tests and benchmarks. */
    public List<Gil> locks() {
        return locks;
    }

    @Override
    public ModelStats stats(double elapsedS) {
        List<LockCounters> counters = new ArrayList<>();
        for (Gil g : locks) counters.add(g.counters());
        IoStats io = latency.stats();
        return new ModelStats(LockCounters.sum(counters, elapsedS, timeline.dropped()), io.ops() == 0 ? null : io,
                null, null);
    }

    @Override
    public void drainHolders(long originNanos, Consumer<HolderSpan> sink) {
        List<OpenHold> open = new ArrayList<>();
        for (Gil g : locks) {
            OpenHold o = g.openHold();
            if (o != null) open.add(o);
        }
        timeline.drain(System.nanoTime(), open, sink);
    }

    @Override
    public void cancel() {
        super.cancel();
        for (Gil g : locks) g.cancel();
    }
}
