package dev.partop.view.term;

import com.googlecode.lanterna.TextColor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes the cells that changed since the last frame as the fewest ANSI bytes it can find:
 * the changed cells of a row in pieces of one style, the pieces grouped by style so each frame
 * changes colour once per style rather than once per piece (the frame is shown at once inside
 * synchronized output, so the order cells are written in is not seen), every colour change one
 * merged sequence ({@code ESC[22;38;5;114m}), and each cursor move the shortest of an absolute
 * address, a relative move (down a row is {@code ESC D}, back a cell a backspace) or, for a
 * gap of a few unchanged cells of the same style, writing them again.
 * <p>
 * A history graph that fills a column a tick writes one cell per row: with an absolute address
 * each cell cost 11 bytes, 3 of them the block; with {@code ESC D} and a backspace it costs 6.
 */
final class AnsiFrame {

    private static final byte ESC = 0x1b;
    private static final Theme.Role[] ROLES = Theme.Role.values();

    private final boolean[] bold;
    private final byte[][] fg;

    private byte[] buf = new byte[1 << 12];
    private int len;
    /** The terminal's style (a role), -1 unknown: kept between frames, as only we write to it. */
    private int style = -1;
    /** The cursor, -1 unknown: not kept between frames (a clear or Lanterna may move it). */
    private int curRow;
    private int curCol;

    // the pieces of one frame: row, first column, end column (exclusive), role
    private int[] pieces = new int[4 * 256];
    private int count;

    AnsiFrame(Theme theme) {
        bold = new boolean[ROLES.length];
        fg = new byte[ROLES.length][];
        for (Theme.Role r : ROLES) {
            bold[r.ordinal()] = theme.bold(r);
            TextColor c = theme.foreground(r);
            fg[r.ordinal()] = c == null ? "39".getBytes(StandardCharsets.US_ASCII) : c.getForegroundSGRSequence();
        }
    }

    void invalidate() {
        style = -1;
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    /**
     * Encodes what differs between {@code grid} and {@code shown} (everything when
     * {@code shown} is null or of another size).
     *
     * @return how many cells are written, unchanged ones written again included
     */
    int write(CellGrid grid, CellGrid shown, int visibleCols, int visibleRows) {
        len = 0;
        count = 0;
        curRow = -1;
        boolean all = !grid.sameSize(shown);
        int stride = grid.cols();
        int cols = Math.min(stride, visibleCols);
        int rows = Math.min(grid.rows(), visibleRows);
        for (int row = 0; row < rows; row++) findPieces(grid, all ? null : shown, row * stride, row, cols);
        int written = 0;
        // style by style, each next the one cheapest to change to (bold kept, or the same colour)
        boolean[] present = new boolean[ROLES.length];
        for (int p = 0; p < count; p++) present[pieces[4 * p + 3]] = true;
        while (true) {
            int r = -1;
            int best = Integer.MAX_VALUE;
            for (int c = 0; c < ROLES.length; c++) {
                if (!present[c]) continue;
                int cost = styleBytes(c);
                if (cost < best) {
                    best = cost;
                    r = c;
                }
            }
            if (r < 0) break;
            present[r] = false;
            setStyle(r);
            for (int p = 0; p < count; p++) {
                if (pieces[4 * p + 3] != r) continue;
                int row = pieces[4 * p], from = pieces[4 * p + 1], to = pieces[4 * p + 2];
                move(row, from);
                for (int col = from; col < to; col++) {
                    char ch = grid.charAt(row * stride + col);
                    if (ch != CellGrid.PAD) utf8(ch);
                }
                written += to - from;
                // past the last column the cursor waits to wrap: where it is depends on the terminal
                if (to >= visibleCols) curRow = -1;
                else curCol = to;
            }
        }
        return written;
    }

    /** The changed cells of one row as pieces of one style, through short unchanged gaps of that style. */
    private void findPieces(CellGrid grid, CellGrid shown, int base, int row, int cols) {
        int col = 0;
        while (col < cols) {
            if (grid.charAt(base + col) == CellGrid.PAD || !changed(grid, shown, base, col, cols)) {
                col++;
                continue;
            }
            byte r = grid.roleIndex(base + col);
            int end = afterCell(grid, base, col, cols);
            while (end < cols && grid.roleIndex(base + end) == r) {
                if (changed(grid, shown, base, end, cols)) {
                    end = afterCell(grid, base, end, cols);
                    continue;
                }
                // an unchanged gap: written again when that is shorter than jumping it
                int next = end, gapBytes = 0;
                while (next < cols && grid.roleIndex(base + next) == r && !changed(grid, shown, base, next, cols)) {
                    gapBytes += utf8Length(grid.charAt(base + next));
                    next++;
                    if (gapBytes > 5) break;
                }
                if (next >= cols || grid.roleIndex(base + next) != r || !changed(grid, shown, base, next, cols)) break;
                int gap = next - end;
                if (gapBytes >= (gap == 1 ? 3 : gap < 10 ? 4 : 5)) break;
                end = afterCell(grid, base, next, cols);
            }
            add(row, col, end, r);
            col = end;
        }
    }

    /** The column after the cell at {@code col}, its right half included when it is double width. */
    private static int afterCell(CellGrid grid, int base, int col, int cols) {
        int next = col + 1;
        while (next < cols && grid.charAt(base + next) == CellGrid.PAD) next++;
        return next;
    }

    private static boolean changed(CellGrid grid, CellGrid shown, int base, int col, int cols) {
        if (shown == null) return true;
        int i = base + col;
        if (!grid.sameCell(shown, i)) return true;
        return col + 1 < cols && grid.charAt(i + 1) == CellGrid.PAD && !grid.sameCell(shown, i + 1);
    }

    private void add(int row, int from, int to, int role) {
        if (4 * count + 4 > pieces.length) pieces = Arrays.copyOf(pieces, pieces.length * 2);
        pieces[4 * count] = row;
        pieces[4 * count + 1] = from;
        pieces[4 * count + 2] = to;
        pieces[4 * count + 3] = role;
        count++;
    }

    /** The bytes {@link #setStyle} would send to change to {@code r}. */
    private int styleBytes(int r) {
        if (r == style) return 0;
        if (style < 0) return 100 + fg[r].length;
        boolean boldChanges = bold[r] != bold[style];
        boolean fgChanges = !Arrays.equals(fg[r], fg[style]);
        if (!boldChanges && !fgChanges) return 0;
        return 3 + (boldChanges ? (bold[r] ? 1 : 2) : 0) + (boldChanges && fgChanges ? 1 : 0) + (fgChanges ? fg[r].length : 0);
    }

    /** One SGR sequence with only what changes; from an unknown style, a reset first. */
    private void setStyle(int r) {
        if (r == style) return;
        boolean wasBold = style >= 0 && bold[style];
        boolean boldChanges = bold[r] != wasBold;
        boolean fgChanges = style < 0 || !Arrays.equals(fg[r], fg[style]);
        if (style >= 0 && !boldChanges && !fgChanges) { // another role, drawn alike
            style = r;
            return;
        }
        put(ESC);
        put('[');
        boolean first = true;
        if (style < 0) {
            put('0');
            first = false;
        }
        if (boldChanges) {
            if (!first) put(';');
            if (bold[r]) put('1');
            else {
                put('2');
                put('2');
            }
            first = false;
        }
        if (fgChanges) {
            if (!first) put(';');
            for (byte b : fg[r]) put(b);
        }
        put('m');
        style = r;
    }

    /** The shortest way from the cursor to ({@code col}, {@code row}). */
    private void move(int row, int col) {
        if (curRow == row && curCol == col) return;
        int absolute = 3 + digits(row + 1) + (col > 0 ? 1 + digits(col + 1) : 0);
        if (curRow >= 0) {
            int down = row - curRow;
            int vertical = down == 0 ? 0 : down == 1 ? 2 : 3 + (Math.abs(down) > 1 ? digits(Math.abs(down)) : 0);
            int horizontal = horizontalBytes(col);
            if (vertical + horizontal < absolute) {
                if (down == 1) {
                    put(ESC);
                    put('D'); // index: down a row, same column (never from the last row, so it never scrolls)
                } else if (down != 0) {
                    csi(Math.abs(down), down > 0 ? 'B' : 'A');
                }
                horizontal(col);
                curRow = row;
                curCol = col;
                return;
            }
        }
        put(ESC);
        put('[');
        number(row + 1);
        if (col > 0) {
            put(';');
            number(col + 1);
        }
        put('H');
        curRow = row;
        curCol = col;
    }

    private int horizontalBytes(int col) {
        int n = col - curCol;
        if (n == 0) return 0;
        if (col == 0) return 1; // carriage return
        int cha = 3 + digits(col + 1);
        int rel = n > 0 ? (n == 1 ? 3 : 3 + digits(n)) : (-n <= 4 ? -n : 3 + digits(-n));
        return Math.min(cha, rel);
    }

    private void horizontal(int col) {
        int n = col - curCol;
        if (n == 0) return;
        if (col == 0) {
            put('\r');
            return;
        }
        int cha = 3 + digits(col + 1);
        int rel = n > 0 ? (n == 1 ? 3 : 3 + digits(n)) : (-n <= 4 ? -n : 3 + digits(-n));
        if (cha < rel) {
            csi(col + 1, 'G');
        } else if (n > 0) {
            csi(n, 'C');
        } else if (-n <= 4) {
            for (int i = 0; i < -n; i++) put('\b');
        } else {
            csi(-n, 'D');
        }
    }

    /** {@code ESC [ n X}, the 1 left out (it is every move's default). */
    private void csi(int n, char op) {
        put(ESC);
        put('[');
        if (n != 1) number(n);
        put(op);
    }

    private static int digits(int n) {
        return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4;
    }

    private static int utf8Length(char ch) {
        return ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
    }

    private void number(int n) {
        if (n >= 10) number(n / 10);
        put('0' + n % 10);
    }

    private void utf8(char ch) {
        if (ch < 0x80) {
            put(ch);
        } else if (ch < 0x800) {
            put(0xc0 | ch >> 6);
            put(0x80 | ch & 0x3f);
        } else {
            put(0xe0 | ch >> 12);
            put(0x80 | ch >> 6 & 0x3f);
            put(0x80 | ch & 0x3f);
        }
    }

    private void put(int b) {
        if (len == buf.length) buf = Arrays.copyOf(buf, len * 2);
        buf[len++] = (byte) b;
    }
}
