package dev.partop.view.term;


import com.googlecode.lanterna.TerminalTextUtils;

import java.util.Arrays;

/**
 * One frame as characters and their roles, painted by the widgets before anything reaches
 * Lanterna. Painting here is a few array writes per cell; {@link DeltaWriter} then hands
 * Lanterna only the cells that changed, because Lanterna's own per-cell work (a Unicode
 * width lookup for every cell set) cost more than the rest of a frame together.
 */
public final class CellGrid {

    /** The right half of a double-width character: nothing is drawn there. */
    static final char PAD = '\0';
    private static final Theme.Role[] ROLES = Theme.Role.values();

    private final int cols;
    private final int rows;
    private final char[] chars;
    private final byte[] roles;

    public CellGrid(int cols, int rows) {
        this.cols = Math.max(0, cols);
        this.rows = Math.max(0, rows);
        this.chars = new char[this.cols * this.rows];
        this.roles = new byte[this.cols * this.rows];
        clear();
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    /** Blank, in the TEXT role. */
    public void clear() {
        Arrays.fill(chars, ' ');
        Arrays.fill(roles, (byte) Theme.Role.TEXT.ordinal());
    }

    /**
     * Writes {@code s} from ({@code col}, {@code row}), stopping before column {@code limit}.
     * Control characters and lone surrogates become '?' so a name from a file can never move
     * the terminal's cursor; a double-width character takes two cells, or becomes a space
     * when only one is left.
     */
    public void put(int col, int row, String s, Theme.Role role, int limit) {
        if (row < 0 || row >= rows) return;
        int end = Math.min(limit, cols);
        int c = Math.max(0, col);
        byte r = (byte) role.ordinal();
        for (int i = 0; i < s.length() && c < end; i++) {
            char ch = s.charAt(i);
            int at = row * cols + c;
            if (mayBeWide(ch) && TerminalTextUtils.isCharDoubleWidth(ch)) {
                if (c + 1 >= end) {
                    set(at, ' ', r);
                    c++;
                    continue;
                }
                set(at, ch, r);
                set(at + 1, PAD, r);
                c += 2;
                continue;
            }
            if (ch < 0x20 || ch == 0x7f || Character.isSurrogate(ch)) ch = '?';
            set(at, ch, r);
            c++;
        }
    }

    /**
     * Lanterna's width test is a Unicode block lookup; every block it counts as wide (CJK,
     * kana, Hangul) lies outside these ranges, which hold ASCII, Latin and all of our
     * symbols (box drawing, blocks, braille).
     */
    private static boolean mayBeWide(char ch) {
        return ch >= 0x1100 && (ch < 0x1200 || ch >= 0x2E80);
    }

    private void set(int at, char ch, byte role) {
        chars[at] = ch;
        roles[at] = role;
    }

    public char charAt(int col, int row) {
        return chars[row * cols + col];
    }

    public Theme.Role roleAt(int col, int row) {
        return ROLES[roles[row * cols + col]];
    }

    char charAt(int index) {
        return chars[index];
    }

    byte roleIndex(int index) {
        return roles[index];
    }

    boolean sameSize(CellGrid o) {
        return o != null && o.cols == cols && o.rows == rows;
    }

    boolean sameCell(CellGrid o, int index) {
        return o.chars[index] == chars[index] && o.roles[index] == roles[index];
    }

    /** Makes this grid a copy of {@code o} (same size). */
    void copyFrom(CellGrid o) {
        System.arraycopy(o.chars, 0, chars, 0, chars.length);
        System.arraycopy(o.roles, 0, roles, 0, roles.length);
    }

    /** The grid as text, one line per row, trailing blanks cut (for tests). */
    public String text() {
        StringBuilder b = new StringBuilder(cols * rows + rows);
        for (int r = 0; r < rows; r++) {
            int start = b.length();
            for (int c = 0; c < cols; c++) {
                char ch = chars[r * cols + c];
                if (ch != PAD) b.append(ch);
            }
            int e = b.length();
            while (e > start && b.charAt(e - 1) == ' ') e--;
            b.setLength(e);
            b.append('\n');
        }
        return b.toString();
    }
}
