package dev.partop.view.widget;

import dev.partop.view.term.Theme;

/** The help box, over the middle of the screen. */
final class HelpOverlay {

    static final String[] LINES = {
            "partop keys",
            "",
            "  q, Ctrl-C   quit (workers stopped, terminal restored)",
            "  p, space    pause / resume the display",
            "  n           skip to the next phase",
            "  r           run the scenario again",
            "  h, ?        this help (any key closes it)",
            "",
            "lanes: one column per sample. A low-to-high block is",
            "the share of it the thread held the lock; otherwise",
            "what it did most: waiting, I/O, running, idle.",
            "parallelism = CPU time / wall time of the phase.",
    };

    private HelpOverlay() {
    }

    static void render(Canvas c) {
        int w = 0;
        for (String l : LINES) w = Math.max(w, l.length());
        w += 4;
        int h = LINES.length + 2;
        int col = Math.max(0, (c.width() - w) / 2);
        int row = Math.max(0, (c.height() - h) / 2);
        for (int i = 0; i < h; i++) c.text(col, row + i, " ".repeat(w), Theme.Role.TEXT);
        for (int i = 0; i < LINES.length; i++) {
            c.text(col + 2, row + 1 + i, LINES[i], i == 0 ? Theme.Role.TITLE : Theme.Role.TEXT);
        }
    }
}
