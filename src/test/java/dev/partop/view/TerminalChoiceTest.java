package dev.partop.view;

import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalChoiceTest {

    @Test
    void coloursFollowTheEnvironment() {
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor"))).isEqualTo(ColorMode.TRUECOLOR);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color"))).isEqualTo(ColorMode.C256);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm"))).isEqualTo(ColorMode.C16);
        assertThat(ColorMode.detect(Map.of("TERM", "vt100"))).isEqualTo(ColorMode.C16);
        assertThat(ColorMode.detect(Map.of("TERM", "xterm-256color", "NO_COLOR", ""))).isEqualTo(ColorMode.MONO);
    }

    @Test
    void symbolsFollowTheLocale() {
        assertThat(Symbols.detect(Map.of("LANG", "C"))).isSameAs(Symbols.ASCII);
        assertThat(Symbols.detect(Map.of("LANG", "en_US.UTF-8"))).isSameAs(Symbols.UNICODE);
        assertThat(Symbols.detect(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8"))).isSameAs(Symbols.ASCII);
        assertThat(Symbols.detect(Map.of())).isSameAs(Symbols.ASCII);
    }
}
