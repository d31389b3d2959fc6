package dev.partop.view.widget;

import dev.partop.view.term.Theme;

import dev.partop.snapshot.IoStats;
import dev.partop.snapshot.LockStats;
import dev.partop.snapshot.LoopStats;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.ObservedGil;
import dev.partop.snapshot.ProcessStats;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

import static dev.partop.view.widget.Format.f;

/** The current phase's model counters: only what the model has (lock, I/O, workers, loop). */
final class ModelPanelView {

    private ModelPanelView() {
    }

    static List<String> lines(Snapshot s) {
        List<String> out = new ArrayList<>();
        if (s == null || s.phase() == null) return out;
        ModelStats m = s.stats();
        double e = Math.max(s.phaseElapsed(), 1e-9);
        LockStats l = m.lock();
        if (l != null) {
            out.add(l.locks() == 1 ? "lock" : f("%d locks", l.locks()));
            out.add(f(" switches/s  %8.0f", l.switchesPerS()));
            out.add(f(" acquired/s  %8.0f", l.acquisitions() / e));
            out.add(f(" contended   %7.0f%%", l.acquisitions() == 0 ? 0.0 : 100.0 * l.contended() / l.acquisitions()));
            out.add(f(" drop reqs   %8d", l.dropRequests()));
            out.add(f(" wait total  %8s", Format.seconds(l.waitS())));
            out.add(f(" wait max    %6.1fms", l.maxWaitMs()));
            out.add(f(" held        %7.0f%%", l.heldFraction() * 100));
            if (l.futileWakeups() > 0) out.add(f(" futile wake %8d", l.futileWakeups()));
        }
        if (m.gils() != null) gils(out, m.gils());
        IoStats io = m.io();
        if (io != null) {
            out.add("I/O");
            out.add(f(" ops         %8d", io.ops()));
            out.add(f(" mean        %6.2fms", io.latencyMsMean()));
            out.add(f(" p95         %6.2fms", io.latencyMsP95()));
            out.add(f(" max         %6.2fms", io.latencyMsMax()));
        }
        ProcessStats p = m.processes();
        if (p != null) {
            out.add("workers");
            out.add(f(" workers     %8d", p.workers()));
            out.add(f(" start-up    %6.0fms", p.startupMsMean()));
            out.add(f(" start max   %6.0fms", p.startupMsMax()));
            out.add(f(" IPC msgs    %8d", p.ipcMessages()));
            out.add(f(" IPC bytes %10s", Format.bytes(p.ipcBytes())));
        }
        LoopStats lp = m.loop();
        if (lp != null) {
            out.add("event loop");
            out.add(f(" iterations  %8d", lp.iterations()));
            out.add(f(" ready       %8d", lp.ready()));
            out.add(f(" lag mean    %6.2fms", lp.lagMsMean()));
            out.add(f(" lag max     %6.1fms", lp.lagMsMax()));
        }
        out.add("phase");
        out.add(f(" cpu         %8s", Format.seconds(s.phaseCpu())));
        out.add(f(" wall        %8s", Format.seconds(s.phaseElapsed())));
        return out;
    }

    /** Real CPython GILs, read from the processes' memory (observed): at most three, then a count. */
    private static void gils(List<String> out, List<ObservedGil> gils) {
        if (gils.isEmpty()) {
            out.add("GIL");
            out.add(" no CPython seen");
            return;
        }
        int shown = 0;
        for (ObservedGil g : gils) {
            if (shown++ == 3) {
                out.add(f(" +%d more GILs", gils.size() - 3));
                break;
            }
            String v = g.version() == null ? "" : g.version().replace("CPython ", "");
            out.add(f("GIL %d %s", g.pid(), v));
            if (!g.readable()) {
                // "GIL not readable: why; what is shown instead", wrapped to the panel's width
                wrap(out, g.problem(), 20, 8);
                if (g.waitS() > 0) out.add(f(" wait~ %8s inferred", Format.seconds(g.waitS())));
                continue;
            }
            out.add(f(" hand-overs/s%8.0f", g.switchesPerS()));
            out.add(f(" hand-overs  %8d", g.switches()));
            out.add(f(" holder      %8s", g.holderTid() < 0 ? "?" : (g.locked() ? "" : "(") + g.holderTid()
                    + (g.locked() ? "" : ")")));
            out.add(f(" held        %7.0f%%", g.heldFraction() * 100));
            out.add(f(" wait total  %8s", Format.seconds(g.waitS())));
            out.add(f(" interval    %6.1fms", g.intervalUs() / 1000.0));
        }
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces where it can, at most {@code max} lines. */
    static void wrap(List<String> out, String text, int width, int max) {
        String rest = text.strip();
        for (int n = 0; !rest.isEmpty() && n < max; n++) {
            int cut = rest.length() <= width ? rest.length() : rest.lastIndexOf(' ', width);
            if (cut <= 0) cut = Math.min(width, rest.length());
            String line = rest.substring(0, cut).strip();
            rest = rest.substring(cut).strip();
            if (n == max - 1 && !rest.isEmpty()) line = line.substring(0, Math.min(line.length(), width - 1)) + "~";
            out.add(" " + line);
        }
    }

    static void render(Canvas c, Snapshot s) {
        List<String> lines = lines(s);
        for (int i = 0; i < lines.size() && i < c.height(); i++) {
            String line = lines.get(i);
            c.text(0, i, line, line.startsWith(" ") ? Theme.Role.TEXT : Theme.Role.TITLE);
        }
    }
}
