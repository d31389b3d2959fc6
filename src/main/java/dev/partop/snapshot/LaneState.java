package dev.partop.snapshot;

/** What one lane (thread, worker process or task) is doing. */
public enum LaneState {
    /** Not started yet, or between tasks with nothing to do. */
    IDLE,
    /** A worker process is starting (spawn to ready). */
    STARTING,
    /** Computing, no interpreter lock involved. */
    RUNNING,
    /** Computing while holding an interpreter lock / critical section. */
    HOLDING,
    /** Waiting to take an interpreter lock / critical section. */
    WAITING,
    /** Blocked in I/O (sleep, socket) or waiting on IPC. */
    IO,
    /** Finished all its work. */
    DONE,
    /** An observed OS thread: runnable, waiting for a core (on a run queue). */
    RUNNABLE,
    /** An observed OS thread: blocked on a lock that is not the GIL (threading.Lock, a mutex, join). */
    LOCKED,
    /** An observed OS thread: sleeping (time.sleep, a select with no fds). */
    SLEEPING,
    /** An observed OS thread: blocked in a syscall of another kind. */
    OTHER,
    /** An observed OS thread: blocked, kind unknown (its syscall cannot be read here). */
    BLOCKED
}
