package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import java.util.List;

/**
 * The final screen's lanes: for each phase that ran, its lanes as they were at its end (the
 * last ticks that fit), a frozen excerpt rather than a cleared panel. When the rows do not
 * hold every phase, each shows fewer lanes; when they do not hold even one lane each, only the
 * last phase is shown.
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

    static void render(Canvas c, List<ViewState.PhaseLanes> phases, Symbols sym) {
        if (phases.isEmpty() || c.height() < 3) return;
        LanesView.legend(c, sym, "(each phase's last ticks)");
        int rows = c.height() - 1;
        // the most lanes per phase that lets every phase show
        int most = 0;
        for (ViewState.PhaseLanes p : phases) most = Math.max(most, p.lanes().size());
        int each = most;
        while (each > 0 && need(phases, each) > rows) each--;
        List<ViewState.PhaseLanes> shown = phases;
        if (each == 0) {
            shown = phases.subList(phases.size() - 1, phases.size());
            each = rows - 1;
        }
        int row = 1;
        int timeline = c.width() - 11;
        for (ViewState.PhaseLanes p : shown) {
            if (row >= c.height()) break;
            int k = Math.min(each, p.lanes().size());
            String more = k < p.lanes().size() ? Format.f("  (%d of %d lanes)", k, p.lanes().size()) : "";
            c.text(0, row, Format.fit((p.phase() + 1) + ". " + p.name(), c.width() - more.length(), sym.ellipsis()),
                    Theme.Role.TITLE);
            c.text(Math.max(0, c.width() - more.length()), row, more, Theme.Role.DIM);
            row++;
            for (int i = 0; i < k && row < c.height(); i++, row++) {
                ViewState.FrozenLane l = p.lanes().get(i);
                c.text(0, row, Format.pad(l.name(), 10), Theme.Role.DIM);
                List<LaneTick> ticks = l.ticks();
                List<LaneTick> last = ticks.subList(Math.max(0, ticks.size() - timeline), ticks.size());
                for (int x = 0; x < last.size(); x++) {
                    c.text(11 + x, row, String.valueOf(last.get(x).glyph()), last.get(x).role());
                }
            }
        }
    }

    private static int need(List<ViewState.PhaseLanes> phases, int each) {
        int n = 0;
        for (ViewState.PhaseLanes p : phases) n += 1 + Math.min(each, p.lanes().size());
        return n;
    }
}
