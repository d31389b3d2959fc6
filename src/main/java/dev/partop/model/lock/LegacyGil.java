package dev.partop.model.lock;

import dev.partop.model.Lane;
import dev.partop.snapshot.LaneState;
import dev.partop.work.Cancelled;
import dev.partop.work.EvalBreaker;

import java.util.concurrent.locks.Condition;

/**
 * Python 2's interpreter lock: every {@code check-interval} eval-breaker checks the holder
 * releases the lock and immediately asks for it again. No drop request, no hand-over: the
 * lock is a flag under a mutex with a condition (thread_pthread.h without semaphores), so
 * a woken waiter often finds the flag set again by the thread that just released it, and
 * goes back to sleep. Those futile wake-ups are counted: on several cores they are the
 * "GIL battle" Beazley measured.
 */
public final class LegacyGil extends MutexGil {

    private final int checkInterval;
    private final Condition released = mutex.newCondition();

    public LegacyGil(int index, int checkInterval, HolderTimeline timeline) {
        super(index, timeline);
        this.checkInterval = Math.max(1, checkInterval);
    }

    @Override
    public void take(Lane lane) {
        long t0 = System.nanoTime();
        mutex.lock();
        try {
            boolean wasContended = locked;
            if (locked) lane.enter(LaneState.WAITING);
            while (locked) {
                if (cancelled) throw new Cancelled();
                released.awaitUninterruptibly();
                if (locked) counters.futileWakeups++;
            }
            if (cancelled) throw new Cancelled();
            beginHold(lane, wasContended, t0);
        } finally {
            mutex.unlock();
        }
        lane.enter(LaneState.HOLDING);
    }

    @Override
    public void drop(Lane lane, boolean forceSwitch) {
        mutex.lock();
        try {
            endHold(lane);
        } finally {
            mutex.unlock();
        }
        // Python 2 signalled after unlocking the mutex: the releaser is already running again
        mutex.lock();
        try {
            released.signal();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    protected void wakeAll() {
        released.signalAll();
    }

    @Override
    public EvalBreaker breaker(Lane lane, EvalBreaker cancel) {
        int[] ticker = {checkInterval};
        return () -> {
            cancel.check();
            if (--ticker[0] <= 0) {
                ticker[0] = checkInterval;
                drop(lane, false);
                take(lane);
            }
        };
    }

}
