package dev.partop.view;

import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;

import dev.partop.snapshot.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real dashboard painter on Lanterna's virtual terminal at three sizes, for machines of
 * 2 to 256 cores. The golden files under src/test/resources/golden are the screenshots:
 * regenerate with -Dpartop.updateGolden=true and look at them.
 */
class ScreenGoldenTest {

    static Stream<Arguments> screens() {
        return Stream.of(new int[]{80, 24}, new int[]{120, 40}, new int[]{200, 60})
                .flatMap(size -> Stream.of(2, 16, 64, 256).map(cores -> Arguments.of(size[0], size[1], cores)));
    }

    @ParameterizedTest(name = "{0}x{1}, {2} cores")
    @MethodSource("screens")
    void matchesTheGoldenScreen(int cols, int rows, int cores) throws Exception {
        ScreenText.Screen drawn = ScreenText.draw(cols, rows, SyntheticSnapshots.header(cores),
                SyntheticSnapshots.gilPhase(cores, 40, false), ColorMode.C256, Symbols.UNICODE);
        Golden.check(cols + "x" + rows + "-" + cores + "cores.txt", drawn.golden());
        String screen = drawn.text();

        // what must hold whatever the golden says
        assertThat(screen.lines().count()).isEqualTo(rows);
        assertThat(screen.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(cols));
        assertThat(screen).contains("of " + cores + " cores");
        assertThat(screen).contains("8 threads, one GIL");
        assertThat(screen).contains("1.00x");
        assertThat(screen).contains("q quit");
        assertThat(coveredCpus(screen)).as("every CPU has a bar or a group").isEqualTo(cores);
    }

    /** CPUs named on the screen: single bars ("  7▕") and groups ("cpu 0-31"). */
    private static int coveredCpus(String screen) {
        boolean[] seen = new boolean[4096];
        Matcher g = Pattern.compile("cpu (\\d+)-(\\d+)").matcher(screen);
        while (g.find()) {
            for (int i = Integer.parseInt(g.group(1)); i <= Integer.parseInt(g.group(2)); i++) seen[i] = true;
        }
        Matcher b = Pattern.compile("(\\d+)▕").matcher(screen);
        while (b.find()) seen[Integer.parseInt(b.group(1))] = true;
        int n = 0;
        for (boolean s : seen) if (s) n++;
        return n;
    }

    @Test
    void finishedRunKeepsTheResultsOnScreen() throws Exception {
        List<Snapshot> snaps = SyntheticSnapshots.gilPhase(2, 10, true);
        ScreenText.Screen drawn = ScreenText.draw(120, 40, SyntheticSnapshots.header(2), snaps, ColorMode.C256,
                Symbols.UNICODE);
        Golden.check("120x40-finished.txt", drawn.golden());
        String screen = drawn.text();
        assertThat(screen).contains("finished").contains("one thread").contains("0.96x").contains("1.00x");
    }

    /** Lanes computing without a lock are coloured as running, not as holding (their glyph is not a hold level). */
    @Test
    void runningLanesAreColouredAsRunning() throws Exception {
        ScreenText.Screen drawn = ScreenText.draw(120, 40, SyntheticSnapshots.header(2),
                SyntheticSnapshots.freePhase(2, 12), ColorMode.C256, Symbols.UNICODE);
        Golden.check("120x40-free-threads.txt", drawn.golden());
        String running = String.valueOf(ScreenText.LETTERS.charAt(dev.partop.view.term.Theme.Role.RUNNING.ordinal()));
        List<String> text = drawn.text().lines().toList();
        List<String> roles = drawn.roles().lines().toList();
        for (int row = 0; row < text.size(); row++) {
            if (!text.get(row).startsWith("T1 ")) continue;
            // the timeline of a running lane: every tick drawn in the running role
            int ticks = text.get(row).substring(29).split(" ")[0].length();
            assertThat(ticks).isEqualTo(12);
            assertThat(roles.get(row).substring(29, 29 + ticks)).matches("[" + running + "]+");
        }
        assertThat(Symbols.UNICODE.isHold(Symbols.UNICODE.running())).as("running has a glyph of its own").isFalse();
    }

    @Test
    void asciiModeWritesOnlyAscii() throws Exception {
        String screen = ScreenText.render(120, 40, SyntheticSnapshots.header(16),
                SyntheticSnapshots.gilPhase(16, 20, false), ColorMode.MONO, Symbols.ASCII);
        assertThat(screen.chars()).allSatisfy(c -> assertThat(c).isLessThan(128));
        assertThat(screen).contains("of 16 cores").contains("[");
    }

    @Test
    void monochromeBarsUseADifferentGlyphPerSegment() {
        assertThat(List.of(Symbols.UNICODE.user(), Symbols.UNICODE.system(), Symbols.UNICODE.iowait(),
                Symbols.UNICODE.empty())).doesNotHaveDuplicates();
        assertThat(List.of(Symbols.ASCII.user(), Symbols.ASCII.system(), Symbols.ASCII.iowait(), Symbols.ASCII.empty()))
                .doesNotHaveDuplicates();
        assertThat(List.of(Symbols.ASCII.holding(), Symbols.ASCII.waiting(), Symbols.ASCII.io(),
                Symbols.ASCII.running())).doesNotHaveDuplicates();
    }

    @Test
    void tinyTerminalSaysSoInsteadOfGarbling() throws Exception {
        String screen = ScreenText.render(30, 8, SyntheticSnapshots.header(2), SyntheticSnapshots.gilPhase(2, 3, false),
                ColorMode.MONO, Symbols.UNICODE);
        assertThat(screen).contains("needs at least");
    }
}
