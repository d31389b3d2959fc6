package dev.partop.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios that ship inside the jar: the files of the top-level {@code scenarios/} folder,
 * packaged as {@code /scenarios/NAME.yaml}. A test checks that this list and the folder agree.
 */
public final class BuiltinScenarios {

    /** Every built-in, in the order {@code partop list} shows them. */
    private static final List<String> NAMES = List.of("default", "cpu-heavy", "io-heavy", "convoy", "amdahl",
            "gil-policies", "interpreters", "processes", "event-loop",
            "python", "model-vs-cpython");

    private BuiltinScenarios() {
    }

    /** Names of the built-in scenarios, the default first. */
    public static List<String> names() {
        return NAMES;
    }

    /** What {@code partop} runs with no argument. */
    public static String defaultName() {
        return "default";
    }

    /** The file text of a built-in; empty when there is no built-in of that name. */
    public static Optional<String> text(String name) {
        if (!NAMES.contains(name)) return Optional.empty();
        try (InputStream in = BuiltinScenarios.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            if (in == null) return Optional.empty();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built-in scenario, validated; its {@link Scenario#source()} is {@code builtin:NAME}. */
    public static Scenario load(String name) throws ScenarioException {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            throw new ScenarioException(null, 0, 0, "no built-in scenario named '" + name + "'; built-ins: "
                    + String.join(", ", NAMES));
        }
        return ScenarioLoader.parse(text.get(), "builtin:" + name);
    }

    /** One line for {@code partop list}: the first sentence of the scenario's description (or its name). */
    public static String summary(String name) {
        try {
            Scenario s = load(name);
            String first = firstSentence(s.description());
            return first.isEmpty() ? s.name() : first;
        } catch (ScenarioException e) {
            return e.getMessage();
        }
    }

    static String firstSentence(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }
}
