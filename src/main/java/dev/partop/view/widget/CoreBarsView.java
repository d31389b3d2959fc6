package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.partop.view.widget.Format.f;

/**
 * One bar per logical CPU, SMT siblings side by side (sorted by physical core), each split
 * into user / system / iowait with its own glyph; then a total bar "= 1.97 of 2 cores". On
 * many cores the bars go several per row; when even that does not fit, rows of groups
 * ("cpu 0-31") with their mean and max, so no core is ever silently left out.
 */
final class CoreBarsView {

    /** Narrowest bar worth drawing: label, a few cells of bar, and the percentage. */
    static final int MIN_CELL = 16;

    private CoreBarsView() {
    }

    /** Rows this view wants for {@code cores} CPUs at {@code width} columns (incl. the total). */
    static int wantedRows(int cores, int width) {
        int perRow = Math.max(1, width / MIN_CELL);
        return (cores + perRow - 1) / perRow + 1;
    }

    /** Rows of the heat grid plus the total, for when a bar per CPU would take too many rows. */
    static int heatRows(int cores, int width) {
        return HeatGridView.rows(cores, width) + 1;
    }

    /** A bar per CPU when {@code heat} is false, else one cell per CPU; then the total. */
    static void render(Canvas c, Snapshot s, Symbols sym, boolean heat) {
        render(c, s, null, sym, heat);
    }

    /** @param limit what partop may use of the host: the CPUs outside it are dimmed; may be null */
    static void render(Canvas c, Snapshot s, CpuLimit limit, Symbols sym, boolean heat) {
        if (!heat) {
            render(c, s, limit, sym);
            return;
        }
        if (c.height() < 1) return;
        if (c.height() > 1) HeatGridView.render(c.sub(new Rect(c.area().col(), c.area().row(), c.width(),
                c.height() - 1)), s, limit, sym);
        total(c, c.height() - 1, s, limit, sym);
    }

    static void render(Canvas c, Snapshot s, Symbols sym) {
        render(c, s, null, sym);
    }

    static void render(Canvas c, Snapshot s, CpuLimit limit, Symbols sym) {
        if (c.height() < 1) return;
        List<CoreSample> cores = AllowedCores.shown(s, limit);
        int rows = c.height() - 1;
        int n = cores.size();
        int perRow = Math.max(1, c.width() / MIN_CELL);
        if (rows > 0 && (n + perRow - 1) / perRow <= rows) {
            // every CPU gets a bar: as few columns as fit the rows, so bars stay long
            int columns = Math.max(1, Math.min(perRow, (n + rows - 1) / rows));
            int cell = c.width() / columns;
            int perColumn = (n + columns - 1) / columns;
            for (int i = 0; i < n; i++) {
                bar(c, (i / perColumn) * cell, i % perColumn, cell - 1, cores.get(i), sym);
            }
        } else if (rows > 0) {
            groups(c, cores, rows, sym);
        }
        total(c, c.height() - 1, s, limit, sym);
    }

    private static void bar(Canvas c, int col, int row, int width, CoreSample core, Symbols sym) {
        String label = f("%3d", core.cpu());
        if (AllowedCores.outside(core)) {
            // partop may not run there (cpuset, taskset): a place, not a figure
            int x = c.text(col, row, label, Theme.Role.DIM);
            c.text(x + 1, row, Format.fit("not allowed", Math.max(0, width - label.length() - 1), sym.ellipsis()),
                    Theme.Role.DIM);
            return;
        }
        String pct = f("%3.0f%%", core.busy() * 100);
        int room = width - label.length() - pct.length() - 2;
        int x = c.text(col, row, label, Theme.Role.DIM);
        x = c.text(x, row, sym.ascii() ? "[" : "▕", Theme.Role.DIM);
        x = segments(c, x, row, room, core.user(), core.system(), core.iowait(), sym);
        x = c.text(x, row, sym.ascii() ? "]" : "▏", Theme.Role.DIM);
        c.text(x, row, pct, Theme.Role.TEXT);
    }

    /** Draws a bar of {@code room} cells: user, system, iowait, then empty. */
    static int segments(Canvas c, int x, int row, int room, double user, double system, double iowait, Symbols sym) {
        if (room <= 0) return x;
        int u = (int) Math.round(Math.min(1, user) * room);
        int sy = (int) Math.round(Math.min(1, user + system) * room) - u;
        int io = Math.max(0, Math.min(room - u - sy, (int) Math.round(iowait * room)));
        x = c.fill(x, row, sym.user(), u, Theme.Role.USER);
        x = c.fill(x, row, sym.system(), sy, Theme.Role.SYSTEM);
        x = c.fill(x, row, sym.iowait(), io, Theme.Role.IOWAIT);
        return c.fill(x, row, sym.empty(), room - u - sy - io, Theme.Role.DIM);
    }

    /** Groups of consecutive CPUs, one row each, when there are too many for one bar each. */
    private static void groups(Canvas c, List<CoreSample> cores, int rows, Symbols sym) {
        int n = cores.size();
        int columns = Math.max(1, c.width() / 40);
        int slots = rows * columns;
        int size = (n + slots - 1) / slots;
        int cell = c.width() / columns;
        int slot = 0;
        for (int from = 0; from < n; from += size, slot++) {
            List<CoreSample> g = cores.subList(from, Math.min(n, from + size));
            double user = 0, system = 0, iowait = 0, max = 0;
            int lo = Integer.MAX_VALUE, hi = -1;
            for (CoreSample cs : g) {
                user += cs.user();
                system += cs.system();
                iowait += cs.iowait();
                max = Math.max(max, cs.busy());
                lo = Math.min(lo, cs.cpu());
                hi = Math.max(hi, cs.cpu());
            }
            int k = g.size();
            int col = (slot / rows) * cell;
            int row = slot % rows;
            String label = f("cpu %d-%d", lo, hi);
            String tail = f(" %3.0f%% max %3.0f%%", (user + system) / k * 100, max * 100);
            int x = c.text(col, row, Format.pad(label, 12), Theme.Role.DIM);
            x = segments(c, x, row, cell - 13 - tail.length(), user / k, system / k, iowait / k, sym);
            c.text(x, row, tail, Theme.Role.TEXT);
        }
    }

    private static void total(Canvas c, int row, Snapshot s, CpuLimit limit, Symbols sym) {
        int n = s.cores().size();
        double user = 0, system = 0, iowait = 0;
        for (CoreSample cs : s.cores()) {
            user += cs.user();
            system += cs.system();
            iowait += cs.iowait();
        }
        String tail = f(" = %.2f ", s.coresBusy()) + AllowedCores.of(s, limit);
        int x = c.text(0, row, "total", Theme.Role.HEADLINE);
        x = c.text(x, row, sym.ascii() ? "[" : "▕", Theme.Role.DIM);
        x = segments(c, x, row, c.width() - 7 - tail.length(), user / n, system / n, iowait / n, sym);
        x = c.text(x, row, sym.ascii() ? "]" : "▏", Theme.Role.DIM);
        c.text(x, row, tail, Theme.Role.HEADLINE);
    }
}
