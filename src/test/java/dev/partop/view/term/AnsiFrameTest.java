package dev.partop.view.term;

import com.googlecode.lanterna.TerminalSize;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes {@link DeltaWriter} sends an ANSI terminal, read back by a small terminal model
 * (cursor moves, index, backspace, carriage return, SGR): whatever order and moves it picks,
 * the screen must end up as the grid, every cell in its colour.
 */
class AnsiFrameTest {

    /** Just enough of a VT100 to read what the writer sends. */
    static final class Screen {
        final int cols, rows;
        final char[] ch;
        final String[] style;
        int row, col;
        boolean bold;
        String fg = "39";

        Screen(int cols, int rows) {
            this.cols = cols;
            this.rows = rows;
            ch = new char[cols * rows];
            style = new String[cols * rows];
            java.util.Arrays.fill(ch, ' ');
        }

        void feed(byte[] bytes) {
            String s = new String(bytes, StandardCharsets.UTF_8);
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == 0x1b && s.charAt(i + 1) == 'D') {
                    assertThat(row).as("index never scrolls").isLessThan(rows - 1);
                    row++;
                    i += 2;
                } else if (c == 0x1b && s.charAt(i + 1) == '[') {
                    int j = i + 2;
                    while (!Character.isLetter(s.charAt(j))) j++;
                    String p = s.substring(i + 2, j);
                    char op = s.charAt(j);
                    int n = p.isEmpty() || p.startsWith("?") ? 1 : Integer.parseInt(p.split(";")[0]);
                    switch (op) {
                        case 'H' -> {
                            String[] a = p.split(";");
                            row = (p.isEmpty() ? 1 : Integer.parseInt(a[0])) - 1;
                            col = a.length > 1 ? Integer.parseInt(a[1]) - 1 : 0;
                        }
                        case 'G' -> col = n - 1;
                        case 'A' -> row -= n;
                        case 'B' -> row += n;
                        case 'C' -> col += n;
                        case 'D' -> col -= n;
                        case 'm' -> sgr(p);
                        case 'h', 'l' -> { }
                        default -> throw new AssertionError("unexpected " + op);
                    }
                    i = j + 1;
                } else if (c == '\b') {
                    col--;
                    i++;
                } else if (c == '\r') {
                    col = 0;
                    i++;
                } else {
                    assertThat(c).as("printable").isGreaterThanOrEqualTo(' ');
                    assertThat(row).isBetween(0, rows - 1);
                    assertThat(col).isBetween(0, cols - 1);
                    ch[row * cols + col] = c;
                    style[row * cols + col] = (bold ? "1;" : "") + fg;
                    col++;
                    if (com.googlecode.lanterna.TerminalTextUtils.isCharDoubleWidth(c)) col++;
                    i++;
                }
                assertThat(col).isBetween(0, cols);
            }
        }

        private void sgr(String p) {
            String[] a = p.split(";");
            for (int k = 0; k < a.length; k++) {
                switch (a[k]) {
                    case "0" -> { bold = false; fg = "39"; }
                    case "1" -> bold = true;
                    case "22" -> bold = false;
                    case "39" -> fg = "39";
                    case "38" -> { fg = "38;5;" + a[k + 2]; k += 2; }
                    default -> throw new AssertionError("unexpected SGR " + a[k]);
                }
            }
        }
    }

    private static String expectedStyle(Theme theme, Theme.Role r) {
        var c = theme.foreground(r);
        return (theme.bold(r) ? "1;" : "") + (c == null ? "39" : new String(c.getForegroundSGRSequence(), StandardCharsets.US_ASCII));
    }

    @Test
    void randomFramesEndAsTheGridEveryCellInItsColour() throws Exception {
        randomFrames(false);
    }

    private void randomFrames(boolean wide) throws Exception {
        Random random = new Random(14);
        Theme theme = new Theme(ColorMode.C256);
        Theme.Role[] roles = Theme.Role.values();
        String glyphs = "ab █▇▁▕·─╷0123456789";
        for (int trial = 0; trial < 30; trial++) {
            int cols = 10 + random.nextInt(50), rows = 2 + random.nextInt(12);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FixedSizeTerminal t = new FixedSizeTerminal(out, new TerminalSize(cols, rows));
            DeltaWriter w = new DeltaWriter(theme);
            Screen screen = new Screen(cols, rows);
            CellGrid g = new CellGrid(cols, rows);
            for (int frame = 0; frame < 40; frame++) {
                int edits = random.nextInt(frame == 0 ? 40 : 12);
                for (int e = 0; e < edits; e++) {
                    StringBuilder s = new StringBuilder();
                    int n = 1 + random.nextInt(random.nextBoolean() ? 3 : 15);
                    for (int k = 0; k < n; k++) s.append(glyphs.charAt(random.nextInt(glyphs.length())));
                    if (wide && random.nextInt(10) == 0) s.append("界"); // double width
                    g.put(random.nextInt(cols), random.nextInt(rows), s.toString(),
                            roles[random.nextInt(roles.length)], cols);
                }
                if (random.nextInt(8) == 0) { // a column down the rows, as a history graph fills one
                    int x = random.nextInt(cols);
                    for (int r = 0; r < rows; r++) {
                        // not into half of a double-width character (the widgets never do)
                        boolean half = g.charAt(x, r) == CellGrid.PAD || x + 1 < cols && g.charAt(x + 1, r) == CellGrid.PAD;
                        if (!half) g.put(x, r, "█", Theme.Role.USER, cols);
                    }
                }
                out.reset();
                w.write(g, t, cols, rows);
                screen.feed(out.toByteArray());
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        char want = g.charAt(c, r);
                        if (want == CellGrid.PAD) continue;
                        String at = "trial " + trial + " frame " + frame + " cell " + c + "," + r;
                        assertThat(screen.ch[r * cols + c]).as(at).isEqualTo(want);
                        if (screen.style[r * cols + c] != null || frame > 0) {
                            assertThat(screen.style[r * cols + c]).as(at).isEqualTo(expectedStyle(theme, g.roleAt(c, r)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aDoubleWidthCharacterMovesTheCursorTwoCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedSizeTerminal t = new FixedSizeTerminal(out, new TerminalSize(20, 2));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C256));
        Screen screen = new Screen(20, 2);
        CellGrid g = new CellGrid(20, 2);
        String[] frames = {"ab界cd", "ab界xd", "ab世xe", "a 世xe"};
        for (String f : frames) {
            g.put(0, 0, f, Theme.Role.TEXT, 20);
            g.put(0, 1, f, Theme.Role.DIM, 20);
            out.reset();
            w.write(g, t, 20, 2);
            screen.feed(out.toByteArray());
            for (int r = 0; r < 2; r++) {
                StringBuilder shown = new StringBuilder();
                for (int c = 0; c < 6; c++) if (g.charAt(c, r) != CellGrid.PAD) shown.append(screen.ch[r * 20 + c]);
                assertThat(shown.toString()).isEqualTo(f);
            }
        }
    }

    @Test
    void aColumnDownTheRowsCostsItsBlocksAndAFewBytesARow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedSizeTerminal t = new FixedSizeTerminal(out, new TerminalSize(120, 40));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C256));
        CellGrid g = new CellGrid(120, 40);
        w.write(g, t, 120, 40);
        for (int r = 5; r < 31; r++) g.put(73, r, "█", Theme.Role.USER, 120);
        out.reset();
        w.write(g, t, 120, 40);
        // 26 blocks of 3 bytes; a move down and back of 3 bytes each (an absolute address was 8)
        assertThat(out.size()).isLessThanOrEqualTo(26 * 3 + 25 * 3 + 20);
    }

    @Test
    void aFrameChangesColourOncePerStyle() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedSizeTerminal t = new FixedSizeTerminal(out, new TerminalSize(80, 20));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C256));
        CellGrid g = new CellGrid(80, 20);
        w.write(g, t, 80, 20);
        for (int r = 0; r < 20; r++) {
            g.put(10, r, "x", Theme.Role.USER, 80);
            g.put(50, r, "y", Theme.Role.DIM, 80);
        }
        out.reset();
        w.write(g, t, 80, 20);
        String frame = out.toString(StandardCharsets.UTF_8);
        assertThat(frame.split("m", -1).length - 1).isEqualTo(2);
    }
}
