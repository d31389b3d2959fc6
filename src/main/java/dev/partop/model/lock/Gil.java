package dev.partop.model.lock;

import dev.partop.model.Lane;
import dev.partop.work.EvalBreaker;

/**
 * An interpreter lock as the thread models use it: a thread takes it to run Python code,
 * lets it go around blocking I/O, and checks for a hand-over at every eval-breaker point.
 */
public interface Gil {

    /** Blocks until {@code lane} holds the lock (lane state WAITING, then HOLDING). */
    void take(Lane lane);

    /**
     * Lets the lock go. {@code forceSwitch}: when a waiter asked for it, wait until another
     * thread has taken it (CPython's FORCE_SWITCHING); false when the thread is ending.
     */
    void drop(Lane lane, boolean forceSwitch);

    /** The eval-breaker check of a thread holding the lock: cancellation, then hand-over. */
    EvalBreaker breaker(Lane lane, EvalBreaker cancel);

    /** Wakes every waiter so a cancelled phase ends promptly. */
    void cancel();

    /** A copy of the counters, consistent (taken under the lock's mutex). */
    LockCounters counters();

    /** The hold in progress, or null when free. */
    OpenHold openHold();

    /** Index of this lock (0 for the GIL; the interpreter's index otherwise). */
    int index();
}
