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
 * Paints made-up frames into a grid nobody sees. Once at start-up, so the first real frame
 * finds every widget's class loaded and its code run once: that is 50-100 ms of the time to
 * the first full frame, and it can be spent on a side thread while picocli starts. And many
 * times in the run's warm-up, so the painter is compiled before the measured phases: a frame's
 * code runs 4 times a second, and reached the JIT's thresholds only after about 50 s, so the
 * compiler was still at work on it, and it still interpreted, in the run's second minute.
 */
public final class PainterWarmup {

    private PainterWarmup() {
    }

    public static void paintOnce(Symbols symbols) throws IOException {
        paint(symbols, new TerminalSize(120, 40), 1, Long.MAX_VALUE);
    }

    /**
     * Paints up to {@code frames} frames of {@code size}, each from a new made-up Snapshot and
     * every other one in full (the delta writer's two ways), until {@code budgetNanos} passed.
     *
     * @return the frames painted
     */
    public static int paint(Symbols symbols, TerminalSize size, int frames, long budgetNanos) throws IOException {
        long t0 = System.nanoTime();
        ViewState v = new ViewState();
        CellGrid grid = new CellGrid(size.getColumns(), size.getRows());
        ScreenPainter painter = new ScreenPainter(symbols);
        DeltaWriter writer = new DeltaWriter(new Theme(ColorMode.C256));
        FixedSizeTerminal nowhere = new FixedSizeTerminal(OutputStream.nullOutputStream(), size);
        int i = 0;
        while (i < frames && (i == 0 || System.nanoTime() - t0 < budgetNanos)) {
            v.accept(snapshot(i), symbols);
            painter.paint(grid, v, false, false, false);
            if (i % 2 == 1) writer.invalidate();
            writer.write(grid, nowhere, size.getColumns(), size.getRows());
            i++;
        }
        return i;
    }

    /** The {@code i}th Snapshot of a made-up two-thread GIL phase, its figures moving. */
    private static Snapshot snapshot(int i) {
        double t = 0.25 * (i + 1);
        double a = (i % 7) / 7.0;
        List<CoreSample> cores = List.of(new CoreSample(0, 0, 0, 0.2 + 0.6 * a, 0.1, 0, 2400),
                new CoreSample(1, 1, 0, 0.8 - 0.6 * a, 0.1, 0, 2400));
        List<LaneSample> lanes = List.of(
                new LaneSample(0, "T1", i % 2 == 0 ? LaneState.HOLDING : LaneState.WAITING, a, 0, 1 - a, a, 0, 0, 0, 0),
                new LaneSample(1, "T2", i % 2 == 0 ? LaneState.WAITING : LaneState.HOLDING, 1 - a, 0, a, 1 - a, 0, 0, 0, 0));
        return Snapshot.builder().t(t).state(RunState.RUNNING).phaseIndex(0).phaseCount(1)
                .phase(PhaseInfo.builder().name("warm-up").model("gil-threads").settings("").build())
                .phaseElapsed(t).tick(0.25).tasksTotal(2)
                .cores(cores).lanes(lanes).phaseCpu(t).parallelism(1).build();
    }
}
