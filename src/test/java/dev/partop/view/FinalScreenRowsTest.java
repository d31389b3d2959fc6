package dev.partop.view;

import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The final screen of a run of many phases (model-vs-cpython: ten phases, names that differ only
 * in "(model)" or "(CPython)"): its lanes cannot all show, so no row above the results may stay
 * blank, every phase keeps a row of lanes where there is room for one each, and the results
 * tell every phase apart.
 */
class FinalScreenRowsTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"110,30", "80,24", "100,30", "120,40", "200,60"})
    void noRowStaysBlankWhileLanesAreCut(int cols, int rows) throws Exception {
        String screen = ScreenText.render(cols, rows, SyntheticSnapshots.pairedHeader(2),
                SyntheticSnapshots.pairedRun(2, 24), ColorMode.C256, Symbols.UNICODE);
        assertThat(ScreenRows.blankAboveResults(screen)).as("blank rows at %dx%d:%n%s", cols, rows, screen).isZero();
        List<String> lines = screen.lines().toList();
        int results = 0;
        while (results < lines.size() && !lines.get(results).startsWith("results")) results++;
        List<String> table = lines.subList(results + 1, results + 1 + SyntheticSnapshots.PAIRED.length);
        assertThat(table.stream().map(l -> l.split(" {2,}")[0]).distinct().count())
                .as("every phase told apart in the results at %dx%d:%n%s", cols, rows, screen)
                .isEqualTo(SyntheticSnapshots.PAIRED.length);
        for (String row : table) assertThat(row).as(screen).containsPattern("\\((model|CPython)\\)");
        if (rows >= 30) {
            for (int p = 1; p <= SyntheticSnapshots.PAIRED.length; p++) {
                String mark = p + ". ";
                assertThat(lines.subList(0, results).stream().filter(l -> l.startsWith(mark)).count())
                        .as("phase %d's lanes at %dx%d:%n%s", p, cols, rows, screen).isEqualTo(1);
            }
        }
    }
}
