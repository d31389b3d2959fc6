package dev.partop.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    private static final List<String> KEYS = PhaseReader.KEYS;

    @Test
    void findsLikelyTypos() {
        assertThat(Suggestions.closest("thread", KEYS)).contains("threads");
        assertThat(Suggestions.closest("switch_interval", KEYS)).contains("switch-interval");
        assertThat(Suggestions.closest("Workload", KEYS)).contains("workload");
        assertThat(Suggestions.closest("modle", KEYS)).contains("model");
        assertThat(Suggestions.closest("interpeters", KEYS)).contains("interpreters");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.closest("x", KEYS)).isEmpty();
        assertThat(Suggestions.closest("", KEYS)).isEmpty();
    }
}
