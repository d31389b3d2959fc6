package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ProcessFold;
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
        boolean threads = !lanes.isEmpty() && lanes.get(0).thread() != null;
        Rect legendArea = new Rect(c.area().col(), c.area().row(), Math.max(0, legendWidth), 1);
        if (threads) threadLegend(c.sub(legendArea), sym);
        else legend(c.sub(legendArea), sym);
        int rows = c.height() - 1;
        // a CPython event loop: its loop is an OS thread, its tasks are not; only all-thread lanes fold by process
        if (threads && lanes.size() >= FOLD_AT && lanes.stream().allMatch(l -> l.thread() != null)) {
            folded(c, lanes, rows);
            return;
        }
        boolean more = lanes.size() > rows;
        int shown = more ? rows - 1 : lanes.size();
        int timeline = c.width() - 30;
        for (int i = 0; i < shown; i++) {
            LaneSample l = lanes.get(i);
            int row = i + 1;
            String head = f("%-9s %-8s %4.0f%% ", clip(label(l), 9), stateWord(l.state()), Math.min(1.0, l.cpu()) * 100);
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

    /** From this many OS threads on, a row per process: mean and max CPU, threads counted by state. */
    static final int FOLD_AT = ProcessFold.FOLD_AT;

    private static void folded(Canvas c, List<LaneSample> lanes, int rows) {
        List<ProcessFold> folds = ProcessFold.of(lanes);
        int row = 1;
        for (ProcessFold g : folds) {
            if (row > rows) break;
            StringBuilder by = new StringBuilder();
            for (var k : g.states().entrySet()) by.append(' ').append(stateWord(k.getKey())).append(' ').append(k.getValue());
            c.text(0, row++, f("%-7d x%-5d mean %3.0f%% max %3.0f%%%s", g.pid(), g.threads(),
                    Math.min(1.0, g.meanCpu()) * 100, Math.min(1.0, g.maxCpu()) * 100, by), Theme.Role.TEXT);
        }
        if (folds.size() > rows) c.text(0, rows, f("+%d more processes (%d threads in all)", folds.size() - rows + 1,
                lanes.size()), Theme.Role.DIM);
    }

    /**
     * A real program's thread by its TID (its process's PID in the group), a model's lane by its
     * name; so is a thread that has a name of its own (a CPython phase's T1, worker 1: as the
     * model's lanes are named, so the two line up).
     */
    private static String label(LaneSample l) {
        if (l.thread() == null || !l.name().startsWith(l.thread().pid() + "/")) return l.name();
        return l.thread().tid() == l.thread().pid() ? l.thread().pid() + "*" : Long.toString(l.thread().tid());
    }

    private static String stateWord(LaneState s) {
        return switch (s) {
            case RUNNABLE -> "no core";
            case LOCKED -> "lock";
            case SLEEPING -> "sleep";
            case WAITING -> "waiting";
            default -> s.name().toLowerCase(Locale.ROOT);
        };
    }

    private static void threadLegend(Canvas c, Symbols sym) {
        int x = c.text(0, 0, "threads ", Theme.Role.TITLE);
        x = c.text(x, 0, sym.running() + " run ", Theme.Role.RUNNING);
        x = c.text(x, 0, sym.holding() + " GIL held ", Theme.Role.HOLDING);
        x = c.text(x, 0, sym.runnable() + " no core ", Theme.Role.BAD);
        x = c.text(x, 0, sym.waiting() + " GIL wait ", Theme.Role.WAITING);
        x = c.text(x, 0, sym.lock() + " lock ", Theme.Role.WAITING);
        x = c.text(x, 0, sym.io() + " I/O ", Theme.Role.IO);
        x = c.text(x, 0, sym.sleeping() + " sleep ", Theme.Role.DIM);
        x = c.text(x, 0, sym.other() + " other ", Theme.Role.DIM);
        c.text(x, 0, sym.blocked() + " blocked?", Theme.Role.DIM);
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
            case RUNNABLE -> Theme.Role.BAD;
            case LOCKED -> Theme.Role.WAITING;
            default -> Theme.Role.DIM;
        };
    }
}
