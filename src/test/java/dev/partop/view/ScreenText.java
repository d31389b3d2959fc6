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

    static String render(int cols, int rows, RunHeader header, List<Snapshot> snapshots, ColorMode colors,
                         Symbols symbols) throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        ViewState v = new ViewState();
        v.header(header);
        for (Snapshot s : snapshots) v.accept(s, symbols);
        CellGrid grid = new CellGrid(cols, rows);
        new ScreenPainter(symbols).paint(grid, v, false, false, false);
        new DeltaWriter(new Theme(colors)).write(grid, terminal, cols, rows);
        return read(terminal);
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
