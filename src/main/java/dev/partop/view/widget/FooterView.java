package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.SelfStats;
import dev.partop.snapshot.Snapshot;

import static dev.partop.view.widget.Format.f;

/** The last row: the keys, and what partop itself costs (its own CPU, frames, bytes). */
final class FooterView {

    private FooterView() {
    }

    static void render(Canvas c, Snapshot s, boolean replay) {
        int x = 0;
        String[][] keys = replay
                ? new String[][]{{"q", "quit"}, {"p", "pause"}, {"←→", "step"}, {"n", "next phase"}, {"h", "help"}}
                : new String[][]{{"q", "quit"}, {"p", "pause"}, {"n", "next phase"}, {"r", "restart"}, {"h", "help"}};
        for (String[] k : keys) {
            x = c.text(x, 0, k[0], Theme.Role.KEY);
            x = c.text(x, 0, " " + k[1] + "  ", Theme.Role.DIM);
        }
        if (s != null) {
            SelfStats self = s.self();
            String cost = f("partop %.1f%% cpu  %.1f fps  %s/s", self.cpu() * 100, self.fps(),
                    Format.bytes(self.bytesPerSecond()));
            c.text(Math.max(x, c.width() - cost.length()), 0, cost, Theme.Role.DIM);
            // partop's own trouble takes the place of its cost: the terminal is ours, stderr is not seen
            if (s.problem() != null) c.text(x, 0, "! " + s.problem(), Theme.Role.BAD);
        }
    }
}
