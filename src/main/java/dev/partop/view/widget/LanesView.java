package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.Snapshot;

import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static dev.partop.view.widget.Format.f;

/**
 * One row per lane (thread, worker, task): its name, state, CPU this tick, and a timeline of
 * what it did each recent tick, like Beazley's GIL diagrams: holding the lock, waiting for
 * it, in I/O, running without a lock, idle. More lanes than rows end with "+N more".
 */
final class LanesView {

    private LanesView() {
    }

    static void render(Canvas c, ViewState v, Symbols sym) {
        Snapshot s = v.latest();
        if (s == null || c.height() < 2) return;
        List<LaneSample> lanes = s.lanes();
        int legendWidth = c.width();
        if (v.holder() >= 0 && v.holder() < lanes.size()) {
            String h = " holder " + lanes.get(v.holder()).name();
            legendWidth -= h.length();
            c.text(legendWidth, 0, h, Theme.Role.HOLDING);
        }
        legend(c.sub(new Rect(c.area().col(), c.area().row(), Math.max(0, legendWidth), 1)), sym);
        int rows = c.height() - 1;
        boolean more = lanes.size() > rows;
        int shown = more ? rows - 1 : lanes.size();
        int timeline = c.width() - 30;
        for (int i = 0; i < shown; i++) {
            LaneSample l = lanes.get(i);
            int row = i + 1;
            String head = f("%-9s %-8s %4.0f%% ", clip(l.name(), 9), l.state().name().toLowerCase(Locale.ROOT),
                    Math.min(1.0, l.cpu()) * 100);
            c.text(0, row, head, role(l.state()));
            if (timeline > 1) {
                // a sweep, like the history: the newest column overwrites the oldest, one stays blank
                Deque<LaneTick> h = v.laneHistory(l.id());
                int n = Math.min(timeline - 1, h.size());
                long total = v.laneTicks(l.id());
                Iterator<LaneTick> it = h.iterator();
                for (int skip = h.size() - n; skip > 0; skip--) it.next();
                for (int k = 0; it.hasNext(); k++) {
                    LaneTick tick = it.next();
                    c.text(29 + ViewState.sweepColumn(total, n, k, timeline), row, String.valueOf(tick.glyph()), tick.role());
                }
            }
        }
        if (more) c.text(0, rows, f("+%d more lanes (%d in all)", lanes.size() - shown, lanes.size()), Theme.Role.DIM);
    }

    static void legend(Canvas c, Symbols sym) {
        legend(c, sym, "(one column per tick, sweeping)");
    }

    static void legend(Canvas c, Symbols sym, String how) {
        String[] words = {"lanes  ", sym.holding() + " holding ", sym.waiting() + " waiting ", sym.io() + " I/O ",
                sym.running() + " running ", how};
        Theme.Role[] roles = {Theme.Role.TITLE, Theme.Role.HOLDING, Theme.Role.WAITING, Theme.Role.IO,
                Theme.Role.RUNNING, Theme.Role.DIM};
        // whole entries or none: a legend cut mid-word reads as a different state
        int x = 0;
        for (int i = 0; i < words.length; i++) {
            String w = i == words.length - 1 && x + words[i].length() > c.width() ? "(per tick)" : words[i];
            if (x + w.stripTrailing().length() > c.width()) break;
            x = c.text(x, 0, w, roles[i]);
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    static Theme.Role role(LaneState s) {
        return switch (s) {
            case HOLDING -> Theme.Role.HOLDING;
            case WAITING -> Theme.Role.WAITING;
            case IO -> Theme.Role.IO;
            case RUNNING -> Theme.Role.RUNNING;
            default -> Theme.Role.DIM;
        };
    }
}
