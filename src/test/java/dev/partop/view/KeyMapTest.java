package dev.partop.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import static dev.partop.view.KeyMap.Action.*;
import static org.assertj.core.api.Assertions.assertThat;

class KeyMapTest {

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void theKeysTheHelpScreenLists() {
        assertThat(KeyMap.of(key('q'), false, false)).isEqualTo(QUIT);
        assertThat(KeyMap.of(key('Q'), false, false)).isEqualTo(QUIT);
        assertThat(KeyMap.of(new KeyStroke('c', true, false), false, false)).isEqualTo(QUIT);
        assertThat(KeyMap.of(key('p'), false, false)).isEqualTo(TOGGLE_PAUSE);
        assertThat(KeyMap.of(key(' '), false, false)).isEqualTo(TOGGLE_PAUSE);
        assertThat(KeyMap.of(key('n'), false, false)).isEqualTo(SKIP_PHASE);
        assertThat(KeyMap.of(key('r'), false, false)).isEqualTo(RESTART);
        assertThat(KeyMap.of(key('h'), false, false)).isEqualTo(SHOW_HELP);
        assertThat(KeyMap.of(key('?'), false, false)).isEqualTo(SHOW_HELP);
        assertThat(KeyMap.of(key('x'), false, false)).isEqualTo(NONE);
        assertThat(KeyMap.of(new KeyStroke(KeyType.EOF), false, false)).isEqualTo(QUIT);
    }

    @Test
    void helpClosesOnAnyKeyButQuit() {
        assertThat(KeyMap.of(key('n'), true, false)).isEqualTo(CLOSE_HELP);
        assertThat(KeyMap.of(new KeyStroke(KeyType.Escape), true, false)).isEqualTo(CLOSE_HELP);
        assertThat(KeyMap.of(key('q'), true, false)).isEqualTo(QUIT);
    }

    @Test
    void arrowsStepOnlyInAReplay() {
        assertThat(KeyMap.of(new KeyStroke(KeyType.ArrowLeft), false, true)).isEqualTo(STEP_BACK);
        assertThat(KeyMap.of(key('.'), false, true)).isEqualTo(STEP_FORWARD);
        assertThat(KeyMap.of(new KeyStroke(KeyType.ArrowLeft), false, false)).isEqualTo(NONE);
        assertThat(KeyMap.of(key(','), false, false)).isEqualTo(NONE);
    }
}
