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
}
