package dev.partop.snapshot;

/** What a run is doing at the time of a Snapshot. */
public enum RunState {
    /** Measuring how many work operations one core does per second. */
    CALIBRATING,
    /** Running the phases' code briefly and waiting for the JIT compiler to go quiet, before the first phase. */
    WARMING_UP,
    /** Starting a phase's workers before its clock runs (warm process pools). */
    PREPARING,
    /** A phase is running. */
    RUNNING,
    /** Every phase has finished; results are final. */
    FINISHED
}
