package dev.partop.view.widget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitTest {

    @Test
    void shortensAtWordsNeverMidWord() {
        assertThat(Format.fit("8 threads, one GIL", 30, "…")).isEqualTo("8 threads, one GIL");
        assertThat(Format.fit("8 threads, one GIL", 14, "…")).isEqualTo("8 threads…");
        assertThat(Format.fit("sequential", 5, "…")).isEmpty();
        assertThat(Format.fitParts("8 threads, switch 5ms, 8 tasks", 22, "…")).isEqualTo("8 threads, switch 5ms…");
        assertThat(Format.fitParts("8 threads, switch 5ms, 8 tasks", 12, "…")).isEqualTo("8 threads…");
    }

    @Test
    void countsInTheSingular() {
        assertThat(Format.plural(1, "thread")).isEqualTo("1 thread");
        assertThat(Format.plural(8, "thread")).isEqualTo("8 threads");
    }
}
