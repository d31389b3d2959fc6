package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.view.term.CellGrid;

/** Drawing inside one rectangle: everything is clipped to it, so no widget draws over another. */
public final class Canvas {

    private final CellGrid grid;
    private final Rect area;

    public Canvas(CellGrid grid, Rect area) {
        this.grid = grid;
        this.area = area;
    }

    public Rect area() {
        return area;
    }

    public int width() {
        return area.width();
    }

    public int height() {
        return area.height();
    }

    /** Writes {@code s} at ({@code col}, {@code row}) relative to the area, cut at its edge. */
    public int text(int col, int row, String s, Theme.Role role) {
        if (row < 0 || row >= area.height() || col >= area.width() || s.isEmpty()) return col;
        int from = Math.max(0, -col);
        int room = area.width() - Math.max(col, 0);
        String cut = s.substring(Math.min(from, s.length()), Math.min(s.length(), from + room));
        grid.put(area.col() + Math.max(col, 0), area.row() + row, cut, role, area.col() + area.width());
        return Math.max(col, 0) + cut.length();
    }

    /** Repeats {@code c} {@code n} times from ({@code col}, {@code row}). */
    public int fill(int col, int row, char c, int n, Theme.Role role) {
        if (n <= 0) return col;
        return text(col, row, String.valueOf(c).repeat(n), role);
    }

    public Canvas sub(Rect r) {
        int c = Math.max(r.col(), area.col());
        int row = Math.max(r.row(), area.row());
        int w = Math.min(r.col() + r.width(), area.col() + area.width()) - c;
        int h = Math.min(r.row() + r.height(), area.row() + area.height()) - row;
        return new Canvas(grid, new Rect(c, row, Math.max(0, w), Math.max(0, h)));
    }
}
