package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Many CPUs, one cell each: a glyph filled to its busy fraction in eighths, SMT siblings side
 * by side (sorted by package and physical core), so 256 CPUs fit in four rows of 64 and a
 * single hot core still shows, where a row per group of CPUs would average it away.
 */
final class HeatGridView {

    /** "192-255 ": the CPUs of the row. */
    static final int LABEL = 8;

    private HeatGridView() {
    }

    /** Cells per row: as few rows as the width allows, then spread evenly (an even count keeps siblings together). */
    static int perRow(int cores, int width) {
        int room = Math.max(2, width - LABEL);
        int rows = (cores + room - 1) / room;
        // a round number per row (4 rows of 64) reads better, when it costs at most one more row
        int round = Integer.highestOneBit(room);
        if (round >= 8 && (cores + round - 1) / round <= rows + 1) return round;
        int per = (cores + rows - 1) / rows;
        if (per % 2 == 1 && per < room) per++;
        return Math.max(1, per);
    }

    static int rows(int cores, int width) {
        int per = perRow(cores, width);
        return (cores + per - 1) / per;
    }

    static void render(Canvas c, Snapshot s, Symbols sym) {
        render(c, s, null, sym);
    }

    /** @param limit what partop may use of the host: a CPU outside it is a dimmed cell; may be null */
    static void render(Canvas c, Snapshot s, CpuLimit limit, Symbols sym) {
        List<CoreSample> cores = AllowedCores.shown(s, limit);
        int n = cores.size();
        int per = perRow(n, c.width());
        int rows = (n + per - 1) / per;
        int shown = Math.min(rows, c.height());
        for (int r = 0; r < shown; r++) {
            List<CoreSample> row = cores.subList(r * per, Math.min(n, (r + 1) * per));
            if (r == shown - 1 && shown < rows) {
                // never leave CPUs out silently
                c.text(0, r, "+" + Format.plural(n - r * per, "cpu") + " not shown", Theme.Role.BAD);
                break;
            }
            c.text(0, r, Format.padLeft(label(row), LABEL - 1), Theme.Role.DIM);
            for (int i = 0; i < row.size(); i++) {
                if (AllowedCores.outside(row.get(i))) {
                    c.text(LABEL + i, r, sym.ascii() ? "x" : "×", Theme.Role.DIM);
                    continue;
                }
                double busy = row.get(i).busy();
                int e = (int) Math.round(busy * 8);
                if (e == 0) c.text(LABEL + i, r, String.valueOf(sym.empty()), Theme.Role.DIM);
                else c.text(LABEL + i, r, String.valueOf(sym.eighth(e)), Theme.Role.USER);
            }
        }
    }

    /** "0-63" when the row's CPU numbers run without a gap, else the first one's ("12+"). */
    private static String label(List<CoreSample> row) {
        int lo = Integer.MAX_VALUE, hi = -1;
        for (CoreSample cs : row) {
            lo = Math.min(lo, cs.cpu());
            hi = Math.max(hi, cs.cpu());
        }
        return hi - lo + 1 == row.size() ? lo + "-" + hi : row.get(0).cpu() + "+";
    }
}
