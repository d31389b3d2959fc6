package dev.partop.scenario;

import java.util.List;

/**
 * A validated scenario: what the loader hands to the session.
 *
 * @param name        title shown in the header
 * @param description a paragraph a speaker can read aloud
 * @param baseline    name of the phase that counts as 1.0x
 * @param phases      at least one, names unique
 * @param source      where it came from: a path, or {@code builtin:NAME}
 * @param text        the file's text as read
 * @param figures     what the results table shows beside wall, CPU and parallelism
 *                    ({@link #FIGURES}); {@code [speedup]} unless the scenario says
 */
public record Scenario(String name, String description, String baseline, List<Phase> phases, String source,
                       String text, List<String> figures) {

    /**
     * The figures a scenario can ask for: speed-up against the baseline; round-trip (I/O)
     * latency mean and p95; cost, the wall time against the last free-threads phase before it;
     * lock switches per second; futile wake-ups.
     */
    public static final List<String> FIGURES = List.of("speedup", "latency", "cost", "switches", "futile");

    public Scenario {
        figures = figures == null || figures.isEmpty() ? List.of("speedup") : List.copyOf(figures);
    }

    public Scenario(String name, String description, String baseline, List<Phase> phases, String source, String text) {
        this(name, description, baseline, phases, source, text, null);
    }

    public Phase phase(String phaseName) {
        for (Phase p : phases) {
            if (p.name().equals(phaseName)) return p;
        }
        return null;
    }
}
