package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.view.term.CellGrid;

import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

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

    public ScreenPainter(Symbols symbols) {
        this.symbols = symbols;
    }

    /** Paints the whole frame into {@code grid} (cleared first). */
    public void paint(CellGrid grid, ViewState v, boolean paused, boolean help, boolean replay) {
        grid.clear();
        int cols = grid.cols();
        int rows = grid.rows();
        Canvas screen = new Canvas(grid, new Rect(0, 0, cols, rows));
        if (cols < MIN_COLS || rows < MIN_ROWS) {
            screen.text(0, 0, "partop needs at least " + MIN_COLS + "x" + MIN_ROWS, Theme.Role.BAD);
            screen.text(0, 1, "this terminal is " + cols + "x" + rows, Theme.Role.TEXT);
            return;
        }
        Snapshot s = v.latest();
        HeaderView.render(screen.sub(new Rect(0, 0, cols, HeaderView.ROWS)), v, paused);
        FooterView.render(screen.sub(new Rect(0, rows - 1, cols, 1)), s, replay);
        Rect body = new Rect(0, HeaderView.ROWS, cols, rows - HeaderView.ROWS - 1);
        if (s == null) {
            if (help) HelpOverlay.render(screen);
            return;
        }
        boolean finished = s.state() == RunState.FINISHED;
        int wantResults = ResultsView.wantedRows(s);
        int results = Math.min(wantResults, finished ? Math.max(0, body.height() - 4) : Math.max(0, body.height() / 3));
        Rect top = body.top(body.height() - results);
        ResultsView.render(screen.sub(body.below(body.height() - results)), s, symbols);

        int panel = cols >= 80 ? 24 : 0;
        Rect left = top.left(cols - panel - (panel > 0 ? 1 : 0));
        if (panel > 0) {
            Rect right = top.rightOf(cols - panel);
            ModelPanelView.render(screen.sub(right), s);
            Canvas sep = screen.sub(new Rect(right.col() - 1, top.row(), 1, top.height()));
            for (int i = 0; i < top.height(); i++) sep.text(0, i, String.valueOf(symbols.vertical()), Theme.Role.DIM);
        }
        int n = s.cores().size();
        int bars = Math.min(CoreBarsView.wantedRows(n, left.width()), Math.max(2, (int) (left.height() * 0.45)));
        CoreBarsView.render(screen.sub(left.top(bars)), s, symbols);
        Rect rest = left.below(bars);
        int lanesWanted = s.lanes().isEmpty() ? 0 : s.lanes().size() + 1;
        int history = Math.min(n <= 8 ? n : 1, Math.max(0, rest.height() - Math.max(3, Math.min(lanesWanted, 6))));
        if (history > 0) HistoryView.render(screen.sub(rest.top(history)), v, symbols);
        LanesView.render(screen.sub(rest.below(history)), v, symbols);
        if (help) HelpOverlay.render(screen);
    }
}
