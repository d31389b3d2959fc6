package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The recent past, one column per tick: a sparkline per CPU when they fit, otherwise one line
 * of the whole machine's busy fraction. It sweeps like an oscilloscope: the newest column
 * overwrites the oldest and a blank column marks "now", so each frame rewrites two cells
 * per row instead of scrolling every one of them over the wire.
 */
final class HistoryView {

    private HistoryView() {
    }

    static void render(Canvas c, ViewState v, Symbols sym) {
        if (c.height() < 1 || c.width() < 12) return;
        Deque<double[]> h = v.coreHistory();
        if (h.isEmpty()) return;
        int cores = h.peekLast().length;
        int graph = c.width() - 8;
        // one column stays blank: the gap between now and the oldest column shown
        List<double[]> recent = new ArrayList<>(graph);
        Iterator<double[]> it = h.descendingIterator();
        while (it.hasNext() && recent.size() < graph - 1) recent.add(0, it.next());
        long total = v.coreTicks();
        boolean perCpu = cores <= c.height();
        int rows = perCpu ? cores : 1;
        for (int row = 0; row < rows; row++) {
            c.text(0, row, Format.pad(perCpu ? "cpu" + row : "all", 7), Theme.Role.DIM);
            for (int i = 0; i < recent.size(); i++) {
                double[] col = recent.get(i);
                double value;
                if (perCpu) {
                    value = row < col.length ? col[row] : 0;
                } else {
                    double sum = 0;
                    for (double x : col) sum += x;
                    value = col.length == 0 ? 0 : sum / col.length;
                }
                int x = 8 + ViewState.sweepColumn(total, recent.size(), i, graph);
                c.text(x, row, String.valueOf(sym.level(value)), Theme.Role.USER);
            }
        }
    }
}
