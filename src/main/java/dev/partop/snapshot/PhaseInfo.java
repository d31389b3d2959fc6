package dev.partop.snapshot;

/**
 * The current phase as a view shows it.
 *
 * @param name     the phase's name from the scenario
 * @param model    the scenario's model keyword, e.g. {@code gil-threads}
 * @param settings the model's settings in words, e.g. {@code 8 threads, switch 5ms}
 * @param note     one line for the audience from the scenario; null for none
 */
public record PhaseInfo(String name, String model, String settings, String note) {

    public PhaseInfo(String name, String model, String settings) {
        this(name, model, settings, null);
    }
}
