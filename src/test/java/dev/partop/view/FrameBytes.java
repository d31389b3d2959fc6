package dev.partop.view;

import com.googlecode.lanterna.TerminalSize;
import dev.partop.record.Recording;
import dev.partop.record.SnapshotLogReader;
import dev.partop.snapshot.Snapshot;
import dev.partop.view.term.CellGrid;
import dev.partop.view.term.ColorMode;
import dev.partop.view.term.DeltaWriter;
import dev.partop.view.term.FixedSizeTerminal;
import dev.partop.view.term.Theme;
import dev.partop.view.widget.ScreenPainter;
import dev.partop.view.widget.Symbols;
import dev.partop.view.widget.ViewState;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The terminal bytes a recording's frames cost, one frame per sample (the dashboard at the
 * sample rate), drawn as the dashboard draws them: deterministic, so two builds compare exactly.
 * {@code java -cp ... dev.partop.view.FrameBytes RUN.partop 120x40 [OUT.bytes]}; OUT gets each
 * frame wrapped in synchronized output, as a terminal receives it.
 */
public final class FrameBytes {

    public static void main(String[] args) throws Exception {
        Recording rec = SnapshotLogReader.read(Path.of(args[0]));
        String[] size = args[1].split("x");
        int cols = Integer.parseInt(size[0]), rows = Integer.parseInt(size[1]);
        OutputStream dump = args.length > 2 ? new FileOutputStream(args[2]) : OutputStream.nullOutputStream();
        Symbols sym = Symbols.UNICODE;
        ViewState v = new ViewState();
        v.header(rec.header());
        ScreenPainter painter = new ScreenPainter(sym);
        CellGrid grid = new CellGrid(cols, rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedSizeTerminal t = new FixedSizeTerminal(out, new TerminalSize(cols, rows));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C256));
        long total = 0, counted = 0;
        int n = rec.snapshots().size(), frames = 0;
        for (int i = 0; i < n; i++) {
            Snapshot s = rec.snapshots().get(i);
            v.accept(s, sym);
            painter.paint(grid, v, false, false, false);
            out.reset();
            w.write(grid, t, cols, rows);
            dump.write("\u001b[?2026h".getBytes());
            out.writeTo(dump);
            dump.write("\u001b[?2026l".getBytes());
            total += out.size();
            if (i >= 20 && i < n - 2) { // after 5 s, before the final screen
                counted += out.size() + 16;
                frames++;
            }
        }
        dump.close();
        System.out.printf("%d frames, %.0f bytes a frame (sync markers included) = %.0f B/s at 4 fps; all %d bytes%n",
                frames, (double) counted / frames, 4.0 * counted / frames, total);
    }
}
