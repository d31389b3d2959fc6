package dev.partop.view;

import dev.partop.view.term.CellGrid;
import dev.partop.view.term.ColorMode;
import dev.partop.view.term.DeltaWriter;
import dev.partop.view.term.FixedSizeTerminal;
import dev.partop.view.widget.ScreenPainter;
import dev.partop.view.widget.Symbols;
import dev.partop.view.term.Theme;
import dev.partop.view.widget.ViewState;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.PhaseInfo;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.SelfStats;
import dev.partop.snapshot.Snapshot;

import com.googlecode.lanterna.TerminalSize;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Paints one made-up frame into a grid nobody sees, so the first real frame finds every
 * widget's class loaded and its code run once: at start-up that is 50-100 ms of the time to
 * the first full frame, and it can be spent on a side thread while picocli starts.
 */
public final class PainterWarmup {

    private PainterWarmup() {
    }

    public static void paintOnce(Symbols symbols) throws IOException {
        List<CoreSample> cores = List.of(new CoreSample(0, 0, 0, 0.6, 0.1, 0, 2400),
                new CoreSample(1, 1, 0, 0.3, 0.1, 0, 2400));
        List<LaneSample> lanes = List.of(
                new LaneSample(0, "T1", LaneState.HOLDING, 0.5, 0, 0.5, 0.5, 0, 0, 0, 0),
                new LaneSample(1, "T2", LaneState.WAITING, 0.5, 0, 0.5, 0.5, 0, 0, 0, 0));
        Snapshot s = new Snapshot(Snapshot.FORMAT, 0, 0.25, RunState.RUNNING, 0, 1,
                new PhaseInfo("warm-up", "gil-threads", ""), 0.25, 0.25, 0, 2, cores, lanes, List.of(),
                ModelStats.NONE, 0.25, 1, SelfStats.NONE, List.of(), null);
        ViewState v = new ViewState();
        v.accept(s, symbols);
        CellGrid grid = new CellGrid(120, 40);
        new ScreenPainter(symbols).paint(grid, v, false, false, false);
        new DeltaWriter(new Theme(ColorMode.C256)).write(grid,
                new FixedSizeTerminal(OutputStream.nullOutputStream(), new TerminalSize(120, 40)), 120, 40);
    }
}
