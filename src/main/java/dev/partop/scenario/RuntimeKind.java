package dev.partop.scenario;

import java.util.Locale;

/** What runs a phase's workload ({@code runtime:}): partop's model of it, or the real interpreter. */
public enum RuntimeKind {
    /** partop's own execution model, in this JVM or its worker JVMs. */
    MODEL,
    /** CPython itself: partop's agent runs the workload in the {@code python:} interpreter. */
    CPYTHON;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
