package dev.partop.scenario;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written (1-based line and column) and its key path
 * ({@code phases[1].workload.cpu}), so every error can point at it. Jackson's own tree drops locations.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** The key path, e.g. {@code phases[1].threads}; empty for the document root. */
    String path();

    int line();

    int column();

    /** How the node reads in a message: {@code 'many'}, {@code a list}, {@code nothing}. */
    String describe();

    /** What kind of scalar the YAML resolver made of the text. */
    enum ScalarKind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /**
     * A scalar value.
     *
     * @param text   the text as written (for a null: empty or {@code ~})
     * @param number the value of an integer or decimal, else null
     */
    record Scalar(String path, int line, int column, String text, ScalarKind kind, BigDecimal number)
            implements YamlNode {

        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String describe() {
            if (isNull()) return "nothing";
            String t = text.length() > 40 ? text.substring(0, 37) + "..." : text;
            return "'" + t + "'";
        }
    }

    /** One key of a mapping, with where the key was written. */
    record Entry(String key, int line, int column, YamlNode value) {
    }

    /** A mapping; keys keep their order and are unique. */
    record Mapping(String path, int line, int column, Map<String, Entry> entries) implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(String path, int line, int column, List<YamlNode> items) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
