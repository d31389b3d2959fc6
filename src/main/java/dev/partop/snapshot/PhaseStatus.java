package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a phase ended. */
public enum PhaseStatus {
    OK, FAILED, SKIPPED, TIMEOUT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
