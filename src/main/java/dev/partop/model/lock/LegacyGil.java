package dev.partop.model.lock;

import dev.partop.model.Lane;
import dev.partop.snapshot.LaneState;
import dev.partop.work.Cancelled;
import dev.partop.work.EvalBreaker;

import dev.partop.work.CpuKernel;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Python 2's interpreter lock: every {@code check-interval} ticks (bytecodes) the holder
 * releases the lock and immediately asks for it again. No drop request, no hand-over: a woken
 * waiter often finds the lock taken again by the thread that just released it, and goes back
 * to sleep. Those futile wake-ups are counted.
 *
 * <p>Why two CPU-bound threads under Python 2 are slower than one on two cores (measured here
 * with 2.7.18: 0.77-0.79x, parallelism 1.12-1.13) is how <em>often</em> this happens. A tick is
 * one bytecode instruction (2.7's ceval decrements its ticker for each, except the fast ones:
 * LOAD_FAST, LOAD_CONST, STORE_FAST...; partop's kernel loop is 8 ticks), so the default 100
 * ticks is about 5 microseconds of work: Python 2 releases its lock some 200,000 times a second.
 * Each release with a waiter is a futex wake-up (2.7 on Linux uses a POSIX semaphore,
 * {@code sem_post}); the holder pays that system call, takes the lock straight back with
 * {@code sem_wait}'s fast path, and the waiter, woken on the other core, finds it taken and
 * sleeps again: the waiter burns the other core in wake-ups (the extra 0.12 of parallelism)
 * and the holder's work is slowed by the calls and by the lock's cache line bouncing between
 * the cores. This model used to release every 100 eval-breaker <em>checks</em> (1,024
 * operations each, about 0.2 ms of work), 45 times too seldom: the waiter woke ~2,400 times a
 * second and cost nothing measurable (1.01x, parallelism 0.99). Ticks are now converted to
 * operations: Python 2.7 runs partop's kernel loop at ~2.5-3.5 M loops/s here, 8 ticks each,
 * partop's kernel ~450-500 M operations/s, so one tick is about {@link #OPS_PER_TICK}
 * operations and a check covers {@link #TICKS_PER_CHECK} ticks.
 *
 * <p>The lock itself is a semaphore, as in 2.7 (an {@link AbstractQueuedSynchronizer}: taking
 * a free lock is one compare-and-set, releasing it wakes one queued waiter, which retries and
 * parks again if the lock was taken meanwhile), not a flag under a mutex: with the mutex, a
 * woken waiter had to take the mutex to look at the flag, and when the machine was busy and it
 * lost its core holding the mutex, the holder stalled behind it (22.8 s for 2 s of work on a
 * machine with 20 runnable threads). The counters are kept under the mutex, by the holder only.
 */
public final class LegacyGil extends MutexGil {

    /** partop kernel operations that take as long as one Python 2 tick (bytecode) of the same kernel. */
    static final int OPS_PER_TICK = 20;
    /** Ticks that pass between two eval-breaker checks. */
    static final int TICKS_PER_CHECK = Math.max(1, CpuKernel.CHECK_OPS / OPS_PER_TICK);

    /** Python 2's lock: a binary semaphore that does not hand over (sem_wait / sem_post). */
    private static final class Semaphore extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setState(0);
            return true;
        }
    }

    private final int checkInterval;
    private final Semaphore lock = new Semaphore();
    /** Releases that woke a waiter: each either takes the lock or finds it taken again (futile). */
    private final LongAdder wakeups = new LongAdder();

    public LegacyGil(int index, int checkInterval, HolderTimeline timeline) {
        super(index, timeline);
        this.checkInterval = Math.max(1, checkInterval);
    }

    /** The semaphore, outside the mutex (sem_wait): a free one is one compare-and-set. */
    @Override
    protected boolean awaitBeforeMutex(Lane lane) throws InterruptedException {
        if (lock.tryAcquire(1)) return false;
        lane.enter(LaneState.WAITING);
        lock.acquireInterruptibly(1);
        return true;
    }

    /** Already holding the semaphore: only a cancelled run gives it back. */
    @Override
    protected boolean awaitUnderMutex(Lane lane) {
        if (cancelled) {
            lock.release(1);
            throw new Cancelled();
        }
        return false;
    }

    /** The semaphore, after the mutex (sem_post): wakes one waiter, if any, which may find it taken again. */
    @Override
    protected void released() {
        if (lock.hasQueuedThreads()) wakeups.increment();
        lock.release(1);
    }

    @Override
    protected void wakeAll() {
        // waiters are interrupted by their model's cancel; one that gets the lock sees the flag
    }

    @Override
    public LockCounters counters() {
        LockCounters c = super.counters();
        // every wake-up that did not end in taking the lock
        c.futileWakeups = Math.max(0, wakeups.sum() - c.contended);
        return c;
    }

    @Override
    public EvalBreaker breaker(Lane lane, EvalBreaker cancel) {
        // Python 2's _Py_Ticker, counted down by the ticks a check stands for
        int[] ticker = {checkInterval};
        return () -> {
            cancel.check();
            ticker[0] -= TICKS_PER_CHECK;
            if (ticker[0] <= 0) {
                ticker[0] = Math.max(ticker[0] + checkInterval, 1);
                yieldLock(lane, false);
            }
        };
    }
}
