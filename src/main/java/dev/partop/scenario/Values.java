package dev.partop.scenario;

import dev.partop.scenario.YamlNode.Entry;
import dev.partop.scenario.YamlNode.Mapping;
import dev.partop.scenario.YamlNode.ScalarKind;
import dev.partop.scenario.YamlNode.Scalar;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads typed settings out of {@link YamlNode}s and turns every wrong value into a one-line
 * {@link ScenarioException} at the value's line and column, naming its key path and an example.
 */
final class Values {

    private final String source;

    Values(String source) {
        this.source = source;
    }

    ScenarioException at(YamlNode node, String problem) {
        return new ScenarioException(source, node.line(), node.column(), problem);
    }

    ScenarioException at(Entry entry, String problem) {
        return new ScenarioException(source, entry.line(), entry.column(), problem);
    }

    /** Fails on the first key of {@code map} that is not {@code allowed}, suggesting the closest one. */
    void checkKeys(Mapping map, Collection<String> allowed) throws ScenarioException {
        String where = map.path().isEmpty() ? "at the top level" : "in " + map.path();
        for (Entry e : map.entries().values()) {
            if (allowed.contains(e.key())) continue;
            Optional<String> guess = Suggestions.closest(e.key(), allowed);
            String hint = guess.map(g -> "; did you mean '" + g + "'?")
                    .orElseGet(() -> "; allowed: " + String.join(", ", allowed));
            throw at(e, "unknown key '" + e.key() + "' " + where + hint);
        }
    }

    /** The node as a mapping. */
    Mapping mapping(YamlNode node, String example) throws ScenarioException {
        if (node instanceof Mapping m) return m;
        throw at(node, node.path() + " must be a mapping of keys and values, e.g. `" + example + "`, not " + node.describe());
    }

    /** A non-empty text; any scalar (word, number) reads as its text. */
    String text(YamlNode node, String example) throws ScenarioException {
        if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) return s.text().strip();
        throw at(node, node.path() + " must be a text, e.g. `" + example + "`, not " + node.describe());
    }

    /** A whole number in {@code [min, max]}. */
    long whole(YamlNode node, long min, long max, String example) throws ScenarioException {
        BigDecimal v = number(node);
        if (v == null || v.stripTrailingZeros().scale() > 0) {
            throw at(node, node.path() + " must be a whole number, e.g. `" + example + "`, not " + node.describe());
        }
        checkRange(node, v, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        return v.longValueExact();
    }

    /** A number in {@code [0, 1]}; {@code 25%} is read as 0.25. */
    double fraction(YamlNode node, String example) throws ScenarioException {
        BigDecimal v = number(node);
        if (v == null && node instanceof Scalar s && s.kind() == ScalarKind.STRING && s.text().strip().endsWith("%")) {
            try {
                v = new BigDecimal(s.text().strip().replace("%", "").strip()).movePointLeft(2);
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        if (v == null) {
            throw at(node, node.path() + " must be a number from 0 to 1, e.g. `" + example + "`, not " + node.describe());
        }
        checkRange(node, v, BigDecimal.ZERO, BigDecimal.ONE);
        return v.doubleValue();
    }

    private void checkRange(YamlNode node, BigDecimal v, BigDecimal min, BigDecimal max) throws ScenarioException {
        if (v.compareTo(min) < 0) {
            String bound = min.signum() == 0 ? "must not be negative" : "must be at least " + min.toPlainString();
            throw at(node, node.path() + " " + bound + ", not " + v.toPlainString());
        }
        if (v.compareTo(max) > 0) {
            throw at(node, node.path() + " must be at most " + max.toPlainString() + " (the limit), not " + v.toPlainString());
        }
    }

    /** The number a scalar holds; a quoted number such as {@code "8"} counts too. */
    private static BigDecimal number(YamlNode node) {
        if (!(node instanceof Scalar s)) return null;
        if (s.number() != null || s.kind() != ScalarKind.STRING) return s.number();
        try {
            return new BigDecimal(s.text().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A duration such as {@code 1s} in {@code [min, max]}; a bare {@code 0} is zero. */
    Duration duration(YamlNode node, Duration min, Duration max, String example) throws ScenarioException {
        if (!(node instanceof Scalar s) || s.isNull() || s.kind() == ScalarKind.BOOLEAN) {
            throw at(node, node.path() + " must be a duration, e.g. `" + example + "`, not " + node.describe());
        }
        Duration d;
        try {
            d = Durations.parse(s.text());
        } catch (IllegalArgumentException e) {
            String t = s.text().strip();
            if (t.startsWith("-")) throw at(node, node.path() + " must not be negative, not " + s.describe());
            if (s.number() != null) {
                throw at(node, node.path() + " needs a unit: write e.g. `" + example + "` (units: " + Durations.UNITS
                        + "), not " + s.describe());
            }
            throw at(node, node.path() + " must be a duration, e.g. `" + example + "` (units: " + Durations.UNITS
                    + "), not " + s.describe());
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            String range = min.isZero() ? "at most " + Durations.format(max)
                    : "between " + Durations.format(min) + " and " + Durations.format(max);
            throw at(node, node.path() + " must be " + range + " (the limit), not " + Durations.format(d));
        }
        return d;
    }

    /** A byte count: a whole number or a text with a unit such as {@code 64KiB}, at most {@code max}. */
    long bytes(YamlNode node, long max, String example) throws ScenarioException {
        if (!(node instanceof Scalar s) || s.isNull() || s.kind() == ScalarKind.BOOLEAN
                || s.kind() == ScalarKind.DECIMAL) {
            throw at(node, node.path() + " must be a size in bytes, e.g. `" + example + "` (units: " + ByteSizes.UNITS
                    + "), not " + node.describe());
        }
        long v;
        try {
            v = ByteSizes.parse(s.kind() == ScalarKind.INTEGER ? s.number().toPlainString() : s.text());
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (s.text().strip().startsWith("-")) throw at(node, node.path() + " must not be negative, not " + s.describe());
            throw at(node, node.path() + " must be a size in bytes, e.g. `" + example + "` (units: " + ByteSizes.UNITS
                    + "), not " + s.describe());
        }
        if (v > max) {
            throw at(node, node.path() + " must be at most " + ByteSizes.format(max) + " (the limit), not " + s.describe());
        }
        return v;
    }

    /** One of a few keywords, with a did-you-mean. */
    String keyword(YamlNode node, Collection<String> allowed, String example) throws ScenarioException {
        if (node instanceof Scalar s && !s.isNull() && allowed.contains(s.text().strip())) return s.text().strip();
        String said = node instanceof Scalar s ? s.text().strip() : "";
        String hint = Suggestions.closest(said, allowed).map(g -> "; did you mean '" + g + "'?").orElse("");
        throw at(node, node.path() + " must be one of " + String.join(", ", allowed) + ", e.g. `" + example + "`, not "
                + node.describe() + hint);
    }
}
