package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The recent past, one column per tick: a graph per CPU when they fit, otherwise one graph of
 * the whole machine's busy fraction. Each graph is as many rows tall as the layout gives it,
 * in eighth blocks (a graph of {@code k} rows has {@code 8k} levels), as btop draws them. It
 * sweeps like an oscilloscope: the newest column overwrites the oldest and a blank column
 * marks "now", so each frame rewrites two cells per row instead of scrolling every one.
 */
final class HistoryView {

    static final int LABEL = 8;

    private HistoryView() {
    }

    /** True when {@code rows} rows give every one of {@code cores} CPUs its own graph. */
    static boolean perCpu(int cores, int rows) {
        return cores <= 8 && cores <= rows;
    }

    static void render(Canvas c, ViewState v, Symbols sym) {
        if (c.height() < 1 || c.width() < 12) return;
        Deque<double[]> h = v.coreHistory();
        if (h.isEmpty()) return;
        int cores = h.peekLast().length;
        int graph = c.width() - LABEL;
        // a graph one row tall keeps a blank column between now and the oldest; a taller one
        // marks now with one cell in its top row instead: a blank column would rewrite every
        // row of two columns each tick, and the terminal bytes with them
        List<double[]> recent = new ArrayList<>(graph);
        Iterator<double[]> it = h.descendingIterator();
        boolean tallGraphs = c.height() > (perCpu(h.peekLast().length, c.height()) ? h.peekLast().length : 1);
        while (it.hasNext() && recent.size() < graph - (tallGraphs ? 0 : 1)) recent.add(0, it.next());
        long total = v.coreTicks();
        boolean perCpu = perCpu(cores, c.height());
        int graphs = perCpu ? cores : 1;
        int tall = c.height() / graphs;
        // rows the graphs cannot share evenly go to the first ones
        int extra = c.height() - tall * graphs;
        int top = 0;
        for (int g = 0; g < graphs; g++) {
            int k = tall + (g < extra ? 1 : 0);
            c.text(0, top, Format.pad(perCpu ? "cpu" + g : "all", LABEL - 1), Theme.Role.DIM);
            if (!perCpu && k > 1) c.text(0, top + 1, Format.pad(Format.plural(cores, "cpu"), LABEL - 1), Theme.Role.DIM);
            // the axis: where each graph starts and ends, even while it is all idle
            if (k > 1) for (int r = 0; r < k; r++) c.text(LABEL - 1, top + r, sym.ascii() ? "|" : "▕", Theme.Role.DIM);
            for (int i = 0; i < recent.size(); i++) {
                double[] col = recent.get(i);
                double value;
                if (perCpu) {
                    value = g < col.length ? col[g] : 0;
                } else {
                    double sum = 0;
                    for (double x : col) sum += x;
                    value = col.length == 0 ? 0 : sum / col.length;
                }
                int x = LABEL + ViewState.sweepColumn(total, recent.size(), i, graph);
                column(c, x, top, k, value, sym);
            }
            if (k > 1 && !recent.isEmpty()) {
                int now = LABEL + ViewState.sweepColumn(total, recent.size(), recent.size() - 1, graph);
                int next = LABEL + (now - LABEL + 1) % graph;
                c.text(next, top, sym.ascii() ? "v" : "╷", Theme.Role.DIM);
            }
            top += k;
        }
    }

    /** One column of a graph {@code k} rows tall from row {@code top}, filled to {@code value} (0..1). */
    static void column(Canvas c, int x, int top, int k, double value, Symbols sym) {
        int eighths = (int) Math.round(Math.max(0, Math.min(1, value)) * 8 * k);
        if (k == 1) {
            c.text(x, top, String.valueOf(sym.level(value)), Theme.Role.USER);
            return;
        }
        for (int r = 0; r < k; r++) {
            int fromBottom = k - 1 - r;
            int e = Math.max(0, Math.min(8, eighths - 8 * fromBottom));
            c.text(x, top + r, String.valueOf(sym.eighth(e)), Theme.Role.USER);
        }
    }
}
