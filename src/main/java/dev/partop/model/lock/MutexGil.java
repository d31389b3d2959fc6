package dev.partop.model.lock;

import dev.partop.model.Lane;
import dev.partop.snapshot.LaneState;
import dev.partop.work.Cancelled;

import java.util.concurrent.locks.ReentrantLock;

/**
 * What both interpreter-lock policies keep under their mutex: the flag, the last holder,
 * when the current hold began, the counters, and cancellation; and the read-outs of them.
 * Taking and dropping go the same way in both; where they wait and what they signal is each
 * policy's own (the hooks below).
 */
abstract class MutexGil implements Gil {

    protected final int index;
    protected final HolderTimeline timeline;
    protected final ReentrantLock mutex = new ReentrantLock();
    protected final LockCounters counters = new LockCounters();
    protected boolean locked;
    /** Last thread to take the lock (CPython's last_holder); stays set after a release. */
    protected Lane lastHolder;
    protected long holdStart;
    protected boolean cancelled;

    MutexGil(int index, HolderTimeline timeline) {
        this.index = index;
        this.timeline = timeline;
    }

    @Override
    public int index() {
        return index;
    }

    /**
     * Under the mutex: {@code lane} holds the lock from now (asked for at {@code t0}).
     *
     * @return true when the lock changed hands (a switch)
     */
    protected boolean beginHold(Lane lane, boolean wasContended, long t0) {
        locked = true;
        long now = System.nanoTime();
        holdStart = now;
        counters.acquired(wasContended, now - t0);
        if (lastHolder == lane) return false;
        lastHolder = lane;
        counters.switches++;
        return true;
    }

    /**
     * Under the mutex: the hold of {@code lane} ends now (counted, and published to the
     * timeline). The lane stops showing "holding" here, before any other can take the lock:
     * until it says what it does next (I/O, asking again, done) it counts as waiting. Marked
     * later, a sample could find the old holder and the new one both holding.
     */
    protected void endHold(Lane lane) {
        lane.enter(LaneState.WAITING);
        long now = System.nanoTime();
        counters.heldNanos += now - holdStart;
        if (timeline != null) timeline.published(index, lane.id(), holdStart, now);
        locked = false;
    }

    @Override
    public final void take(Lane lane) {
        long t0 = System.nanoTime();
        try {
            boolean contended = awaitBeforeMutex(lane);
            mutex.lock();
            try {
                contended |= awaitUnderMutex(lane);
                tookOver(beginHold(lane, contended, t0));
            } finally {
                mutex.unlock();
            }
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
        lane.enter(LaneState.HOLDING);
    }

    @Override
    public final void drop(Lane lane, boolean forceSwitch) {
        mutex.lock();
        try {
            endHold(lane);
            handedBack(lane, forceSwitch);
        } finally {
            mutex.unlock();
        }
        released();
    }

    /** The holder gives the lock up and asks for it again at once (a switch interval or a check interval). */
    protected final void yieldLock(Lane lane, boolean forceSwitch) {
        drop(lane, forceSwitch);
        take(lane);
    }

    /**
     * Before the mutex: waits for a lock kept outside it.
     *
     * @return whether {@code lane} had to wait
     */
    protected boolean awaitBeforeMutex(Lane lane) throws InterruptedException {
        return false;
    }

    /**
     * Under the mutex: waits until {@code lane} may hold the lock, or throws {@link Cancelled}.
     *
     * @return whether {@code lane} had to wait
     */
    protected abstract boolean awaitUnderMutex(Lane lane) throws InterruptedException;

    /** Under the mutex, once {@code lane} holds the lock; {@code switched} when it changed hands. */
    protected void tookOver(boolean switched) {
    }

    /** Under the mutex, once the hold ended. */
    protected void handedBack(Lane lane, boolean forceSwitch) {
    }

    /** After the mutex, once the hold ended. */
    protected void released() {
    }

    /** Under the mutex: wakes every thread waiting on this lock's conditions. */
    protected abstract void wakeAll();

    @Override
    public void cancel() {
        mutex.lock();
        try {
            cancelled = true;
            wakeAll();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public LockCounters counters() {
        mutex.lock();
        try {
            LockCounters c = counters.copy();
            if (locked) c.heldNanos += System.nanoTime() - holdStart;
            return c;
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public OpenHold openHold() {
        mutex.lock();
        try {
            return locked && lastHolder != null ? new OpenHold(index, lastHolder.id(), holdStart) : null;
        } finally {
            mutex.unlock();
        }
    }
}
