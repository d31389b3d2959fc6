package dev.partop.view.widget;

/** A rectangle of terminal cells. */
public record Rect(int col, int row, int width, int height) {

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    /** The top {@code rows} rows of this rectangle (fewer if it has fewer). */
    public Rect top(int rows) {
        return new Rect(col, row, width, Math.max(0, Math.min(rows, height)));
    }

    /** What is left below the top {@code rows} rows. */
    public Rect below(int rows) {
        int r = Math.max(0, Math.min(rows, height));
        return new Rect(col, row + r, width, height - r);
    }

    public Rect left(int cols) {
        return new Rect(col, row, Math.max(0, Math.min(cols, width)), height);
    }

    public Rect rightOf(int cols) {
        int c = Math.max(0, Math.min(cols, width));
        return new Rect(col + c, row, width - c, height);
    }
}
