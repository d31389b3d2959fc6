package dev.partop.model.lock;

import dev.partop.snapshot.LockStats;

import java.util.List;

/**
 * One lock's counters. Written only while holding the lock's own mutex (so plain fields, no
 * atomics, no allocation) and read by the sampler under the same mutex.
 */
public final class LockCounters {

    long acquisitions;
    long contended;
    long dropRequests;
    long switches;
    long waitNanos;
    long maxWaitNanos;
    long heldNanos;
    long futileWakeups;

    /** Records an acquisition that waited {@code waited} ns (0 when the lock was free). */
    void acquired(boolean wasContended, long waited) {
        acquisitions++;
        if (wasContended) {
            contended++;
            waitNanos += waited;
            if (waited > maxWaitNanos) maxWaitNanos = waited;
        }
    }

    LockCounters copy() {
        LockCounters c = new LockCounters();
        c.acquisitions = acquisitions;
        c.contended = contended;
        c.dropRequests = dropRequests;
        c.switches = switches;
        c.waitNanos = waitNanos;
        c.maxWaitNanos = maxWaitNanos;
        c.heldNanos = heldNanos;
        c.futileWakeups = futileWakeups;
        return c;
    }

    public long acquisitions() {
        return acquisitions;
    }

    public long contended() {
        return contended;
    }

    public long dropRequests() {
        return dropRequests;
    }

    public long switches() {
        return switches;
    }

    public long heldNanos() {
        return heldNanos;
    }

    public long futileWakeups() {
        return futileWakeups;
    }

    /**
     * The counters of several locks as one {@link LockStats}; held fraction is per lock,
     * averaged, over {@code elapsedS} of wall time.
     */
    public static LockStats sum(List<LockCounters> locks, double elapsedS, long timelineDropped) {
        long acq = 0, cont = 0, drops = 0, sw = 0, wait = 0, maxWait = 0, held = 0, futile = 0;
        for (LockCounters c : locks) {
            acq += c.acquisitions;
            cont += c.contended;
            drops += c.dropRequests;
            sw += c.switches;
            wait += c.waitNanos;
            maxWait = Math.max(maxWait, c.maxWaitNanos);
            held += c.heldNanos;
            futile += c.futileWakeups;
        }
        double e = Math.max(elapsedS, 1e-9);
        return new LockStats(locks.size(), acq, cont, drops, sw, sw / e, wait / 1e9, maxWait / 1e6,
                Math.min(1.0, held / 1e9 / e / Math.max(1, locks.size())), futile, timelineDropped);
    }
}
