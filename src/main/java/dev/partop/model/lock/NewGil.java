package dev.partop.model.lock;

import dev.partop.model.Lane;
import dev.partop.snapshot.LaneState;
import dev.partop.work.Cancelled;
import dev.partop.work.EvalBreaker;

import java.util.concurrent.locks.Condition;

/**
 * CPython's interpreter lock since 3.2 (Python/ceval_gil.c, with FORCE_SWITCHING):
 * <ul>
 * <li>A thread that finds the lock held waits on {@code cond} for at most the switch
 * interval. If the interval passes and no switch happened meanwhile, it sets the drop
 * request and waits again.</li>
 * <li>The holder sees the drop request at its next eval-breaker check, releases the lock
 * (signalling one waiter) and then waits on {@code switchCond} until another thread has
 * taken it, so it cannot grab it straight back.</li>
 * <li>Blocking I/O releases the lock before blocking and takes it again afterwards.</li>
 * </ul>
 * The drop request is a volatile read on the hot path; everything else happens under the
 * mutex at hand-over time only.
 */
public final class NewGil extends MutexGil {

    private final long intervalNanos;
    /** Signalled when the lock is released. */
    private final Condition cond = mutex.newCondition();
    /** Signalled when a thread takes the lock (the forced switch has happened). */
    private final Condition switchCond = mutex.newCondition();

    private long switchNumber;
    private int waiters;
    /** Set by a waiter whose interval expired; read by the holder at every eval-breaker check. */
    private volatile boolean dropRequest;

    public NewGil(int index, long intervalNanos, HolderTimeline timeline) {
        super(index, timeline);
        this.intervalNanos = Math.max(1_000, intervalNanos);
    }

    /** Waits on {@code cond} an interval at a time; after an interval with no switch, asks the holder to drop. */
    @Override
    protected boolean awaitUnderMutex(Lane lane) throws InterruptedException {
        if (!locked) return false;
        lane.enter(LaneState.WAITING);
        waiters++;
        try {
            while (locked) {
                if (cancelled) throw new Cancelled();
                long saved = switchNumber;
                long left = cond.awaitNanos(intervalNanos);
                if (left <= 0 && locked && switchNumber == saved && !dropRequest) {
                    dropRequest = true;
                    counters.dropRequests++;
                }
            }
        } finally {
            waiters--;
        }
        return true;
    }

    @Override
    protected void tookOver(boolean switched) {
        if (switched) switchNumber++;
        // the thread that dropped on request waits for this
        switchCond.signal();
        // the request was for a hand-over, which is what just happened
        dropRequest = false;
    }

    @Override
    protected void handedBack(Lane lane, boolean forceSwitch) {
        cond.signal();
        if (forceSwitch && dropRequest) {
            // not switched yet: wait until a waiter has taken the lock
            dropRequest = false;
            while (lastHolder == lane && waiters > 0 && !cancelled) switchCond.awaitUninterruptibly();
        }
    }

    @Override
    protected void wakeAll() {
        cond.signalAll();
        switchCond.signalAll();
    }

    @Override
    public EvalBreaker breaker(Lane lane, EvalBreaker cancel) {
        return () -> {
            cancel.check();
            if (dropRequest) yieldLock(lane, true);
        };
    }

}
