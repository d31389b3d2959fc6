package dev.partop.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void readsEveryUnit() {
        assertThat(Durations.parse("7ns")).isEqualTo(Duration.ofNanos(7));
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("5ms")).isEqualTo(Duration.ofMillis(5));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("3m")).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void readsDecimalsZeroAndSpaces() {
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("0.5ms")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(Durations.parse(".25s")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse(" 10 ms ")).isEqualTo(Duration.ofMillis(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "fast", "1x", "1h", "s", "1.2.3s", "ms5", "1e3ms"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. 5ms")
                .hasMessageNotContaining("\n");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> Durations.parse("5")).hasMessage("'5' has no unit; write e.g. 5s or 5ms (units: ns, us, ms, s, m)");
        assertThatThrownBy(() -> Durations.parse("-5ms")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Durations.parse("3fortnights")).hasMessageContaining("unknown unit 'fortnights'");
        assertThatThrownBy(() -> Durations.parse("99999999999999m")).hasMessageContaining("too long");
    }

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(5))).isEqualTo("5ms");
        assertThat(Durations.format(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(Durations.format(Duration.ofNanos(250_000))).isEqualTo("250us");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofNanos(12))).isEqualTo("12ns");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5ms", "1s", "250us", "1.5s", "2m", "12ns", "0", "0.5ms", "10s"})
    void formatReadsBack(String text) {
        assertThat(Durations.format(Durations.parse(text))).isEqualTo(Durations.format(Durations.parse(
                Durations.format(Durations.parse(text)))));
        assertThat(Durations.parse(Durations.format(Durations.parse(text)))).isEqualTo(Durations.parse(text));
    }
}
