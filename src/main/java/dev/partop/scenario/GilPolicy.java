package dev.partop.scenario;

/** Which interpreter-lock algorithm a {@code gil-threads} or {@code interpreters} phase follows. */
public enum GilPolicy {
    /** CPython 3.2+: timed waits, drop request, forced switching. */
    NEW,
    /** Python 2: release and re-acquire every check-interval ticks, no handoff. */
    LEGACY
}
