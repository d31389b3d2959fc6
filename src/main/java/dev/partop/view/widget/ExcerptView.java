package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import java.util.List;

/**
 * The final screen's lanes: for each phase that ran, its lanes as they were at its end (the
 * last ticks that fit), a frozen excerpt rather than a cleared panel. When the rows do not
 * hold every lane, each phase shows fewer (the rows left over go one more lane to the first
 * phases, so none stays blank); when they do not hold a title row and a lane for each phase,
 * each phase gets one row, its name beside its first lane; when there are fewer rows than
 * phases, the last phases are shown.
 */
final class ExcerptView {

    private ExcerptView() {
    }

    /** Rows to show every phase's every lane. */
    static int wantedRows(List<ViewState.PhaseLanes> phases) {
        int n = 0;
        for (ViewState.PhaseLanes p : phases) n += 1 + p.lanes().size();
        return n == 0 ? 0 : n + 1;
    }

    /** The rows it draws in {@code height}: all of them while a lane is left out. */
    static int usedRows(List<ViewState.PhaseLanes> phases, int height) {
        if (phases.isEmpty() || height < 3) return 0;
        return Math.min(height, wantedRows(phases));
    }

    /**
     * How many lanes each shown phase gets in {@code rows} rows, as many for each as fits and
     * the rows left over one more each to the first phases; null when not every phase fits a
     * title row and a lane.
     */
    static int[] lanesEach(List<ViewState.PhaseLanes> phases, int rows, boolean titles) {
        int[] k = new int[phases.size()];
        int used = 0;
        for (int i = 0; i < k.length; i++) {
            k[i] = Math.min(1, phases.get(i).lanes().size());
            used += (titles ? 1 : 0) + (titles ? k[i] : 1);
        }
        if (used > rows) return null;
        boolean grew = true;
        while (used < rows && grew) {
            grew = false;
            for (int i = 0; i < k.length && used < rows; i++) {
                if (k[i] < phases.get(i).lanes().size()) {
                    k[i]++;
                    used++;
                    grew = true;
                }
            }
        }
        return k;
    }

    static void render(Canvas c, List<ViewState.PhaseLanes> phases, Symbols sym) {
        if (phases.isEmpty() || c.height() < 3) return;
        LanesView.legend(c, sym, "(each phase's last ticks)");
        int rows = c.height() - 1;
        int[] k = lanesEach(phases, rows, true);
        if (k != null) {
            titled(c, phases, k, sym);
            return;
        }
        // one row a phase, its name beside its first lane; the last phases when rows are fewer
        List<ViewState.PhaseLanes> shown = phases.subList(Math.max(0, phases.size() - rows), phases.size());
        k = lanesEach(shown, rows, false);
        int label = 11;
        for (ViewState.PhaseLanes p : shown) label = Math.max(label, p.name().length() + 6);
        label = Math.min(label, Math.max(11, c.width() / 3));
        int row = 1;
        for (int i = 0; i < shown.size(); i++) {
            ViewState.PhaseLanes p = shown.get(i);
            String number = (p.phase() + 1) + ". ";
            c.text(0, row, number + Format.shortName(p.name(), label - 1 - number.length(), sym.ellipsis()),
                    Theme.Role.TITLE);
            if (p.lanes().isEmpty()) {
                row++;
                continue;
            }
            for (int j = 0; j < k[i] && row < c.height(); j++, row++) {
                ViewState.FrozenLane l = p.lanes().get(j);
                if (j > 0) c.text(number.length(), row, Format.pad(l.name(), label - 1 - number.length()), Theme.Role.DIM);
                ticks(c, row, label, l);
            }
        }
    }

    private static void titled(Canvas c, List<ViewState.PhaseLanes> phases, int[] k, Symbols sym) {
        int row = 1;
        for (int i = 0; i < phases.size(); i++) {
            ViewState.PhaseLanes p = phases.get(i);
            String more = k[i] < p.lanes().size() ? Format.f("  (%d of %d lanes)", k[i], p.lanes().size()) : "";
            c.text(0, row, Format.fit((p.phase() + 1) + ". " + p.name(), c.width() - more.length(), sym.ellipsis()),
                    Theme.Role.TITLE);
            c.text(Math.max(0, c.width() - more.length()), row, more, Theme.Role.DIM);
            row++;
            for (int j = 0; j < k[i] && row < c.height(); j++, row++) {
                ViewState.FrozenLane l = p.lanes().get(j);
                c.text(0, row, Format.pad(l.name(), 10), Theme.Role.DIM);
                ticks(c, row, 11, l);
            }
        }
    }

    /** The lane's last ticks that fit from column {@code x}. */
    private static void ticks(Canvas c, int row, int x, ViewState.FrozenLane l) {
        List<LaneTick> ticks = l.ticks();
        List<LaneTick> last = ticks.subList(Math.max(0, ticks.size() - (c.width() - x)), ticks.size());
        for (int i = 0; i < last.size(); i++) c.text(x + i, row, String.valueOf(last.get(i).glyph()), last.get(i).role());
    }
}
