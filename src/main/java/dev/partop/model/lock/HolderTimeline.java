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
     * reported, then the holds in progress up to {@code now}.
     */
    public void drain(long now, List<OpenHold> openHolds, Consumer<HolderSpan> sink) {
        long from = drainedUpTo;
        Hold h;
        List<Hold> closed = new java.util.ArrayList<>();
        while ((h = queue.relaxedPoll()) != null) {
            long start = Math.max(h.start(), from);
            closed.add(h);
            if (h.end() > start) sink.accept(span(h.lock(), h.lane(), start, h.end()));
        }
        for (OpenHold o : openHolds) {
            // a hold read as open may have ended since, and been polled above: report it once
            boolean endedMeanwhile = false;
            for (Hold c : closed) {
                if (c.lock() == o.lock() && c.lane() == o.lane() && c.start() == o.startNanos()) endedMeanwhile = true;
            }
            long start = Math.max(o.startNanos(), from);
            if (!endedMeanwhile && now > start) sink.accept(span(o.lock(), o.lane(), start, now));
        }
        drainedUpTo = now;
    }

    private HolderSpan span(int lock, int lane, long start, long end) {
        return new HolderSpan(lock, lane, (start - originNanos) / 1e9, (end - originNanos) / 1e9);
    }
}
