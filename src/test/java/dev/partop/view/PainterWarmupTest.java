package dev.partop.view;

import com.googlecode.lanterna.TerminalSize;
import dev.partop.sink.Controls;
import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up paints offscreen, as many frames as asked within its budget, and draws nothing on the screen. */
class PainterWarmupTest {

    @Test
    void paintsTheFramesAskedWithinTheBudget() throws Exception {
        assertThat(PainterWarmup.paint(Symbols.UNICODE, new TerminalSize(100, 30), 40, Long.MAX_VALUE)).isEqualTo(40);
        // no time at all: one frame still, so the code has run once
        assertThat(PainterWarmup.paint(Symbols.ASCII, new TerminalSize(60, 20), 40, 0)).isEqualTo(1);
    }

    @Test
    void aDashboardsWarmUpWritesNothingToItsTerminal() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Dashboard d = Dashboard.offscreen(new DashboardOptions(ColorMode.C256, Symbols.UNICODE, 4, false,
                new TerminalSize(120, 40)), Controls.NONE, screen, null);
        try {
            d.firstFrame().get();
            Thread.sleep(300); // whatever the render thread draws on its own
            int before = screen.size();
            d.warmUp(2_000_000_000L);
            assertThat(screen.size()).as("bytes on the screen after the warm-up").isEqualTo(before);
        } finally {
            d.close();
        }
    }
}
