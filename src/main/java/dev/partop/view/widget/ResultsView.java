package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;
import dev.partop.snapshot.Snapshot;

import java.util.List;

import static dev.partop.view.widget.Format.f;

/**
 * Every finished phase: wall, CPU, parallelism, and the speed-up as a number and a bar. The
 * numbers are the ones {@code --json} and {@code partop report} print.
 */
final class ResultsView {

    private ResultsView() {
    }

    static int wantedRows(Snapshot s) {
        return s == null || s.results().isEmpty() ? 0 : s.results().size() + 1;
    }

    static void render(Canvas c, Snapshot s, Symbols sym) {
        if (s == null || c.height() < 1) return;
        List<PhaseResult> results = s.results();
        // a runtime column only when a phase ran in CPython: a run of models reads as before
        boolean runtimes = false;
        for (PhaseResult r : results) runtimes |= !PhaseResult.MODEL.equals(r.runtimeLabel());
        int runtimeWidth = runtimes ? 15 : 0;
        int nameWidth = Math.max(10, Math.min(28, c.width() - 60 - runtimeWidth));
        c.text(0, 0, Format.pad("results", nameWidth) + f(" %-13s ", "model")
                + (runtimes ? Format.pad("runtime", runtimeWidth - 1) + " " : "")
                + f("%7s %7s %6s %8s", "wall", "cpu", "par", "speed-up"), Theme.Role.TITLE);
        double best = 1;
        for (PhaseResult r : results) if (r.speedup() != null) best = Math.max(best, r.speedup());
        int rows = c.height() - 1;
        int first = Math.max(0, results.size() - rows);
        for (int i = first; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            int row = i - first + 1;
            String line = Format.pad(r.name(), nameWidth) + f(" %-13s ", r.model())
                    + (runtimes ? Format.pad(r.runtimeLabel(), runtimeWidth - 1) + " " : "")
                    + f("%7s %7s %6.2f ", Format.seconds(r.wallS()), Format.seconds(r.cpuS()), r.parallelism());
            int x = c.text(0, row, line, Theme.Role.TEXT);
            if (r.status() != PhaseStatus.OK) {
                c.text(x, row, f("%8s  %s", r.status().json(), r.reason() == null ? "" : r.reason()), Theme.Role.BAD);
                continue;
            }
            String sp = r.speedup() == null ? "       -" : f("%7.2fx", r.speedup());
            x = c.text(x, row, sp + " ", Theme.Role.HEADLINE);
            int room = c.width() - x - 1;
            if (r.speedup() != null && room > 0) {
                c.fill(x, row, sym.user(), (int) Math.round(r.speedup() / best * room), r.speedup() >= 1.05
                        ? Theme.Role.GOOD : r.speedup() < 0.95 ? Theme.Role.BAD : Theme.Role.TEXT);
            }
        }
    }
}
