package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The current phase as a view shows it.
 *
 * @param name     the phase's name from the scenario
 * @param model    the scenario's model keyword, e.g. {@code gil-threads}
 * @param settings the model's settings in words, e.g. {@code 8 threads, switch 5ms}
 * @param runtime  {@code model}, or e.g. {@code CPython 3.11.7}; null in older recordings (read: model)
 */
public record PhaseInfo(String name, String model, String settings, String runtime) {

    @JsonCreator
    public PhaseInfo {
    }

    /** A phase of partop's model (the shape before {@code runtime}). */
    public PhaseInfo(String name, String model, String settings) {
        this(name, model, settings, PhaseResult.MODEL);
    }
}
