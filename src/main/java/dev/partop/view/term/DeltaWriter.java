package dev.partop.view.term;


import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.Terminal;

import java.io.IOException;

/**
 * The dashboard's delta refresh: writes to a Lanterna {@link Terminal} only the cells of a
 * {@link CellGrid} that differ from the grid written last time, a run of cells at a time,
 * moving the cursor and changing colour only where needed.
 * <p>
 * It replaces Lanterna's {@code TerminalScreen} refresh, which compares every cell of its
 * two buffers and looks up each cell's Unicode width on every frame: at 120x40 that scan was
 * more than half of the render thread's CPU while a frame changes a few dozen cells.
 */
public final class DeltaWriter {

    /** What a cursor move costs ({@code ESC[12;34H}): an unchanged gap that costs less is written again. */
    private static final int JUMP_BYTES = 8;
    private static final int MAX_GAP = JUMP_BYTES;

    private final Theme theme;
    private CellGrid shown;
    /** The terminal's current style, kept from frame to frame (only we write to it); -1 unknown. */
    private int role;
    private boolean bold;
    private TextColor fg;

    private final AnsiFrame ansiFrame;

    public DeltaWriter(Theme theme) {
        this.theme = theme;
        this.role = -1;
        this.ansiFrame = new AnsiFrame(theme);
    }

    /** Forget what was written: the next frame writes every cell (the screen was cleared or resized). */
    public void invalidate() {
        shown = null;
        role = -1;
        ansiFrame.invalidate();
    }

    /**
     * Writes what changed and flushes the terminal.
     *
     * @param visibleCols the terminal's width: a grid drawn at a fixed size ({@code --size})
     *                    larger than the terminal is cut, never wrapped
     * @return how many cells were written
     */
    public int write(CellGrid grid, Terminal terminal, int visibleCols, int visibleRows) throws IOException {
        if (terminal instanceof AnsiStream ansi) {
            int written = ansiFrame.write(grid, shown, visibleCols, visibleRows);
            ansi.writeAnsi(ansiFrame.bytes());
            terminal.flush();
            if (!grid.sameSize(shown)) shown = new CellGrid(grid.cols(), grid.rows());
            shown.copyFrom(grid);
            return written;
        }
        boolean all = !grid.sameSize(shown);
        int stride = grid.cols();
        int cols = Math.min(stride, visibleCols);
        int rows = Math.min(grid.rows(), visibleRows);
        int written = 0;
        StringBuilder run = new StringBuilder(cols);
        for (int row = 0; row < rows; row++) {
            int base = row * stride;
            int col = 0;
            while (col < cols) {
                if (!all && !changed(grid, base, col, cols)) {
                    col++;
                    continue;
                }
                // a run of changed cells, through unchanged gaps cheaper to write again than to jump
                int last = col;
                while (true) {
                    int next = last + 1;
                    while (next < cols && !all && !changed(grid, base, next, cols) && next - last <= MAX_GAP) next++;
                    if (next >= cols || next - last > MAX_GAP || gapBytes(grid, base, last, next) > JUMP_BYTES) break;
                    last = next;
                }
                terminal.setCursorPosition(col, row);
                written += put(grid, terminal, base, col, last + 1, run);
                col = last + 1;
            }
        }
        terminal.flush();
        if (all) shown = new CellGrid(grid.cols(), grid.rows());
        shown.copyFrom(grid);
        return written;
    }

    /** Bytes to write the unchanged cells between {@code last} and {@code next} again, style changes included. */
    private static int gapBytes(CellGrid grid, int base, int last, int next) {
        int bytes = 0;
        int role = grid.roleIndex(base + last);
        for (int col = last + 1; col < next; col++) {
            char ch = grid.charAt(base + col);
            bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
            if (grid.roleIndex(base + col) != role) bytes += JUMP_BYTES;
        }
        return bytes;
    }

    /** A cell changed, or it starts a double-width character whose right half changed. */
    private boolean changed(CellGrid grid, int base, int col, int cols) {
        int i = base + col;
        if (!grid.sameCell(shown, i)) return true;
        return col + 1 < cols && grid.charAt(i + 1) == CellGrid.PAD && !grid.sameCell(shown, i + 1);
    }

    /** Writes cells [from, to) of one row, one string per colour. */
    private int put(CellGrid grid, Terminal terminal, int base, int from, int to, StringBuilder run)
            throws IOException {
        run.setLength(0);
        for (int col = from; col < to; col++) {
            int i = base + col;
            char ch = grid.charAt(i);
            if (ch == CellGrid.PAD) continue;
            int r = grid.roleIndex(i);
            if (r != role) {
                flush(terminal, run);
                style(terminal, Theme.Role.values()[r]);
                role = r;
            }
            run.append(ch);
        }
        flush(terminal, run);
        return to - from;
    }

    private static void flush(Terminal terminal, StringBuilder run) throws IOException {
        if (run.length() == 0) return;
        terminal.putString(run.toString());
        run.setLength(0);
    }

    /** Changes only what differs from the current style; from an unknown style, resets first. */
    private void style(Terminal terminal, Theme.Role r) throws IOException {
        boolean wantBold = theme.bold(r);
        TextColor wantFg = theme.foreground(r);
        // the default colour has no sequence of its own here: a reset gives it (and drops bold)
        if (role == -1 || (wantFg == null && fg != null)) {
            terminal.resetColorAndSGR();
            bold = false;
            fg = null;
        }
        if (wantBold != bold) {
            if (wantBold) terminal.enableSGR(SGR.BOLD);
            else terminal.disableSGR(SGR.BOLD);
            bold = wantBold;
        }
        if (wantFg != null && !wantFg.equals(fg)) {
            terminal.setForegroundColor(wantFg);
            fg = wantFg;
        }
    }
}
