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
import dev.partop.snapshot.PhaseInfo;
import dev.partop.snapshot.RunState;
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
        Snapshot s = Snapshot.builder().t(0.25).state(RunState.RUNNING).phaseIndex(0).phaseCount(1)
                .phase(PhaseInfo.builder().name("warm-up").model("gil-threads").settings("").build())
                .phaseElapsed(0.25).tick(0.25).tasksTotal(2)
                .cores(cores).lanes(lanes).phaseCpu(0.25).parallelism(1).build();
        ViewState v = new ViewState();
        v.accept(s, symbols);
        CellGrid grid = new CellGrid(120, 40);
        new ScreenPainter(symbols).paint(grid, v, false, false, false);
        new DeltaWriter(new Theme(ColorMode.C256)).write(grid,
                new FixedSizeTerminal(OutputStream.nullOutputStream(), new TerminalSize(120, 40)), 120, 40);
    }
}
