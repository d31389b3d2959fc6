package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.view.term.CellGrid;

import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.util.List;

/**
 * Lays the widgets out for the terminal's size and the machine's core count, and draws one
 * frame. Pure: the same state and size always give the same screen (golden tests rely on it).
 *
 * <pre>
 * header (2 rows)
 * core bars + total        | model panel
 * history                  |
 * lanes                    |
 * results table
 * keys and partop's own cost (1 row)
 * </pre>
 */
public final class ScreenPainter {

    /** Below this the dashboard only says the terminal is too small. */
    static final int MIN_COLS = 40;
    static final int MIN_ROWS = 10;

    private final Symbols symbols;

    /**
     * Rows of the left column, top to bottom: core bars (or the heat grid) with the total,
     * the recent history, the lanes. Every widget gets what it needs first; the rows left over
     * make the history graphs taller, so no row stays blank while a widget is cut.
     *
     * @param heat one cell per CPU instead of a bar each
     */
    record Layout(boolean heat, int cores, int history, int lanes, int timeline) {
    }

    static Layout layout(int cpus, int laneCount, int width, int height) {
        int bars = CoreBarsView.wantedRows(cpus, width);
        boolean heat = bars > Math.max(3, height * 2 / 5);
        int cores = Math.min(height, heat ? CoreBarsView.heatRows(cpus, width) : bars);
        int rest = height - cores;
        // the whole run's strip: a graph row and the phase bands, taller when rows are spare
        int timeline = rest >= 10 ? 2 : 0;
        rest -= timeline;
        int lanesWanted = laneCount == 0 ? 0 : laneCount + 1;
        // the lanes first (more rows when threads are many), keeping a row of history
        int lanes = Math.max(0, Math.min(lanesWanted, rest - 1));
        if (lanes == 1) lanes = 0; // a legend with no lane under it says nothing
        int history = rest - lanes;
        // a sweeping graph rewrites two of its columns every tick, so each row of it costs
        // terminal bytes: 3 rows a CPU (24 levels) or 4 for the machine, and the spare rows go
        // to the run's strip, which changes one column a tick (the bytes budget is 2 KB/s)
        int graphs = cpus <= 8 && history >= cpus ? cpus : 1;
        int most = graphs == 1 ? 4 : 3 * graphs;
        if (timeline > 0 && history > most) {
            int spare = Math.min(history - most, 3);
            timeline += spare;
            history -= spare;
        }
        return new Layout(heat, cores, history, lanes, timeline);
    }

    public ScreenPainter(Symbols symbols) {
        this.symbols = symbols;
    }

    /**
     * The final screen, a slide: the machine now (bars or heat grid), the whole run's strip with
     * every phase's band and name, and the lanes of each phase as they were at its end.
     */
    private void paintFinal(Canvas screen, Rect top, ViewState v, Snapshot s) {
        CpuLimit limit = AllowedCores.limit(v);
        int n = AllowedCores.shown(s, limit).size();
        int width = top.width();
        int bars = CoreBarsView.wantedRows(n, width);
        boolean heat = bars > Math.max(3, top.height() / 4);
        int cores = Math.min(top.height() / 4, heat ? CoreBarsView.heatRows(n, width) : bars);
        if (cores < 2) cores = 0;
        // the strip takes a third (at least 3 rows, at most 9), the lanes the rest; rows the
        // lanes leave (every lane shown) make the strip taller, up to 12 rows
        int timeline = Math.max(3, Math.min(9, (top.height() - cores) / 3));
        int excerpts = Math.max(0, top.height() - cores - timeline);
        int used = ExcerptView.usedRows(v.excerpts(), excerpts);
        int grow = Math.max(0, Math.min(excerpts - used, 12 - timeline));
        timeline += grow;
        excerpts -= grow;
        // a strip of 3 rows rather than a phase left out of the lanes (one row each at least)
        int missing = v.excerpts().size() - (excerpts - 1);
        if (excerpts >= 3 && missing > 0 && ExcerptView.wantedRows(v.excerpts()) > excerpts) {
            int give = Math.min(missing, timeline - 3);
            timeline -= give;
            excerpts += give;
        }
        if (cores > 0) CoreBarsView.render(screen.sub(top.top(cores)), s, limit, symbols, heat);
        Rect rest = top.below(cores);
        TimelineView.render(screen.sub(rest.top(timeline)), v.timeline(), n, false, symbols);
        ExcerptView.render(screen.sub(rest.below(timeline)), v.excerpts(), symbols);
    }

