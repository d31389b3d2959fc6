package dev.partop.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest {

    @Test
    void quotesGroupWords() {
        assertThat(PhaseReader.shellWords("python3 -c \"sum(i*i for i in range(10))\"  'a b'c"))
                .containsExactly("python3", "-c", "sum(i*i for i in range(10))", "a bc");
        assertThat(PhaseReader.shellWords("  ")).isEmpty();
        assertThat(PhaseReader.shellWords("x ''")).containsExactly("x", "");
    }
}
