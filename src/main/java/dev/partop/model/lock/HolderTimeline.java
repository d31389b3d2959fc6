package dev.partop.model.lock;

import dev.partop.snapshot.HolderSpan;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

import java.util.List;
import java.util.function.Consumer;

/**
 * Who held which lock when. Each release publishes the span just ended through a bounded
 * JCTools MPSC queue (never blocks: when the sampler falls behind, spans are dropped and
 * counted); the sampler drains it once per tick and adds the holds still open, so the
 * timeline has no gap and no span is reported twice.
 */
public final class HolderTimeline {

    /** A finished hold, in nanoTime. */
    private record Hold(int lock, int lane, long start, long end) {
    }

    private final MpscAtomicArrayQueue<Hold> queue;
    private final long originNanos;
    private long drainedUpTo;
    private volatile long dropped;

    public HolderTimeline(int capacity, long originNanos) {
        this.queue = new MpscAtomicArrayQueue<>(capacity);
        this.originNanos = originNanos;
        this.drainedUpTo = Long.MIN_VALUE;
    }

    /** Called by a releasing thread. */
    void published(int lock, int lane, long start, long end) {
        if (!queue.relaxedOffer(new Hold(lock, lane, start, end))) dropped++;
    }

    public long dropped() {
        return dropped;
    }

    /**
     * Hands over the spans since the last drain, clipped so they never overlap what was already
     * reported, then the holds in progress ({lock, lane, start}) up to {@code now}.
     */
    public void drain(long now, List<long[]> openHolds, Consumer<HolderSpan> sink) {
        long from = drainedUpTo;
        Hold h;
        List<Hold> closed = new java.util.ArrayList<>();
        while ((h = queue.relaxedPoll()) != null) {
            long start = Math.max(h.start(), from);
            closed.add(h);
            if (h.end() > start) sink.accept(span(h.lock(), h.lane(), start, h.end()));
        }
        for (long[] o : openHolds) {
            // a hold read as open may have ended since, and been polled above: report it once
            boolean endedMeanwhile = false;
            for (Hold c : closed) {
                if (c.lock() == o[0] && c.lane() == o[1] && c.start() == o[2]) endedMeanwhile = true;
            }
            long start = Math.max(o[2], from);
            if (!endedMeanwhile && now > start) sink.accept(span((int) o[0], (int) o[1], start, now));
        }
        drainedUpTo = now;
    }

    private HolderSpan span(int lock, int lane, long start, long end) {
        return new HolderSpan(lock, lane, (start - originNanos) / 1e9, (end - originNanos) / 1e9);
    }
}
