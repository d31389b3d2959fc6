package dev.partop.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in scenario files and options: a number and a unit
 * ({@code ns us ms s m}), such as {@code 5ms}, {@code 1.5s} or {@code 0.5ms}, or a bare {@code 0}.
 */
public final class Durations {

    /** The units a duration may carry, for hints in error messages. */
    public static final String UNITS = "ns, us, ms, s, m";

    private static final Pattern FORM = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*([a-zA-Zµ]*)");
    private static final long NANOS_PER_US = 1_000L;
    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long NANOS_PER_S = 1_000_000_000L;
    private static final long NANOS_PER_M = 60 * NANOS_PER_S;

    private Durations() {
    }

    /**
     * Parses a duration such as {@code 250us}, {@code 1.5s} or {@code 0}.
     *
     * @throws IllegalArgumentException with a one-line message that says what is allowed
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is missing; write a number and a unit, e.g. 5ms or 1.5s");
        }
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("'" + s + "' is negative; a duration is 0 or more, e.g. 5ms");
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + s + "' is not a duration; write a number and a unit (" + UNITS + "), e.g. 5ms or 1.5s");
        }
        BigDecimal number = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            if (number.signum() == 0) return Duration.ZERO;
            throw new IllegalArgumentException(
                    "'" + s + "' has no unit; write e.g. " + m.group(1) + "s or " + m.group(1) + "ms (units: " + UNITS + ")");
        }
        long perUnit = nanosPer(unit);
        if (perUnit == 0) {
            throw new IllegalArgumentException(
                    "'" + s + "' has an unknown unit '" + unit + "'; units: " + UNITS + ", e.g. 5ms or 1.5s");
        }
        BigDecimal nanos = number.multiply(BigDecimal.valueOf(perUnit)).setScale(0, RoundingMode.HALF_UP);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + s + "' is too long a duration");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    /** Nanoseconds in one unit, 0 for an unknown unit. Units are case-insensitive except m/M. */
    private static long nanosPer(String unit) {
        if (unit.equals("m")) return NANOS_PER_M;
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ns" -> 1L;
            case "us", "µs" -> NANOS_PER_US;
            case "ms" -> NANOS_PER_MS;
            case "s" -> NANOS_PER_S;
            default -> 0L;
        };
    }

    /**
     * A short human form that {@link #parse} reads back: {@code 5ms}, {@code 1s}, {@code 250us},
     * {@code 1.5s}, {@code 2m}. Values that need more than three decimals in their unit are rounded.
     */
    public static String format(Duration d) {
        if (d == null) return "none";
        long nanos = d.toNanos();
        if (nanos == 0) return "0";
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs >= NANOS_PER_M && abs % NANOS_PER_M == 0) return sign + (abs / NANOS_PER_M) + "m";
        if (abs >= NANOS_PER_S) return sign + decimal(abs, NANOS_PER_S) + "s";
        if (abs >= NANOS_PER_MS) return sign + decimal(abs, NANOS_PER_MS) + "ms";
        if (abs >= NANOS_PER_US) return sign + decimal(abs, NANOS_PER_US) + "us";
        return sign + abs + "ns";
    }

    private static String decimal(long nanos, long perUnit) {
        BigDecimal v = BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(perUnit), 3, RoundingMode.HALF_UP);
        return v.stripTrailingZeros().toPlainString();
    }
}
