package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * What the audience should read, in words, under the header: while the work is calibrated, the
 * scenario's description (wrapped at words); while a phase runs, its {@code note:} (one line,
 * shortened at a word if the screen is narrow). Nothing when the scenario says nothing.
 */
final class CaptionView {

    private CaptionView() {
    }

    static List<String> lines(ViewState v, Snapshot s, int width, int maxRows, Symbols sym) {
        if (s == null || s.state() == RunState.CALIBRATING) return wrap(v.description(), width, maxRows, sym);
        if (s.state() == RunState.FINISHED || s.phase() == null || s.phase().note() == null
                || s.phase().note().isBlank()) {
            return List.of();
        }
        String line = Format.fit(s.phase().note(), width, sym.ellipsis());
        return line.isEmpty() ? List.of() : List.of(line);
    }

    static void render(Canvas c, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) c.text(0, i, lines.get(i), Theme.Role.TEXT);
    }

    /** {@code text} in lines of at most {@code width}, broken between words; the last one shortened if it overflows. */
    static List<String> wrap(String text, int width, int maxRows, Symbols sym) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank() || width < 10) return out;
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                if (out.size() == maxRows - 1) {
                    // no room for the rest: this last line says so
                    StringBuilder rest = new StringBuilder(line);
                    for (int j = i; j < words.length; j++) rest.append(' ').append(words[j]);
                    out.add(Format.fit(rest.toString(), width, sym.ellipsis()));
                    return out;
                }
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(w.length() > width ? w.substring(0, width) : w);
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }
}
