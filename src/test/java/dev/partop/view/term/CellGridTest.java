package dev.partop.view.term;

import dev.partop.view.term.Theme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellGridTest {

    @Test
    void textIsCutAtTheLimitAndControlCharactersCannotReachTheTerminal() {
        CellGrid g = new CellGrid(10, 2);
        g.put(2, 0, "abc\u001b[2Jdefghij", Theme.Role.TEXT, 8);
        assertThat(g.text()).isEqualTo("  abc?[2\n\n");
        assertThat(g.roleAt(2, 0)).isEqualTo(Theme.Role.TEXT);
    }

    @Test
    void aDoubleWidthCharacterTakesTwoCellsOrBecomesASpace() {
        CellGrid g = new CellGrid(6, 1);
        g.put(0, 0, "a漢b", Theme.Role.TITLE, 6);
        assertThat(g.charAt(1, 0)).isEqualTo('漢');
        assertThat(g.charAt(2, 0)).isEqualTo(CellGrid.PAD);
        assertThat(g.text()).isEqualTo("a漢b\n");
        g.clear();
        g.put(4, 0, "x漢", Theme.Role.TEXT, 6);
        assertThat(g.text()).isEqualTo("    x\n");
    }

    @Test
    void symbolsAreSingleWidth() {
        CellGrid g = new CellGrid(4, 1);
        g.put(0, 0, "█▒⣿─", Theme.Role.USER, 4);
        assertThat(g.text()).isEqualTo("█▒⣿─\n");
    }
}
