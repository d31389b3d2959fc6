package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import static dev.partop.view.widget.Format.f;

/**
 * Two rows: what runs (scenario, phase k/n, model and settings, elapsed, tasks, state), then
 * the headline figures in bold, few and big enough to read from the back of a room: cores
 * in use, parallelism, and the speed-up of the last finished phase.
 */
final class HeaderView {

    static final int ROWS = 2;

    private HeaderView() {
    }

    static void render(Canvas c, ViewState v, boolean paused, Symbols sym) {
        String ellipsis = sym.ellipsis();
        Snapshot s = v.latest();
        Snapshot s0 = v.latest();
        String right0 = s0 == null ? "" : f("  %s  t=%s", paused ? "PAUSED" : state(s0), Format.seconds(s0.t()));
        int col = c.text(0, 0, "partop ", Theme.Role.TITLE);
        // the state and the time keep their room: the title gives way, a word at a time
        col = c.text(col, 0, Format.fit(v.title(), c.width() - col - right0.length(), ellipsis), Theme.Role.TITLE);
        if (s == null) {
            c.text(0, 1, "starting: calibrating the work on one core...", Theme.Role.DIM);
            return;
        }
        c.text(Math.max(col, c.width() - right0.length()), 0, right0, paused ? Theme.Role.BAD : Theme.Role.DIM);
        int cores = s.cores().size();
        if (s.state() == RunState.CALIBRATING) {
            c.text(0, 1, "calibrating: timing the work on one core", Theme.Role.DIM);
            return;
        }
        if (s.state() == RunState.WARMING_UP) {
            c.text(0, 1, "warming up: running the phases' code, then waiting for the JIT compiler to go quiet",
                    Theme.Role.DIM);
            return;
        }
        if (s.state() != RunState.FINISHED && s.phase() == null) {
            // between calibration and the first phase: not "all 0 phases done"
            c.text(0, 1, "starting the first phase", Theme.Role.DIM);
            return;
        }
        if (s.state() == RunState.FINISHED) {
            col = c.text(0, 1, s.results().size() == 1 ? "the phase is done" : f("all %d phases done", s.results().size()), Theme.Role.HEADLINE);
            PhaseResult best = null;
            for (PhaseResult r : s.results()) {
                if (r.speedup() != null && (best == null || r.speedup() > best.speedup())) best = r;
            }
            // "best" is about speed; where the scenario is about latency or cost it would mislead
            if (best != null && v.figures().get(0).equals("speedup")) {
                col = c.text(col, 1, f("   best: %s %.2fx", best.name(), best.speedup()), Theme.Role.HEADLINE);
            }
            double others = 0;
            for (PhaseResult r : s.results()) if (r.disturbed()) others = Math.max(others, r.otherCpu());
            // the verdict is only as good as the machine was quiet
            if (others > 0) c.text(col, 1, f("   disturbed: other programs took up to %.1f cores", others), Theme.Role.BAD);
            return;
        }
        // the headline numbers first: on a narrow screen the details give way, whole parts at a time
        int w = c.width();
        String phase = f("phase %d/%d ", s.phaseIndex() + 1, s.phaseCount());
        CpuLimit limit = AllowedCores.limit(v);
        // under a quota or a cpuset, "of N" is what partop may use, and the detail says why
        String coresText = limit != null && limit.limited()
                ? f("%.2f %s", s.coresBusy(), AllowedCores.of(s, limit)) : f("cores %.2f of %d", s.coresBusy(), cores);
        String limitText = limit == null || limit.describe().isEmpty() ? "" : "(" + limit.describe() + ")";
        String par = f("parallelism %.2f", s.parallelism());
        String tasks = f("tasks %d/%d  %s", s.tasksDone(), s.tasksTotal(), Format.seconds(s.phaseElapsed()));
        String name = Format.fit(s.phase().name(), Math.max(0, w - phase.length() - coresText.length() - 2), ellipsis);
        col = c.text(0, 1, phase, Theme.Role.TEXT);
        col = c.text(col, 1, name, Theme.Role.HEADLINE);
        col = c.text(col + 2, 1, coresText, Theme.Role.HEADLINE);
        if (!limitText.isEmpty() && col + 1 + limitText.length() + 2 + par.length() <= w) {
            col = c.text(col + 1, 1, limitText, limit.unknown() != null ? Theme.Role.BAD : Theme.Role.DIM);
        }
        if (col + 2 + par.length() <= w) col = c.text(col + 2, 1, par, Theme.Role.HEADLINE);
        if (col + 2 + tasks.length() <= w) col = c.text(col + 2, 1, tasks, Theme.Role.TEXT);
        String model = s.phase().model() + (s.phase().runtime() == null || PhaseResult.MODEL.equals(s.phase().runtime())
                ? "" : " in " + s.phase().runtime());
        String settings = Format.fitParts(s.phase().settings(), w - col - 5 - model.length(), ellipsis);
        if (!settings.isEmpty()) c.text(col + 2, 1, f("[%s: %s]", model, settings), Theme.Role.DIM);
        else if (col + 4 + model.length() <= w) c.text(col + 2, 1, "[" + model + "]", Theme.Role.DIM);
    }

    static String state(Snapshot s) {
        return switch (s.state()) {
            case CALIBRATING -> "calibrating";
            case WARMING_UP -> "warming up";
            case PREPARING -> "starting workers";
            case RUNNING -> "running";
            case FINISHED -> "finished";
        };
    }
}
