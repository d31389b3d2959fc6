package dev.partop.view.widget;

import java.util.Locale;
import java.util.Map;

/**
 * The glyphs a screen is drawn with. Every state and every bar segment has its own glyph,
 * so the screen still reads in monochrome; the ASCII set is for terminals and fonts without
 * block characters ({@code LANG=C}, old consoles).
 *
 * @param user     bar segment: user time
 * @param system   bar segment: kernel time
 * @param iowait   bar segment: waiting on I/O
 * @param empty    bar: idle
 * @param levels   graph heights from empty to full
 * @param holds    lane timeline: a tick partly spent holding a lock, by share (least first)
 * @param running  lane timeline: computing without a lock
 * @param holding  lane timeline: computing holding a lock
 * @param waiting  lane timeline: waiting for a lock
 * @param io       lane timeline: in I/O
 * @param idle     lane timeline: idle, starting or done
 * @param vertical a thin vertical separator
 * @param ascii    true when every glyph is below 128
 * @param runnable lane timeline (a real program's thread): runnable, waiting for a core
 * @param lock     lane timeline: blocked on a lock that is not the GIL
 * @param sleeping lane timeline: sleeping
 * @param other    lane timeline: blocked in another kind of syscall
 * @param blocked  lane timeline: blocked, kind unknown
 */
public record Symbols(char user, char system, char iowait, char empty, char[] levels, char[] holds, char running, char holding,
                      char waiting, char io, char idle, char vertical, boolean ascii,
                      char runnable, char lock, char sleeping, char other, char blocked) {

    public static final Symbols UNICODE = new Symbols('█', '▓', '▒', '·', "  ▁▂▃▄▅▆▇█".toCharArray(),
            "▁▂▃▄▅▆▇".toCharArray(), '▀', '█', '░',
            '▒', ' ', '│', false,
            '▚', '╫', 'z', '◦', '?');

    public static final Symbols ASCII = new Symbols('#', '=', '~', '.', " .:-=+*%#@".toCharArray(),
            "1234567".toCharArray(), 'R', '#', '-',
            '~', ' ', '|', true,
            'r', 'L', 'z', 'o', '?');

    /** ASCII unless the locale says UTF-8 ({@code LC_ALL}, then {@code LC_CTYPE}, then {@code LANG}). */
    public static Symbols detect(Map<String, String> env) {
        for (String key : new String[]{"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(key);
            if (v != null && !v.isEmpty()) {
                String u = v.toUpperCase(Locale.ROOT);
                return u.contains("UTF-8") || u.contains("UTF8") ? UNICODE : ASCII;
            }
        }
        return ASCII;
    }

    /** The lane glyph for a tick that held a lock for {@code fraction} of it. */
    public char hold(double fraction) {
        int i = (int) Math.min(holds.length - 1, Math.max(0, fraction * holds.length));
        return holds[i];
    }

    /** True for a glyph of {@link #hold}. */
    public boolean isHold(char g) {
        for (char h : holds) if (h == g) return true;
        return false;
    }

    /** The graph glyph for a fraction 0..1. */
    public char level(double fraction) {
        int i = (int) Math.round(Math.max(0, Math.min(1, fraction)) * (levels.length - 1));
        return levels[i];
    }

    /** A cell filled {@code eighths}/8 from the bottom (0..8): stacked, these draw graphs several rows tall. */
    public char eighth(int eighths) {
        String set = ascii ? " .,:-=+*#" : " ▁▂▃▄▅▆▇█";
        return set.charAt(Math.max(0, Math.min(8, eighths)));
    }

    /** What a shortened text ends with. */
    public String ellipsis() {
        return ascii ? "~" : "…";
    }
}
