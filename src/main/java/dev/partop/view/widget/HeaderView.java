package dev.partop.view.widget;

import dev.partop.view.term.Theme;

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

    static void render(Canvas c, ViewState v, boolean paused) {
        Snapshot s = v.latest();
        int col = c.text(0, 0, "partop ", Theme.Role.TITLE);
        col = c.text(col, 0, v.title(), Theme.Role.TITLE);
        if (s == null) {
            c.text(0, 1, "starting: calibrating the work on one core...", Theme.Role.DIM);
            return;
        }
        String state = paused ? "PAUSED" : switch (s.state()) {
            case CALIBRATING -> "calibrating";
            case PREPARING -> "starting workers";
            case RUNNING -> "running";
            case FINISHED -> "finished";
        };
        String right = f("  %s  t=%s", state, Format.seconds(s.t()));
        c.text(Math.max(col + 1, c.width() - right.length()), 0, right, paused ? Theme.Role.BAD : Theme.Role.DIM);
        int cores = s.cores().size();
        if (s.state() == RunState.CALIBRATING) {
            c.text(0, 1, "calibrating: timing the work on one core", Theme.Role.DIM);
            return;
        }
        if (s.state() == RunState.FINISHED || s.phase() == null) {
            col = c.text(0, 1, f("all %d phases done", s.results().size()), Theme.Role.HEADLINE);
            PhaseResult best = null;
            for (PhaseResult r : s.results()) {
                if (r.speedup() != null && (best == null || r.speedup() > best.speedup())) best = r;
            }
            if (best != null) {
                c.text(col, 1, f("   best: %s %.2fx", best.name(), best.speedup()), Theme.Role.HEADLINE);
            }
            return;
        }
        // the headline numbers first: on a narrow screen the details are what gets cut
        col = c.text(0, 1, f("phase %d/%d ", s.phaseIndex() + 1, s.phaseCount()), Theme.Role.TEXT);
        col = c.text(col, 1, s.phase().name(), Theme.Role.HEADLINE);
        col = c.text(col + 2, 1, f("cores %.2f of %d", s.coresBusy(), cores), Theme.Role.HEADLINE);
        col = c.text(col + 2, 1, f("parallelism %.2f", s.parallelism()), Theme.Role.HEADLINE);
        col = c.text(col + 2, 1, f("tasks %d/%d  %s", s.tasksDone(), s.tasksTotal(), Format.seconds(s.phaseElapsed())),
                Theme.Role.TEXT);
        String runtime = s.phase().runtime() == null || PhaseResult.MODEL.equals(s.phase().runtime())
                ? "" : " in " + s.phase().runtime();
        c.text(col + 2, 1, f("[%s%s: %s]", s.phase().model(), runtime, s.phase().settings()), Theme.Role.DIM);
    }
}
