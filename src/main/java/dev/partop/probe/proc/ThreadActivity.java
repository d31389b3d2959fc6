package dev.partop.probe.proc;

/**
 * What an OS thread was doing when sampled, from outside: its scheduler state, the syscall it
 * is blocked in, and (for CPython) whether a futex it waits on is the GIL's.
 */
public enum ThreadActivity {
    /** On a core, not holding the GIL (or no GIL known). */
    RUNNING,
    /** On a core while the CPython GIL says this thread holds it. */
    HOLDING,
    /** Runnable but waiting for a core (on a run queue: schedstat's run delay). */
    RUNNABLE,
    /** Blocked in a futex inside the CPython GIL. */
    GIL,
    /** Blocked in a futex elsewhere: a threading.Lock, Event, Queue, join, a mutex. */
    LOCK,
    /** Blocked on I/O: read, recv, poll, select with fds, epoll_wait, accept, wait4; state D (disk). */
    IO,
    /** Sleeping: clock_nanosleep, nanosleep, select/pselect6/poll with no fds, pause. */
    SLEEP,
    /** Blocked in a syscall of another kind, or outside one (page fault). */
    OTHER,
    /** Blocked, kind unknown: the thread's syscall file cannot be read or its numbers are not known here. */
    BLOCKED;

    private static final ThreadActivity[] ALL = values();

    public static ThreadActivity of(int ordinal) {
        return ALL[ordinal];
    }
}
