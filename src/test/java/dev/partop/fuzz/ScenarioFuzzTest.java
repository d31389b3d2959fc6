package dev.partop.fuzz;

import dev.partop.scenario.BuiltinScenarios;
import dev.partop.scenario.ScenarioException;
import dev.partop.scenario.ScenarioLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in scenarios, mutated the ways a hand or a tool breaks YAML (keys deleted,
 * duplicated, retyped and renamed, random Unicode, huge and negative numbers, deep nesting,
 * anchors and aliases, tabs, a BOM, CRLF, very long lines): every case is a valid scenario or
 * one {@link ScenarioException} of one line that names the file, never another exception,
 * and never more than a second.
 */
class ScenarioFuzzTest {

    static final String FILE = "fuzz.yaml";
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static {
        // the YAML reader's classes load once, not in the first case's second
        for (String name : BuiltinScenarios.names()) {
            try {
                BuiltinScenarios.load(name);
            } catch (ScenarioException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Provide
    Arbitrary<String> builtins() {
        return Arbitraries.of(BuiltinScenarios.names());
    }

    @Property(tries = 10_000)
    void everyMutationIsAScenarioOrOneLineNamingTheFile(@ForAll("builtins") String name, @ForAll long seed) {
        String text = mutate(BuiltinScenarios.text(name).orElseThrow(), new Random(seed));
        long t0 = CPU.getCurrentThreadCpuTime();
        try {
            ScenarioLoader.parse(text, FILE);
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).as("message of %s mutated with seed %d", name, seed)
                    .startsWith(FILE + ":").doesNotContain("\n").doesNotContain("\r")
                    .doesNotContain("Exception").hasSizeLessThan(1200);
            if (e.line() > 0) assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ":");
        }
        // CPU time, not wall time: the machine is shared, and a loaded one must not fail this
        assertThat((CPU.getCurrentThreadCpuTime() - t0) / 1e9).as("CPU seconds for %s mutated with seed %d", name, seed)
                .isLessThan(1);
    }

    /** One to four mutations of {@code text}, chosen by {@code r}. */
    static String mutate(String text, Random r) {
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) text = once(text, r);
        return text;
    }

    private static final String[] KEYS = {"name", "phases", "model", "threads", "workers", "workload", "tasks", "cpu",
            "io", "rounds", "memory", "payload", "timeout", "switch-interval", "gil-policy", "start", "defaults",
            "baseline", "interpreters", "critical-section", "command", "check-interval", "ops", "<<"};
    private static final String[] VALUES = {"-1", "0", "99999999999999999999999999", "-9223372036854775809", "1e308",
            ".inf", ".nan", "-.inf", "1.5", "0x10", "1_000", "~", "null", "true", "[]", "{}", "[1, [2, [3]]]",
            "{a: {b: {c: 1}}}", "\"\"", "''", "'\\u0000'", "\"\\u0000\"", "1ms", "-5s", "999999h", "1ns", "10GiB",
            "-1KiB", "sequential", "processes", "command", "gil-threads", "*a", "&a 1", "!!binary aGk=", "!!str 1",
            "\"\\ud800\"", "|\n  x", ">\n  y", "? complex\n: key"};

    private static String once(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = r.nextInt(Math.max(1, lines.size()));
        switch (r.nextInt(16)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> { // swap two lines
                int b = r.nextInt(lines.size());
                String tmp = lines.get(at);
                lines.set(at, lines.get(b));
                lines.set(b, tmp);
            }
            case 3 -> { // rename a key
                String line = lines.get(at);
                String key = KEYS[r.nextInt(KEYS.length)];
                lines.set(at, line.replaceFirst("[A-Za-z-]+:", key + (r.nextBoolean() ? "x:" : ":")));
            }
            case 4 -> { // retype or replace a value
                String line = lines.get(at);
                int colon = line.indexOf(": ");
                String v = VALUES[r.nextInt(VALUES.length)];
                lines.set(at, colon < 0 ? line + " " + v : line.substring(0, colon + 2) + v);
            }
            case 5 -> lines.set(at, insert(lines.get(at), randomUnicode(r, 1 + r.nextInt(20)), r));
            case 6 -> lines.set(at, insert(lines.get(at), "\t", r));
            case 7 -> { // deep nesting
                int depth = 1 + r.nextInt(r.nextInt(8) == 0 ? 5000 : 60);
                String open = r.nextBoolean() ? "[" : "{a: ";
                String close = open.equals("[") ? "]" : "}";
                lines.add(at, "deep: " + open.repeat(depth) + "1" + close.repeat(r.nextInt(depth + 1)));
            }
            case 8 -> { // anchors and aliases, up to a billion laughs
                lines.add(at, "a: &a [x, x, x, x, x, x, x, x, x]");
                for (int i = 0; i < r.nextInt(12); i++) {
                    lines.add(at + 1 + i, "a" + i + ": &a" + i + " [*a, *a, *a, *a, *a, *a, *a, *a, *a]".replace("*a,",
                            "*a" + (i == 0 ? "" : String.valueOf(i - 1)) + ","));
                }
            }
            case 9 -> lines.set(at, lines.get(at) + "x".repeat(1 + r.nextInt(r.nextInt(8) == 0 ? 200_000 : 2_000)));
            case 10 -> { // a number, made huge or negative
                String line = lines.get(at);
                lines.set(at, line.replaceFirst("\\d+", r.nextBoolean() ? "-" + r.nextInt(1000) : "9".repeat(1 + r.nextInt(40))));
            }
            case 11 -> lines.set(at, " ".repeat(r.nextInt(9)) + lines.get(at).strip());
            case 12 -> lines.add(at, r.nextBoolean() ? "---" : "...");
            case 13 -> lines.set(at, lines.get(at).replace(":", r.nextBoolean() ? "" : "::"));
            case 14 -> lines.add(at, "<<: " + (r.nextBoolean() ? "*nowhere" : "[1, 2]"));
            default -> {
                String whole = String.join("\n", lines);
                return switch (r.nextInt(4)) {
                    case 0 -> "\uFEFF" + whole;
                    case 1 -> whole.replace("\n", "\r\n");
                    case 2 -> whole.substring(0, r.nextInt(whole.length() + 1));
                    default -> whole.replace("\n", "\r");
                };
            }
        }
        return String.join("\n", lines);
    }

    private static String insert(String line, String what, Random r) {
        int at = r.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }

    static String randomUnicode(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = switch (r.nextInt(5)) {
                case 0 -> r.nextInt(0x20);                 // control characters
                case 1 -> 0x20 + r.nextInt(0x60);          // ASCII, YAML's indicators among them
                case 2 -> 0x80 + r.nextInt(0x780);         // Latin, Greek, Cyrillic...
                case 3 -> 0xD800 + r.nextInt(0x800);       // lone surrogates
                default -> 0x1F300 + r.nextInt(0x300);     // emoji
            };
            sb.append((char) Math.min(cp, 0xFFFF) == cp ? String.valueOf((char) cp) : new String(Character.toChars(cp)));
        }
        return sb.toString();
    }
}
