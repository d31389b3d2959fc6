package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.PhaseFigures;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;
import dev.partop.snapshot.Snapshot;

import java.util.List;

import static dev.partop.view.widget.Format.f;

/**
 * Every finished phase: wall, CPU, parallelism, then the figures the scenario is about
 * (speed-up unless it says otherwise: round-trip latency for the convoy, cost beside threads
 * for payloads, lock switches for the GIL policies), the first of them also as a bar. The
 * numbers are the ones {@code --json} and {@code partop report} print.
 */
final class ResultsView {

    private ResultsView() {
    }

    static int wantedRows(Snapshot s) {
        return s == null || s.results().isEmpty() ? 0 : s.results().size() + 1;
    }

    static void render(Canvas c, Snapshot s, List<String> figures, Symbols sym) {
        if (s == null || c.height() < 1) return;
        List<PhaseResult> results = s.results();
        List<PhaseFigures.Column> columns = PhaseFigures.columns(figures, results);
        int figureWidth = 0;
        for (PhaseFigures.Column col : columns) figureWidth += col.width() + 1;
        // a runtime column only when a phase ran in CPython: a run of models reads as before
        boolean runtimes = false;
        for (PhaseResult r : results) runtimes |= !PhaseResult.MODEL.equals(r.runtimeLabel());
        int runtimeWidth = runtimes ? 15 : 0;
        // the names first: while the longest is cut, the columns a reader misses least go
        // (CPU seconds, which are wall times parallelism, then the model, which the name and
        // the lanes tell), then names are shortened keeping what tells them apart
        int longest = 10;
        for (PhaseResult r : results) longest = Math.max(longest, r.name().length() + 1);
        boolean cpu = true, model = true;
        // a few letters may go (at a word, the part in parentheses kept) before a column does
        int want = Math.min(28, longest) - 6;
        int fixed = 52 + figureWidth + runtimeWidth;
        if (c.width() - fixed < want) {
            cpu = false;
            fixed -= 8;
        }
        if (c.width() - fixed < want) {
            model = false;
            fixed -= 14;
        }
        // then the runtime (names that differ by it say it: "(CPython)"), then figures but the first
        if (runtimes && c.width() - fixed < want) {
            runtimes = false;
            fixed -= runtimeWidth;
        }
        while (columns.size() > 1 && c.width() - fixed < want) {
            fixed -= columns.get(columns.size() - 1).width() + 1;
            columns = columns.subList(0, columns.size() - 1);
        }
        int nameWidth = Math.max(10, Math.min(Math.max(28, Math.min(longest, 40)), c.width() - fixed));
        StringBuilder head = new StringBuilder(Format.pad("results", nameWidth)).append(model ? f(" %-13s", "model") : "")
                .append(runtimes ? " " + Format.pad("runtime", runtimeWidth - 1) : "")
                .append(f(" %7s", "wall")).append(cpu ? f(" %7s", "cpu") : "").append(f(" %6s", "par"));
        for (PhaseFigures.Column col : columns) head.append(' ').append(Format.padLeft(col.header(), col.width()));
        c.text(0, 0, head.toString(), Theme.Role.TITLE);
        PhaseFigures.Column bar = columns.isEmpty() ? null : columns.get(0);
        double best = 0;
        if (bar != null) for (Double v : bar.values()) if (v != null) best = Math.max(best, v);
        int rows = c.height() - 1;
        int first = Math.max(0, results.size() - rows);
        for (int i = first; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            int row = i - first + 1;
            String line = Format.pad(Format.shortName(r.name(), nameWidth - 1, sym.ellipsis()), nameWidth)
                    + (model ? f(" %-13s", r.model()) : "")
                    + (runtimes ? " " + Format.pad(r.runtimeLabel(), runtimeWidth - 1) : "")
                    + f(" %7s", Format.seconds(r.wallS())) + (cpu ? f(" %7s", Format.seconds(r.cpuS())) : "")
                    + f(" %6.2f", r.parallelism());
            int x = c.text(0, row, line, Theme.Role.TEXT);
            if (r.status() != PhaseStatus.OK) {
                c.text(x, row, f(" %8s  %s", r.status().json(), r.reason() == null ? "" : r.reason()), Theme.Role.BAD);
                continue;
            }
            for (PhaseFigures.Column col : columns) {
                x = c.text(x, row, " " + Format.padLeft(col.cell(i), col.width()), Theme.Role.HEADLINE);
            }
            x++;
            if (r.disturbed()) x = c.text(x, row, f("others %.1f ", r.otherCpu()), Theme.Role.BAD);
            int room = c.width() - x - 1;
            Double v = bar == null ? null : bar.values().get(i);
            if (v != null && best > 0 && room > 0) {
                c.fill(x, row, sym.user(), (int) Math.round(v / best * room), role(bar, v, i));
            }
        }
    }

    /** Green where the phase did better than the first one with the figure, red where worse. */
    private static Theme.Role role(PhaseFigures.Column bar, double v, int i) {
        Double ref = null;
        for (Double x : bar.values()) {
            if (x != null) {
                ref = x;
                break;
            }
        }
        if (bar.header().equals("speed-up")) ref = 1.0;
        if (ref == null || ref == 0) return Theme.Role.TEXT;
        double ratio = v / ref;
        if (bar.lowerIsBetter()) ratio = 1 / Math.max(ratio, 1e-9);
        return ratio >= 1.05 ? Theme.Role.GOOD : ratio < 0.95 ? Theme.Role.BAD : Theme.Role.TEXT;
    }
}
