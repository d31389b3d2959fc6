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
        String[][] keys = replay
                ? new String[][]{{"q", "quit"}, {"p", "pause"}, {"←→", "step"}, {"n", "next phase"}, {"h", "help"}}
                : new String[][]{{"q", "quit"}, {"p", "pause"}, {"n", "next phase"}, {"r", "restart"}, {"h", "help"}};
        String[] costs = {""};
        if (s != null) {
            SelfStats self = s.self();
            String cpu = f("%.1f%% cpu", self.cpu() * 100);
            String bytes = Format.bytes(self.bytesPerSecond()) + "/s";
            // shorter and shorter, whole figures at a time: a unit is never cut off its number
            costs = new String[]{f("partop %s  %.1f fps  %s", cpu, self.fps(), bytes), f("partop %s  %s", cpu, bytes),
                    cpu + " " + bytes, cpu, ""};
        }
        for (int shown = keys.length; shown >= 0; shown--) {
            int width = 0;
            for (int i = 0; i < shown; i++) width += keys[i][0].length() + keys[i][1].length() + 3;
            for (String cost : costs) {
                // the help key last: it says where the others are
                if (width + cost.length() <= c.width() || (shown == 0 && cost.isEmpty())) {
                    int x = 0;
                    for (int i = 0; i < shown; i++) {
                        String[] k = shown < keys.length && i == shown - 1 ? keys[keys.length - 1] : keys[i];
                        x = c.text(x, 0, k[0], Theme.Role.KEY);
                        x = c.text(x, 0, " " + k[1] + "  ", Theme.Role.DIM);
                    }
                    // partop's own trouble takes the place of its cost: the terminal is ours, stderr is not seen
                    if (s != null && s.problem() != null) c.text(x, 0, "! " + s.problem(), Theme.Role.BAD);
                    else c.text(Math.max(x, c.width() - cost.length()), 0, cost, Theme.Role.DIM);
                    return;
                }
            }
        }
    }
}
