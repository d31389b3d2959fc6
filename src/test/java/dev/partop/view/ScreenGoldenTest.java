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
        return Stream.of(new int[]{80, 24}, new int[]{100, 30}, new int[]{120, 40}, new int[]{200, 60})
                .flatMap(size -> Stream.of(2, 8, 64, 256).map(cores -> Arguments.of(size[0], size[1], cores)));
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

    /** CPUs named on the screen: single bars ("  7▕"), groups ("cpu 0-31") and heat-grid rows ("  0-63 ▄▅…"). */
    private static int coveredCpus(String screen) {
        boolean[] seen = new boolean[4096];
        Matcher heat = Pattern.compile("(?m)^ *(\\d+)-(\\d+) ([^ ]+)").matcher(screen);
        while (heat.find()) {
            int lo = Integer.parseInt(heat.group(1));
            int cells = heat.group(3).indexOf('│') < 0 ? heat.group(3).length() : heat.group(3).indexOf('│');
            for (int i = lo; i < lo + cells && i <= Integer.parseInt(heat.group(2)); i++) seen[i] = true;
        }
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

    /** The final screen is a slide: every phase's band and name on the run's strip, and each phase's lanes. */
    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("finalSizes")
    void finalScreenShowsTheWholeRun(int cols, int rows) throws Exception {
        ScreenText.Screen drawn = ScreenText.draw(cols, rows, SyntheticSnapshots.header(2),
                SyntheticSnapshots.wholeRun(2, 24, true), ColorMode.C256, Symbols.UNICODE);
        Golden.check(cols + "x" + rows + "-final.txt", drawn.golden());
        String screen = drawn.text();
        String band = screen.lines().filter(l -> l.contains("├")).findFirst().orElse("");
        assertThat(band).as("the run's strip names every phase").contains("1. one").contains("2. 8 threads")
                .contains("3. 8 free");
        assertThat(screen).contains("finished").contains("1.98x");
    }

    static Stream<Arguments> finalSizes() {
        return Stream.of(Arguments.of(80, 24), Arguments.of(100, 30), Arguments.of(120, 40), Arguments.of(200, 60));
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

    /** 10x5 and 20x8 panes: whole words, broken over the rows, not "partop nee". */
    @Test
    void aTinyPaneReadsInWholeWords() throws Exception {
        String small = ScreenText.render(10, 5, SyntheticSnapshots.header(2), SyntheticSnapshots.gilPhase(2, 3, false),
                ColorMode.MONO, Symbols.UNICODE);
        assertThat(small.lines().map(String::strip).toList()).startsWith("partop", "needs at", "least", "40x10");
        String medium = ScreenText.render(20, 8, SyntheticSnapshots.header(2), SyntheticSnapshots.gilPhase(2, 3, false),
                ColorMode.MONO, Symbols.UNICODE);
        assertThat(medium.replaceAll("\\s+", " ")).contains("partop needs at least 40x10 this terminal is 20x8");
    }

    /**
     * cpu-heavy on 2 cores (one thread, then eight lanes): during every phase at most 2 rows
     * between the header and the results leave the left column (cores, history, lanes, run)
     * blank. The right panel's separator does not count as content.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @MethodSource("finalSizes")
    void noPhaseLeavesRowsBlank(int cols, int rows) throws Exception {
        List<Snapshot> run = SyntheticSnapshots.wholeRun(2, 12, false);
        for (int upTo : new int[]{6, 12, 18, 24, 30, 36}) {
            String screen = ScreenText.render(cols, rows, SyntheticSnapshots.header(2), run.subList(0, upTo),
                    ColorMode.C256, Symbols.UNICODE);
            assertThat(blankRowsAboveResults(screen)).as("blank rows at %dx%d after %d ticks:%n%s", cols, rows, upTo,
                    screen).isLessThanOrEqualTo(2);
        }
    }

    static int blankRowsAboveResults(String screen) {
        return ScreenRows.blankAboveResults(screen);
    }
}
