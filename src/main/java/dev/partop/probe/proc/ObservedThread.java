package dev.partop.probe.proc;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One OS thread as {@link ProcessTreeObserver} sees it: written by the observer's sampler
 * thread, read by anyone. Times are cumulative since the thread was found, so a consumer
 * takes differences per tick (as for any other lane).
 */
public final class ObservedThread {

    private static final int KINDS = ThreadActivity.values().length;

    private final long pid;
    private final long tid;
    private final long foundNanos;
    private volatile String comm;
    private volatile ThreadActivity activity = ThreadActivity.RUNNING;
    private volatile boolean done;
    private volatile long cpuNanos;
    private volatile String limits;
    private final AtomicLongArray nanos = new AtomicLongArray(KINDS);

    // sampler-only state
    ProcReader.Handle stat;
    ProcReader.Handle sched;
    ProcReader.Handle syscall;
    long lastNanos;
    long baseCpu = -1;
    long lastCpu;
    long lastWait;
    long lastSlices;
    /** When it was last read; when it was first seen blocked since it last ran (0: runnable at the last read). */
    long readAt;
    long blockedSince;
    /** The syscall and state letter as last read, so a thread still in the same wait is judged without reading. */
    TaskText.Syscall lastSyscall;
    char lastState;
    /** schedstat as last read: CPU ns, run-queue wait ns, times put on a core. */
    final long[] schedNow = new long[3];
    /** {@link #lastCpu} when its {@code children} file was last read; -1 before (only a thread that ran can fork). */
    long childrenCpu = -1;
    ThreadActivity lastBlocked = ThreadActivity.OTHER;
    boolean wasRunnable;
    /** Time charged as waiting for a core before the kernel reported it. */
    long owed;
    /** Time reported beyond the intervals it fell in, taken off the next rest. */
    long debt;

    ObservedThread(long pid, long tid, String comm, long foundNanos) {
        this.pid = pid;
        this.tid = tid;
        this.comm = comm;
        this.foundNanos = foundNanos;
    }

    public long pid() {
        return pid;
    }

    public long tid() {
        return tid;
    }

    /** The kernel's name for the thread ({@code comm}); CPython before 3.14 names them all {@code python3}. */
    public String comm() {
        return comm;
    }

    /** {@code PID/TID comm}, as lanes are named. */
    public String name() {
        return pid + "/" + tid + " " + comm;
    }

    /** When the observer found it ({@link System#nanoTime()}). */
    public long foundNanos() {
        return foundNanos;
    }

    /** What it was doing at the latest sample. */
    public ThreadActivity activity() {
        return activity;
    }

    public boolean done() {
        return done;
    }

    /** CPU time since the observer found it, from schedstat (exact, not in 10 ms ticks). */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** Nanoseconds spent in {@code a} since found. */
    public long nanos(ThreadActivity a) {
        return nanos.get(a.ordinal());
    }

    /** Nanoseconds in each activity since found, indexed by {@link ThreadActivity#ordinal()}. */
    public long[] nanosByActivity() {
        long[] out = new long[KINDS];
        for (int i = 0; i < KINDS; i++) out[i] = nanos.get(i);
        return out;
    }

    /** What the observer cannot see of this thread and why (e.g. its syscall), null when it sees all. */
    public String limits() {
        return limits;
    }

    void comm(String c) {
        comm = c;
    }

    void limits(String l) {
        limits = l;
    }

    void charge(ThreadActivity a, long n) {
        if (n <= 0) return;
        int i = a.ordinal();
        nanos.lazySet(i, nanos.get(i) + n);
    }

    void now(ThreadActivity a, long cpu) {
        activity = a;
        cpuNanos = cpu;
    }

    void finish() {
        done = true;
        if (stat != null) stat.close();
        if (sched != null) sched.close();
        if (syscall != null) syscall.close();
    }
}
