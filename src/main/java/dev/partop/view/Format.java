package dev.partop.view;

import java.util.Locale;

/** Numbers as the dashboard shows them: short, fixed width where it matters. */
final class Format {

    private Format() {
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
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
}
