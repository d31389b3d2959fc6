package dev.partop.scenario;

import java.util.Locale;

/** How a {@code processes} phase's pool starts: inside the timed phase, or before it. */
public enum PoolStart {
    /** Workers are started inside the phase: their start-up counts in its wall time. */
    COLD,
    /** The pool is started before the phase's clock starts. */
    WARM;

    /** As written in a scenario file. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
