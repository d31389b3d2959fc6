package dev.partop.view.term;

import dev.partop.view.ScreenText;

import dev.partop.view.term.Theme;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The delta refresh on Lanterna's virtual terminal and on a real ANSI byte stream. */
class DeltaWriterTest {

    @Test
    void theFirstFrameWritesEveryCellThenOnlyWhatChanged() throws Exception {
        DefaultVirtualTerminal t = new DefaultVirtualTerminal(new TerminalSize(20, 3));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C256));
        CellGrid g = new CellGrid(20, 3);
        g.put(0, 0, "partop dashboard", Theme.Role.TITLE, 20);
        g.put(0, 2, "cpu 0  50%", Theme.Role.TEXT, 20);
        assertThat(w.write(g, t, 20, 3)).isEqualTo(60);
        assertThat(ScreenText.read(t)).isEqualTo("partop dashboard\n\ncpu 0  50%\n");

        g.put(7, 2, "75", Theme.Role.TEXT, 20);
        assertThat(w.write(g, t, 20, 3)).isEqualTo(2);
        assertThat(ScreenText.read(t)).isEqualTo("partop dashboard\n\ncpu 0  75%\n");
        assertThat(w.write(g, t, 20, 3)).isZero();

        assertThat(t.getCharacter(0, 0).getForegroundColor()).isEqualTo(new TextColor.Indexed(75));
        assertThat(t.getCharacter(0, 0).isBold()).isTrue();
        assertThat(t.getCharacter(7, 2).isBold()).isFalse();
    }

    @Test
    void aFrameSendsOnlyTheChangedCellsAsBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedSizeTerminal t = new FixedSizeTerminal(out, new TerminalSize(120, 40));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C256));
        CellGrid g = new CellGrid(120, 40);
        for (int r = 0; r < 40; r++) g.put(0, r, "row " + r + " " + "█".repeat(60), Theme.Role.USER, 120);
        w.write(g, t, 120, 40);
        int full = out.size();
        out.reset();
        g.put(100, 20, "X", Theme.Role.BAD, 120);
        g.put(100, 30, "Y", Theme.Role.BAD, 120);
        assertThat(w.write(g, t, 120, 40)).isEqualTo(2);
        String frame = out.toString(StandardCharsets.UTF_8);
        // X addressed, Y ten rows down and one back from where X left the cursor
        assertThat(frame).contains("\u001b[21;101HX\u001b[10B\bY");
        assertThat(out.size()).isLessThan(40).isLessThan(full / 100);
    }

    @Test
    void aShortUnchangedGapIsWrittenThroughALongOneIsJumped() throws Exception {
        DefaultVirtualTerminal t = new DefaultVirtualTerminal(new TerminalSize(40, 1));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.MONO));
        CellGrid g = new CellGrid(40, 1);
        w.write(g, t, 40, 1);
        g.put(0, 0, "a", Theme.Role.TEXT, 40);
        g.put(3, 0, "b", Theme.Role.TEXT, 40);
        g.put(30, 0, "c", Theme.Role.TEXT, 40);
        assertThat(w.write(g, t, 40, 1)).isEqualTo(4 + 1);
        assertThat(ScreenText.read(t)).isEqualTo("a  b" + " ".repeat(26) + "c\n");
    }

    @Test
    void aGridLargerThanTheTerminalIsCut() throws Exception {
        DefaultVirtualTerminal t = new DefaultVirtualTerminal(new TerminalSize(10, 2));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.C16));
        CellGrid g = new CellGrid(30, 5);
        g.put(0, 0, "0123456789abcdef", Theme.Role.TEXT, 30);
        g.put(0, 4, "never", Theme.Role.TEXT, 30);
        assertThat(w.write(g, t, 10, 2)).isEqualTo(20);
        assertThat(ScreenText.read(t)).isEqualTo("0123456789\n\n");
    }

    @Test
    void textInTheTerminalsOwnColourComesAfterAResetAndKeepsItsGlyphs() throws Exception {
        DefaultVirtualTerminal t = new DefaultVirtualTerminal(new TerminalSize(12, 1));
        DeltaWriter w = new DeltaWriter(new Theme(ColorMode.TRUECOLOR));
        CellGrid g = new CellGrid(12, 1);
        g.put(0, 0, "cpu", Theme.Role.TITLE, 12);
        g.put(4, 0, "█⣿é", Theme.Role.TEXT, 12);
        w.write(g, t, 12, 1);
        assertThat(ScreenText.read(t)).isEqualTo("cpu █⣿é\n");
        assertThat(t.getCharacter(0, 0).getForegroundColor()).isEqualTo(new TextColor.RGB(97, 175, 239));
        assertThat(t.getCharacter(0, 0).isBold()).isTrue();
        // the default colour and no bold: what a reset leaves
        assertThat(t.getCharacter(4, 0).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(t.getCharacter(4, 0).isBold()).isFalse();

        // as bytes: the same cells, the glyphs UTF-8 encoded in one run, bold and colour off before them
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedSizeTerminal real = new FixedSizeTerminal(out, new TerminalSize(12, 1));
        new DeltaWriter(new Theme(ColorMode.TRUECOLOR)).write(g, real, 12, 1);
        String bytes = out.toString(StandardCharsets.UTF_8);
        assertThat(bytes).contains("\u001b[1;38;2;97;175;239m\u001b[1Hcpu");
        assertThat(bytes).contains("\u001b[0;39m\u001b[1;4H \u2588\u28ff\u00e9");
    }

    @Test
    void aStringIsSentInOnePieceAsUtf8WithoutWhatLanternaLeavesOut() throws Exception {
        String[][] cases = {
                {"plain ascii", "plain ascii"},
                // Lanterna's own per-character path sends a NUL after each two-byte character
                {"\u2588\u2593\u2592\u2591 \u28ff\u2840 \u00e9\u00df", "\u2588\u2593\u2592\u2591 \u28ff\u2840 \u00e9\u00df"},
                {"bell\u0007 and nul\u0000 left out", "bell and nul left out"},
        };
        for (String[] c : cases) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            new FixedSizeTerminal(whole, new TerminalSize(80, 1)).putString(c[0]);
            assertThat(whole.toString(StandardCharsets.UTF_8)).as(c[0]).isEqualTo(c[1]);
        }
    }
}
