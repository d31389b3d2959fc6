package dev.partop.view.widget;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    private static final String[] PATTERNS = {"%3.0f%%", "%.2f", "%.1fs", "%.0f", " switches/s  %8.0f", "%6.2fms",
            "%4.0f%% ", "%7.1f", "%.3f"};

    @Test
    void numbersMatchStringFormatAwayFromExactHalves() {
        Random r = new Random(42);
        for (String p : PATTERNS) {
            for (int i = 0; i < 20_000; i++) {
                double v = switch (i % 4) {
                    case 0 -> r.nextDouble();
                    case 1 -> r.nextDouble() * 100;
                    case 2 -> (r.nextDouble() - 0.5) * 1e6;
                    default -> r.nextInt(1000) / 8.0 + 1e-7; // just above a quarter or eighth
                };
                assertThat(Format.f(p, v)).as("%s of %s", p, v).isEqualTo(String.format(Locale.US, p, v));
            }
        }
    }

    @Test
    void integersStringsWidthsAndFlags() {
        assertThat(Format.f("%-9s %-8s|", "T1", "holding")).isEqualTo(String.format("%-9s %-8s|", "T1", "holding"));
        assertThat(Format.f("%3d|%8d|%d", 7, 123456789L, -5)).isEqualTo("  7|123456789|-5");
        assertThat(Format.f("+%d more lanes (%d in all)", 3, 11)).isEqualTo("+3 more lanes (11 in all)");
        assertThat(Format.f("%10s|%-7s|", "1.0 KiB", "x")).isEqualTo("   1.0 KiB|x      |");
        assertThat(Format.f("%.0f %.1f", -0.2, 0.0)).isEqualTo(String.format(Locale.US, "%.0f %.1f", -0.2, 0.0));
    }

    @Test
    void whatItDoesNotKnowGoesToStringFormat() {
        assertThat(Format.f("%x %,d %.2f", 255, 1234567, Double.NaN)).isEqualTo("ff 1,234,567 NaN");
        assertThat(Format.f("%.2f", 1e13)).isEqualTo("10000000000000.00");
    }

    @Test
    void aShortenedNameKeepsThePartThatTellsItApart() {
        assertThat(Format.shortName("one thread (CPython)", 30, "…")).isEqualTo("one thread (CPython)");
        assertThat(Format.shortName("I/O-bound threads (CPython)", 20, "…")).isEqualTo("I/O-bound… (CPython)");
        assertThat(Format.shortName("2 GIL threads (model)", 16, "…")).isEqualTo("2 GIL… (model)");
        assertThat(Format.shortName("one thread (model)", 12, "…")).isEqualTo("one… (model)");
        // the first word cut rather than the distinguishing part
        assertThat(Format.shortName("processes (CPython)", 15, "…")).isEqualTo("proc… (CPython)");
        // no part in parentheses: at a word, as fit does
        assertThat(Format.shortName("8 threads, one GIL", 12, "…")).isEqualTo("8 threads…");
        assertThat(Format.shortName("supercalifragilistic", 8, "…")).isEqualTo("superca…");
        assertThat(Format.shortName("x", 0, "…")).isEmpty();
    }
}
