package dev.partop.model.lock;

import dev.partop.model.Lane;
import dev.partop.snapshot.LaneState;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock shared by free threads for the serial part of their work (Amdahl's law): what a
 * {@code threading.Lock} around shared state costs once there is no GIL. Counters are kept
 * under the lock itself, so they cost nothing extra.
 */
public final class CriticalSection {

    private final ReentrantLock lock = new ReentrantLock();
    private final LockCounters counters = new LockCounters();
    private Lane lastHolder;
    private long holdStart;

    /** Takes the lock for {@code lane} (WAITING while it waits, HOLDING once it has it). */
    public void enter(Lane lane) {
        long t0 = System.nanoTime();
        boolean contended = !lock.tryLock();
        if (contended) {
            lane.enter(LaneState.WAITING);
            lock.lock();
        }
        long now = System.nanoTime();
        holdStart = now;
        counters.acquired(contended, now - t0);
        if (lastHolder != lane) {
            lastHolder = lane;
            counters.switches++;
        }
        lane.enter(LaneState.HOLDING);
    }

    public void exit(Lane lane) {
        counters.heldNanos += System.nanoTime() - holdStart;
        lock.unlock();
        lane.enter(LaneState.RUNNING);
    }

    /** A copy of the counters, taken under the lock. */
    public LockCounters counters() {
        lock.lock();
        try {
            return counters.copy();
        } finally {
            lock.unlock();
        }
    }
}
