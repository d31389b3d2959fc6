package dev.partop.snapshot;

/**
 * Interpreter-lock (or critical-section) counters, summed over the phase's locks.
 *
 * @param locks          how many locks (1 for the GIL, K for K interpreters)
 * @param acquisitions   times a lock was taken
 * @param contended      acquisitions that had to wait
 * @param dropRequests   times a waiter asked the holder to drop the lock
 * @param switches       holder changes (the lock passed to a different lane)
 * @param switchesPerS   switches per second of phase wall time
 * @param waitS          total seconds lanes spent waiting for a lock
 * @param maxWaitMs      longest single wait
 * @param heldFraction   fraction of phase wall time a lock was held (per lock, averaged)
 * @param futileWakeups  waiter wake-ups that found the lock taken again (legacy policy)
 * @param timelineDropped holder events dropped because the timeline queue was full
 */
public record LockStats(
        int locks,
        long acquisitions,
        long contended,
        long dropRequests,
        long switches,
        double switchesPerS,
        double waitS,
        double maxWaitMs,
        double heldFraction,
        long futileWakeups,
        long timelineDropped) {
}
