package dev.partop.model;

import dev.partop.probe.proc.ObservedThread;
import dev.partop.probe.proc.ThreadActivity;
import dev.partop.snapshot.LaneState;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The producer side of one lane (a thread, a worker process, a task): its current state, the
 * nanoseconds it has spent in each state, its CPU time and tasks done. One thread writes it
 * (the lane's own); the sampler reads it. State changes cost a nanoTime call and two plain
 * stores: no locks, no allocation.
 */
public final class Lane {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final LaneState[] STATES = LaneState.values();

    private final int id;
    private final String name;
    private final int lock;
    private final AtomicLongArray nanosIn = new AtomicLongArray(STATES.length);
    private volatile LaneState state = LaneState.IDLE;
    private volatile long since = System.nanoTime();
    private volatile long tasksDone;
    private volatile long threadId = -1;
    private volatile long finalCpuNanos = -1;
    /** The bound thread's CPU time when it was bound: a reused thread's past is not this lane's. */
    private volatile long cpuBase;
    private volatile LongSupplier cpuSource;
    /** A real program's OS thread this lane mirrors, or null; set once, maybe after the lane began. */
    private volatile ObservedThread observed;
    /** For a lane that began on its own reports and was bound to a thread later: its times until then. */
    private volatile long[] beforeObserved;
    /** The bound thread's times by activity when it was bound (what came before is not this lane's). */
    private volatile long[] observedBase;

    public Lane(int id, String name, int lock) {
        this.id = id;
        this.name = name;
        this.lock = lock;
        this.observed = null;
    }

    /** A lane that mirrors an OS thread seen from outside: its state and times are the observer's. */
    public Lane(int id, ObservedThread thread) {
        this.id = id;
        this.name = null; // the thread's, as it is now
        this.lock = -1;
        this.observed = thread;
    }

    /**
     * From now on this lane mirrors OS thread {@code t} (seen from outside): its state and its
     * split of each tick are the observer's. For a lane that began on someone's reports (a
     * CPython agent's thread, known by its reports before the observer found it): its times
     * until now are kept, so the per-tick differences stay continuous. Its CPU stays with its
     * {@link #cpuSource} where it has one. Called once, by one thread.
     */
    public void observe(ObservedThread t) {
        if (observed != null) return;
        long now = System.nanoTime();
        long[] mine = new long[STATES.length];
        for (int i = 0; i < mine.length; i++) mine[i] = nanosIn.get(i);
        long open = now - since;
        if (open > 0) mine[state.ordinal()] += open;
        beforeObserved = mine;
        observedBase = t.nanosByActivity();
        observed = t;
    }

    /** The OS thread behind this lane, or null for a model's lane. */
    public ObservedThread observed() {
        return observed;
    }

    /** The lane state an observed thread's activity is shown as. */
    public static LaneState stateOf(ThreadActivity a) {
        return switch (a) {
            case RUNNING -> LaneState.RUNNING;
            case HOLDING -> LaneState.HOLDING;
            case RUNNABLE -> LaneState.RUNNABLE;
            case GIL -> LaneState.WAITING;
            case LOCK -> LaneState.LOCKED;
            case IO -> LaneState.IO;
            case SLEEP -> LaneState.SLEEPING;
            case OTHER -> LaneState.OTHER;
            case BLOCKED -> LaneState.BLOCKED;
        };
    }

    public Lane(int id, String name) {
        this(id, name, -1);
    }

    public int id() {
        return id;
    }

    public String name() {
        ObservedThread t = observed;
        return t != null && name == null ? t.name() : name; // a process may exec and rename after it was found
    }

    public int lock() {
        return lock;
    }

    public LaneState state() {
        ObservedThread t = observed;
        if (t != null) return t.done() ? LaneState.DONE : stateOf(t.activity());
        return state;
    }

    public long tasksDone() {
        return tasksDone;
    }

    /** Moves to {@code next}, charging the time since the last change to the old state. */
    public void enter(LaneState next) {
        long now = System.nanoTime();
        LaneState prev = state;
        int i = prev.ordinal();
        nanosIn.lazySet(i, nanosIn.get(i) + (now - since));
        since = now;
        state = next;
    }

    public void taskDone() {
        tasksDone = tasksDone + 1;
    }

    /** Binds the lane to the calling thread: its CPU time is this thread's. */
    public void bindCurrentThread() {
        cpuBase = Math.max(0, MX.getCurrentThreadCpuTime());
        threadId = Thread.currentThread().getId();
    }

    /** The calling (bound) thread is ending: keep its CPU time, since a dead thread has none. */
    public void finishCurrentThread() {
        finalCpuNanos = Math.max(0, MX.getCurrentThreadCpuTime() - cpuBase);
        enter(LaneState.DONE);
    }

    /** For lanes that are not JVM threads (worker processes): where their CPU time comes from. */
    public void cpuSource(LongSupplier nanos) {
        cpuSource = nanos;
    }

    /** CPU time used so far, nanoseconds; 0 before it started. */
    public long cpuNanos() {
        long fin = finalCpuNanos;
        if (fin >= 0) return fin;
        LongSupplier src = cpuSource;
        if (src != null) return Math.max(0, src.getAsLong());
        ObservedThread o = observed;
        if (o != null) return o.cpuNanos();
        long tid = threadId;
        if (tid < 0) return 0;
        long t = MX.getThreadCpuTime(tid);
        // a thread that just died returns -1 before finishCurrentThread published its total
        fin = finalCpuNanos;
        return t >= 0 ? Math.max(0, t - cpuBase) : Math.max(fin, 0);
    }

    /** CPU time used so far by a thread of this JVM (0 for a lane that is another process). */
    public long threadCpuNanos() {
        return cpuSource == null && observed == null ? cpuNanos() : 0;
    }

    /** CPU time used so far by another process (a worker, a command's tree); 0 for a thread's lane. */
    public long childCpuNanos() {
        return cpuSource == null && observed == null ? 0 : cpuNanos();
    }

    /** Nanoseconds spent in each state up to {@code now}, indexed by {@link LaneState#ordinal()}. */
    public long[] nanosByState(long now) {
        long[] out = new long[STATES.length];
        ObservedThread o = observed;
        if (o != null) {
            // observed times are cumulative since the thread was found; the time after it ended is DONE
            long[] by = o.nanosByActivity();
            long[] before = beforeObserved;
            long[] base = observedBase;
            if (before != null) System.arraycopy(before, 0, out, 0, out.length);
            for (ThreadActivity a : ThreadActivity.values()) {
                out[stateOf(a).ordinal()] += by[a.ordinal()] - (base == null ? 0 : base[a.ordinal()]);
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) out[i] = nanosIn.get(i);
        LaneState s = state;
        long open = now - since;
        if (open > 0) out[s.ordinal()] += open;
        return out;
    }
}
