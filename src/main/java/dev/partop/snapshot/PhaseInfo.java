package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The current phase as a view shows it.
 *
 * @param name     the phase's name from the scenario
 * @param model    the scenario's model keyword, e.g. {@code gil-threads}
 * @param settings the model's settings in words, e.g. {@code 8 threads, switch 5ms}
 * @param runtime  {@code model}, or e.g. {@code CPython 3.11.7}; null in older recordings (read: model)
 * @param note     one line for the audience from the scenario; null for none
 */
public record PhaseInfo(String name, String model, String settings, String runtime, String note) {

    @JsonCreator
    public PhaseInfo {
    }

    /** A phase to fill in by name: run by partop's {@link PhaseResult#MODEL}, no note; the words null. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this phase's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().name(name).model(model).settings(settings).runtime(runtime).note(note);
    }

    /** Names each component of a {@link PhaseInfo}; see the record for what each means. */
    public static final class Builder {
        private String name;
        private String model;
        private String settings;
        private String runtime = PhaseResult.MODEL;
        private String note;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder settings(String settings) { this.settings = settings; return this; }
        public Builder runtime(String runtime) { this.runtime = runtime; return this; }
        public Builder note(String note) { this.note = note; return this; }

        public PhaseInfo build() {
            return new PhaseInfo(name, model, settings, runtime, note);
        }
    }
}
