package dev.partop.view;

import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The recent past, one column per tick, newest at the right: a sparkline per CPU when they
 * fit, otherwise one line of the whole machine's busy fraction.
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
        List<double[]> recent = new ArrayList<>(graph);
        Iterator<double[]> it = h.descendingIterator();
        while (it.hasNext() && recent.size() < graph) recent.add(0, it.next());
        int start = graph - recent.size();
        if (cores <= c.height()) {
            for (int cpu = 0; cpu < cores; cpu++) {
                c.text(0, cpu, Format.pad("cpu" + cpu, 7), Theme.Role.DIM);
                StringBuilder b = new StringBuilder();
                for (double[] col : recent) b.append(sym.level(cpu < col.length ? col[cpu] : 0));
                c.text(8 + start, cpu, b.toString(), Theme.Role.USER);
            }
        } else {
            c.text(0, 0, Format.pad("all", 7), Theme.Role.DIM);
            StringBuilder b = new StringBuilder();
            for (double[] col : recent) {
                double sum = 0;
                for (double x : col) sum += x;
                b.append(sym.level(col.length == 0 ? 0 : sum / col.length));
            }
            c.text(8 + start, 0, b.toString(), Theme.Role.USER);
        }
    }
}