    /**
     * "partop needs at least 40x10 / this terminal is 20x8", broken between words where even
     * that is too wide, so a tiny pane still reads whole words rather than "partop nee".
     */
    private static void tooSmall(Canvas screen, int cols, int rows) {
        String need = "partop needs at least " + MIN_COLS + "x" + MIN_ROWS;
        String is = "this terminal is " + cols + "x" + rows;
        List<String> lines = new java.util.ArrayList<>();
        int needLines = 0;
        for (String part : new String[]{need, is}) {
            StringBuilder line = new StringBuilder();
            for (String w : part.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + w.length() > cols) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) line.append(' ');
                line.append(w);
            }
            lines.add(line.toString());
            if (part == need) needLines = lines.size();
        }
        for (int i = 0; i < Math.min(rows, lines.size()); i++) {
            screen.text(0, i, lines.get(i), i < needLines ? Theme.Role.BAD : Theme.Role.TEXT);
        }
    }

    /** Paints the whole frame into {@code grid} (cleared first). */
    public void paint(CellGrid grid, ViewState v, boolean paused, boolean help, boolean replay) {
        grid.clear();
        int cols = grid.cols();
        int rows = grid.rows();
        Canvas screen = new Canvas(grid, new Rect(0, 0, cols, rows));
        if (cols < MIN_COLS || rows < MIN_ROWS) {
            tooSmall(screen, cols, rows);
            return;
        }
        Snapshot s = v.latest();
        HeaderView.render(screen.sub(new Rect(0, 0, cols, HeaderView.ROWS)), v, paused, symbols);
        FooterView.render(screen.sub(new Rect(0, rows - 1, cols, 1)), s, replay);
        Rect body = new Rect(0, HeaderView.ROWS, cols, rows - HeaderView.ROWS - 1);
        // the caption: the scenario's description while calibrating, the phase's note while it runs
        List<String> caption = CaptionView.lines(v, s, cols, Math.max(1, body.height() / 3), symbols);
        if (!caption.isEmpty()) {
            CaptionView.render(screen.sub(body.top(caption.size())), caption);
            body = body.below(caption.size());
        }
        if (s == null) {
            if (help) HelpOverlay.render(screen);
            return;
        }
        boolean finished = s.state() == RunState.FINISHED;
        int wantResults = ResultsView.wantedRows(s);
        int results = Math.min(wantResults, finished ? Math.max(0, body.height() - 4) : Math.max(0, body.height() / 3));
        Rect top = body.top(body.height() - results);
        ResultsView.render(screen.sub(body.below(body.height() - results)), s, v.figures(), symbols);
        if (finished) {
            paintFinal(screen, top, v, s);
            if (help) HelpOverlay.render(screen);
            return;
        }

        int panel = cols >= 80 ? 24 : 0;
        Rect left = top.left(cols - panel - (panel > 0 ? 1 : 0));
        if (panel > 0) {
            Rect right = top.rightOf(cols - panel);
            ModelPanelView.render(screen.sub(right), s);
            Canvas sep = screen.sub(new Rect(right.col() - 1, top.row(), 1, top.height()));
            for (int i = 0; i < top.height(); i++) sep.text(0, i, String.valueOf(symbols.vertical()), Theme.Role.DIM);
        }
        CpuLimit limit = AllowedCores.limit(v);
        Layout l = layout(AllowedCores.shown(s, limit).size(), s.lanes().size(), left.width(), left.height());
        CoreBarsView.render(screen.sub(left.top(l.cores)), s, limit, symbols, l.heat);
        Rect rest = left.below(l.cores);
        if (l.history > 0) HistoryView.render(screen.sub(rest.top(l.history)), v, symbols);
        rest = rest.below(l.history);
        LanesView.render(screen.sub(rest.top(l.lanes)), v, symbols);
        rest = rest.below(l.lanes);
        TimelineView.render(screen.sub(rest), v.timeline(), s.cores().size(), true, symbols);
        if (help) HelpOverlay.render(screen);
    }
}
