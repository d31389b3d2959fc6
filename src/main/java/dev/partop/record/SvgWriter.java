package dev.partop.record;

import java.util.Locale;

/**
 * Writes SVG text by hand: elements with attributes given as name, value pairs, text escaped,
 * numbers with at most one decimal (a slide needs no more, and the file stays small).
 */
final class SvgWriter {

    private final StringBuilder b = new StringBuilder(16_384);

    SvgWriter(int width, int height) {
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
    }

    /** {@code <tag a="v" ...>}; close it with {@link #close}. */
    SvgWriter open(String tag, Object... attributes) {
        start(tag, attributes).append(">\n");
        return this;
    }

    SvgWriter close(String tag) {
        b.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag a="v" .../>}. */
    SvgWriter element(String tag, Object... attributes) {
        start(tag, attributes).append("/>\n");
        return this;
    }

    /** {@code <tag a="v" ...>text</tag>}. */
    SvgWriter text(String tag, String text, Object... attributes) {
        start(tag, attributes).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    String finish() {
        return b.append("</svg>\n").toString();
    }

    private StringBuilder start(String tag, Object[] attributes) {
        b.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] == null) continue;
            b.append(' ').append(attributes[i]).append("=\"").append(value(attributes[i + 1])).append('"');
        }
        return b;
    }

    private static String value(Object v) {
        return v instanceof Number n ? number(n.doubleValue()) : escape(v.toString());
    }

    static String number(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
