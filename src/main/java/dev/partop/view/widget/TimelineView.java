package dev.partop.view.widget;

import dev.partop.view.term.Theme;

/**
 * The whole run on one strip, read left to right like the results table: the machine's busy
 * cores (a graph as tall as the layout gives it), and under it a band per phase with its name,
 * the current position marked while a phase runs.
 */
final class TimelineView {

    static final int LABEL = 8;

    private TimelineView() {
    }

    static void render(Canvas c, RunTimeline t, int cpus, boolean running, Symbols sym) {
        if (c.height() < 2 || c.width() < LABEL + 8) return;
        int width = c.width() - LABEL;
        int graph = c.height() - 1;
        int band = graph;
        float[] busy = t.busy(width);
        int[] phases = t.phases(width);
        c.text(0, 0, Format.pad("run", LABEL - 1), Theme.Role.TITLE);
        if (graph > 1) c.text(0, 1, Format.pad(Format.plural(cpus, "cpu"), LABEL - 1), Theme.Role.DIM);
        for (int r = 0; r < graph; r++) c.text(LABEL - 1, r, sym.ascii() ? "|" : "▕", Theme.Role.DIM);
        // once the run is over, a short run is stretched across the width (while it runs a
        // stretch would move every column at every tick: the terminal would be sent all of them)
        int k = running || busy.length == 0 ? 1 : Math.max(1, width / busy.length);
        if (k > 1) {
            busy = stretch(busy, k);
            phases = stretch(phases, k);
        }
        for (int x = 0; x < busy.length; x++) HistoryView.column(c, LABEL + x, 0, graph, busy[x], sym);
        // whole seconds: a label that changed every tick would cost bytes every tick
        c.text(0, band, Format.pad(Math.round(t.seconds()) + "s", LABEL - 1), Theme.Role.DIM);
        // one band per phase: a mark where it starts, then its name as far as its columns go
        int x = 0;
        while (x < phases.length) {
            int p = phases[x];
            int to = x;
            while (to < phases.length && phases[to] == p) to++;
            int len = to - x;
            Theme.Role role = p % 2 == 0 ? Theme.Role.HEADLINE : Theme.Role.TITLE;
            c.fill(LABEL + x, band, sym.ascii() ? '-' : '─', len, role);
            c.text(LABEL + x, band, sym.ascii() ? "|" : "├", role);
            String name = label(p, t.name(p), len - 2, sym);
            if (!name.isEmpty()) c.text(LABEL + x + 1, band, name, role);
            x = to;
        }
        if (running && phases.length < width) c.text(LABEL + phases.length, band, sym.ascii() ? "<" : "◀", Theme.Role.KEY);
    }

    private static float[] stretch(float[] a, int k) {
        float[] out = new float[a.length * k];
        for (int i = 0; i < out.length; i++) out[i] = a[i / k];
        return out;
    }

    private static int[] stretch(int[] a, int k) {
        int[] out = new int[a.length * k];
        for (int i = 0; i < out.length; i++) out[i] = a[i / k];
        return out;
    }

    /** The phase's name in {@code room} columns: whole words, else its number, else nothing. */
    static String label(int phase, String name, int room, Symbols sym) {
        String full = (phase + 1) + ". " + name;
        String fit = Format.fit(full, room, sym.ellipsis());
        if (!fit.isEmpty()) return fit;
        String number = String.valueOf(phase + 1);
        return number.length() <= room ? number : "";
    }
}
