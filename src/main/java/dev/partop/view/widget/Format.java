package dev.partop.view.widget;

import java.util.Locale;

/** Numbers as the dashboard shows them: short, fixed width where it matters. */
public final class Format {

    private Format() {
    }

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(64));

    /**
     * {@code String.format} for the few conversions the dashboard uses ({@code %s %d %f %%}
     * with '-', a width and, for %f, a precision), without java.util.Formatter: that parses
     * the pattern with a regex and, outside Locale.US, looks up DecimalFormatSymbols for every
     * %f; it was a third of a frame's CPU. Anything else goes to String.format.
     * %f rounds half up on the binary value (0.145 to 2 places gives 0.14 where Formatter,
     * rounding its shortest decimal form, gives 0.15): a last digit, on screen only.
     */
    static String f(String pattern, Object... args) {
        StringBuilder b = BUFFER.get();
        b.setLength(0);
        int arg = 0;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char ch = pattern.charAt(i);
            if (ch != '%') {
                b.append(ch);
                continue;
            }
            int j = i + 1;
            boolean left = j < n && pattern.charAt(j) == '-';
            if (left) j++;
            int width = 0;
            while (j < n && Character.isDigit(pattern.charAt(j))) width = width * 10 + pattern.charAt(j++) - '0';
            int precision = -1;
            if (j < n && pattern.charAt(j) == '.') {
                precision = 0;
                j++;
                while (j < n && Character.isDigit(pattern.charAt(j))) precision = precision * 10 + pattern.charAt(j++) - '0';
            }
            if (j >= n) return String.format(Locale.US, pattern, args);
            char conv = pattern.charAt(j);
            int start = b.length();
            if (conv == '%') {
                b.append('%');
            } else if (conv == 's' && precision < 0) {
                b.append(args[arg++]);
            } else if (conv == 'd' && precision < 0 && (args[arg] instanceof Integer || args[arg] instanceof Long)) {
                b.append(((Number) args[arg++]).longValue());
            } else if (conv == 'f' && args[arg] instanceof Number num && fixed(b, num.doubleValue(),
                    precision < 0 ? 6 : precision)) {
                arg++;
            } else {
                return String.format(Locale.US, pattern, args);
            }
            int pad = width - (b.length() - start);
            if (pad > 0) {
                if (left) b.append(" ".repeat(pad));
                else b.insert(start, " ".repeat(pad));
            }
            i = j;
        }
        return b.toString();
    }

    /** Appends {@code v} with {@code places} decimals; false (nothing appended) when out of its range. */
    private static boolean fixed(StringBuilder b, double v, int places) {
        if (places >= POW10.length || Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e12) return false;
        long scaled = Math.round(Math.abs(v) * POW10[places]);
        if (Double.doubleToRawLongBits(v) < 0) b.append('-');
        b.append(scaled / POW10[places]);
        if (places > 0) {
            b.append('.');
            String frac = Long.toString(scaled % POW10[places]);
            for (int k = frac.length(); k < places; k++) b.append('0');
            b.append(frac);
        }
        return true;
    }

    static String seconds(double s) {
        if (s < 10) return f("%.2fs", s);
        if (s < 100) return f("%.1fs", s);
        return f("%.0fs", s);
    }

    static String bytes(double b) {
        if (b < 1024) return f("%.0f B", b);
        if (b < 1024 * 1024) return f("%.1f KiB", b / 1024);
        if (b < 1024.0 * 1024 * 1024) return f("%.1f MiB", b / 1024 / 1024);
        return f("%.2f GiB", b / 1024 / 1024 / 1024);
    }

    static String pad(String s, int width) {
        if (s.length() >= width) return s.substring(0, Math.max(0, width));
        return s + " ".repeat(width - s.length());
    }

    static String padLeft(String s, int width) {
        if (s.length() >= width) return s.substring(0, Math.max(0, width));
        return " ".repeat(width - s.length()) + s;
    }

    /** "1 thread", "8 threads". */
    static String plural(long n, String word) {
        return n + " " + (n == 1 ? word : word + "s");
    }

    /**
     * {@code s} in at most {@code width} columns, shortened at a word boundary (a space or a
     * comma) and marked with {@code ellipsis}, never cut mid-word; "" when not even the first
     * word fits.
     */
    static String fit(String s, int width, String ellipsis) {
        return fit(s, width, ellipsis, false);
    }

    /**
     * A name in at most {@code width} columns, shortened so it still tells itself apart: a
     * closing part in parentheses ("one thread (CPython)" beside "one thread (model)") is kept
     * whole and the words before it are shortened ("one… (CPython)"); without one, or when even
     * that does not fit, as {@link #fit}; cut mid-word only when not even one word fits.
     */
    static String shortName(String name, int width, String ellipsis) {
        if (name.length() <= width) return name;
        if (width <= 0) return "";
        int open = name.lastIndexOf(" (");
        if (open > 0 && name.endsWith(")")) {
            String tail = name.substring(open);
            String head = fit(name.substring(0, open), width - tail.length(), ellipsis);
            if (!head.isEmpty()) return head + tail;
            // the first word cut, then the part that tells it apart
            int room = width - tail.length() - ellipsis.length();
            if (room >= 2) return name.substring(0, room).stripTrailing() + ellipsis + tail;
        }
        String fit = fit(name, width, ellipsis);
        if (!fit.isEmpty()) return fit;
        return width > ellipsis.length() ? name.substring(0, width - ellipsis.length()) + ellipsis : name.substring(0, width);
    }

    /** As {@link #fit(String, int, String)}, cut only between comma-separated parts ("8 threads, switch 5ms"). */
    static String fitParts(String s, int width, String ellipsis) {
        return fit(s, width, ellipsis, true);
    }

    private static String fit(String s, int width, String ellipsis, boolean commas) {
        if (s.length() <= width) return s;
        int room = width - ellipsis.length();
        for (int i = Math.min(room, s.length() - 1); i > 0; i--) {
            char c = s.charAt(i);
            if (commas ? c == ',' : c == ' ' || c == ',') {
                String head = s.substring(0, i).stripTrailing();
                while (head.endsWith(",") || head.endsWith(":")) head = head.substring(0, head.length() - 1);
                if (!head.isEmpty() && head.length() <= room) return head + ellipsis;
            }
        }
        return "";
    }
}
