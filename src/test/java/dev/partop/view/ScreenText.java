package dev.partop.view;

import dev.partop.view.term.CellGrid;
import dev.partop.view.term.ColorMode;
import dev.partop.view.term.DeltaWriter;
import dev.partop.view.widget.ScreenPainter;
import dev.partop.view.widget.Symbols;
import dev.partop.view.term.Theme;
import dev.partop.view.widget.ViewState;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.io.IOException;
import java.util.List;

/** Paints a state onto Lanterna's virtual terminal and reads the screen back as text. */
public final class ScreenText {

    private ScreenText() {
    }

    /** A screen as drawn: its characters (read back from the terminal) and the role of each cell. */
    record Screen(String text, String roles) {

        /** What a golden file holds: the text, then the roles (see {@link #roles(CellGrid)}). */
        String golden() {
            return text + "--- roles (one letter per cell, see ScreenText.LETTERS)\n" + roles;
        }
    }

    static String render(int cols, int rows, RunHeader header, List<Snapshot> snapshots, ColorMode colors,
                         Symbols symbols) throws IOException {
        return draw(cols, rows, header, snapshots, colors, symbols).text();
    }

    static Screen draw(int cols, int rows, RunHeader header, List<Snapshot> snapshots, ColorMode colors,
                       Symbols symbols) throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        ViewState v = new ViewState();
        v.header(header);
        for (Snapshot s : snapshots) v.accept(s, symbols);
        CellGrid grid = new CellGrid(cols, rows);
        new ScreenPainter(symbols).paint(grid, v, false, false, false);
        new DeltaWriter(new Theme(colors)).write(grid, terminal, cols, rows);
        return new Screen(read(terminal), roles(grid));
    }

    /** A letter per colour role, so a golden file shows in a diff which cells changed colour. */
    static final String LETTERS = "tdTBusoHWIRgxk";

    /**
     * Each cell's role as a letter ({@link Theme.Role} in order: text, dim, title, bold headline,
     * user, system, iowait (o), holding, waiting, I/O, running, good, bad, key); blanks stay blank.
     */
    static String roles(CellGrid grid) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < grid.rows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < grid.cols(); c++) {
                char ch = grid.charAt(c, r);
                if (ch == 0) continue; // the second half of a double-width character, as in the text
                line.append(ch == ' ' || grid.roleAt(c, r) == null ? ' '
                        : LETTERS.charAt(grid.roleAt(c, r).ordinal()));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    public static String read(DefaultVirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                line.append(terminal.getCharacter(c, r).getCharacterString());
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
