package dev.partop.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as people write them: {@code 4096}, {@code 64KiB}, {@code 10MiB}, {@code 1MB},
 * {@code 1.5GiB}. {@code KiB MiB GiB} are powers of 1024, {@code KB MB GB} of 1000.
 */
public final class ByteSizes {

    /** The units a byte count may carry, for hints in error messages. */
    public static final String UNITS = "B, KB, MB, GB, KiB, MiB, GiB";

    private static final Pattern FORM = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*([a-zA-Z]*)");

    private ByteSizes() {
    }

    /**
     * Parses a byte count.
     *
     * @throws IllegalArgumentException with a one-line message that says what is allowed
     */
    public static long parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("'" + s + "' is negative; a size is 0 or more, e.g. 64KiB");
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + s + "' is not a size; write bytes or a number and a unit (" + UNITS + "), e.g. 64KiB or 10MiB");
        }
        long perUnit = bytesPer(m.group(2));
        if (perUnit == 0) {
            throw new IllegalArgumentException(
                    "'" + s + "' has an unknown unit '" + m.group(2) + "'; units: " + UNITS + ", e.g. 10MiB");
        }
        BigDecimal number = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(perUnit)).setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + s + "' is too large");
        }
        return bytes.longValueExact();
    }

    private static long bytesPer(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 0L;
        };
    }

    /** A short form: {@code 512B}, {@code 64KiB}, {@code 1.5MiB}, {@code 1GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) return bytes + "B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.toPlainString() + units[i];
    }
}
