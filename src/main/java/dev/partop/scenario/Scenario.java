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
 */
public record Scenario(String name, String description, String baseline, List<Phase> phases, String source,
                       String text) {

    public Phase phase(String phaseName) {
        for (Phase p : phases) {
            if (p.name().equals(phaseName)) return p;
        }
        return null;
    }
}
