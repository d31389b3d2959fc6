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
    DONE
}
