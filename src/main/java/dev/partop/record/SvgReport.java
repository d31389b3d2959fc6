package dev.partop.record;

import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PhaseStatus;
import dev.partop.snapshot.RunHeader;

import java.util.List;
import java.util.Map;

/**
 * A run as one static picture for a 16:9 slide (1280x720): the machine's busy cores over the
 * whole run with the phases as named bands, lock hand-overs per second on the same time axis,
 * each phase's speed-up as a bar (the results table's numbers), and a fifth of a second of the
 * lock passing between the first lanes of the first phase that had one.
 */
public final class SvgReport {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    private static final double LEFT = 72;
    private static final double RIGHT = 1248;
    private static final double CORES_TOP = 100;
    private static final double CORES_BOTTOM = 350;
    private static final double LOCK_TOP = 392;
    private static final double LOCK_BOTTOM = 462;
    private static final double LOWER_TOP = 530;
    private static final double LOWER_BOTTOM = 704;
    /** The holder strip's stretch: a few switch intervals, wide enough to see who had it. */
    static final double HOLD_WINDOW_S = 0.2;

    private final RunTimeline run;
    private final Theme th;
    private final SvgWriter svg = new SvgWriter(WIDTH, HEIGHT);
    private final double t0;
    private final double t1;

    private SvgReport(RunTimeline run, Theme theme) {
        this.run = run;
        this.th = theme;
        this.t0 = run.start();
        this.t1 = Math.max(run.end(), t0 + 1e-3);
    }

    public static String render(RunTimeline run, Theme theme) {
        return new SvgReport(run, theme).draw();
    }

    private String draw() {
        RunHeader h = run.header();
        svg.element("rect", "width", WIDTH, "height", HEIGHT, "fill", th.background);
        svg.text("text", h.scenarioName(), "x", 32, "y", 38, "font-size", 24, "font-weight", "bold", "fill", th.text);
        svg.text("text", ResultsTable.machine(h.machine()) + " · partop " + h.partopVersion(), "x", 32, "y", 62,
                "font-size", 14, "fill", th.muted);
        bands();
        cores(h.machine().logical());
        handovers();
        speedups();
        holders();
        return svg.finish();
    }

    private double x(double t) {
        return LEFT + (t - t0) / (t1 - t0) * (RIGHT - LEFT);
    }

    /** The phases as alternating bands behind both time panels, named at the top. */
    private void bands() {
        List<RunTimeline.Band> bands = run.bands();
        for (int i = 0; i < bands.size(); i++) {
            RunTimeline.Band b = bands.get(i);
            double x0 = x(b.start());
            double w = Math.max(1, x(b.end()) - x0);
            svg.element("rect", "x", x0, "y", CORES_TOP, "width", w, "height", LOCK_BOTTOM - CORES_TOP,
                    "fill", i % 2 == 0 ? th.band : th.bandAlt);
            String label = fit(b.name(), w - 10, 15);
            if (label.isEmpty()) label = fit(String.valueOf(b.index() + 1), w - 4, 15);
            svg.open("text", "x", x0 + 6, "y", CORES_TOP + 20, "font-size", 15, "fill", th.text)
                    .text("title", b.name() + " (" + b.model() + ")").text("tspan", label).close("text");
        }
    }

    private void cores(int logical) {
        double height = CORES_BOTTOM - CORES_TOP - 30; // room for the band names above the curves
        double step = nice(logical / 4.0);
        svg.text("text", "busy cores (of " + logical + ")", "x", LEFT, "y", CORES_TOP - 10, "font-size", 15,
                "font-weight", "bold", "fill", th.text);
        legend(RIGHT, CORES_TOP - 10, new String[] {"whole machine", "the phase's threads and processes"},
                new String[] {th.busy, th.phaseCores});
        for (double c = 0; c <= logical + 1e-9; c += step) {
            double y = CORES_BOTTOM - c / logical * height;
            svg.element("line", "x1", LEFT, "x2", RIGHT, "y1", y, "y2", y, "stroke", th.grid, "stroke-width", 1);
            svg.text("text", SvgWriter.number(c), "x", LEFT - 8, "y", y + 5, "font-size", 13, "fill", th.muted,
                    "text-anchor", "end");
        }
        List<RunTimeline.Point> points = thin(run.points());
        if (points.isEmpty()) return;
        StringBuilder area = new StringBuilder("M").append(p(x(points.get(0).t()), CORES_BOTTOM));
        StringBuilder phase = new StringBuilder();
        boolean inPhase = false;
        for (RunTimeline.Point pt : points) {
            double busyY = CORES_BOTTOM - Math.min(pt.busy(), logical) / logical * height;
            area.append(" L").append(p(x(pt.t()), busyY));
            if (pt.phase() >= 0) {
                double y = CORES_BOTTOM - Math.min(pt.phaseCores(), logical) / logical * height;
                phase.append(inPhase ? " L" : " M").append(p(x(pt.t()), y));
            }
            inPhase = pt.phase() >= 0;
        }
        area.append(" L").append(p(x(points.get(points.size() - 1).t()), CORES_BOTTOM)).append(" Z");
        svg.element("path", "d", area, "fill", th.busy, "fill-opacity", 0.3, "stroke", th.busy, "stroke-width", 2);
        if (phase.length() > 0) {
            svg.element("path", "d", phase.toString().strip(), "fill", "none", "stroke", th.phaseCores,
                    "stroke-width", 2, "stroke-dasharray", "6 3");
        }
    }

    private void handovers() {
        svg.text("text", "lock hand-overs per second", "x", LEFT, "y", LOCK_TOP - 10, "font-size", 15,
                "font-weight", "bold", "fill", th.text);
        List<RunTimeline.Point> points = thin(run.points());
        double max = 0;
        for (RunTimeline.Point pt : points) if (!Double.isNaN(pt.handovers())) max = Math.max(max, pt.handovers());
        svg.element("line", "x1", LEFT, "x2", RIGHT, "y1", LOCK_BOTTOM, "y2", LOCK_BOTTOM, "stroke", th.grid);
        timeAxis();
        if (max == 0) {
            svg.text("text", "no phase passed a lock", "x", (LEFT + RIGHT) / 2, "y", (LOCK_TOP + LOCK_BOTTOM) / 2 + 5,
                    "font-size", 14, "fill", th.muted, "text-anchor", "middle");
            return;
        }
        double top = nice(max);
        svg.text("text", SvgWriter.number(top), "x", LEFT - 8, "y", LOCK_TOP + 5, "font-size", 13, "fill", th.muted,
                "text-anchor", "end");
        svg.element("line", "x1", LEFT, "x2", RIGHT, "y1", LOCK_TOP, "y2", LOCK_TOP, "stroke", th.grid,
                "stroke-dasharray", "2 3");
        StringBuilder d = new StringBuilder();
        double prevX = 0;
        boolean open = false;
        for (RunTimeline.Point pt : points) {
            if (Double.isNaN(pt.handovers())) {
                if (open) d.append(" L").append(p(prevX, LOCK_BOTTOM)).append(" Z");
                open = false;
                continue;
            }
            double xx = x(pt.t());
            double y = LOCK_BOTTOM - pt.handovers() / top * (LOCK_BOTTOM - LOCK_TOP);
            if (!open) d.append(" M").append(p(xx, LOCK_BOTTOM));
            d.append(" L").append(p(xx, y));
            prevX = xx;
            open = true;
        }
        if (open) d.append(" L").append(p(prevX, LOCK_BOTTOM)).append(" Z");
        svg.element("path", "d", d.toString().strip(), "fill", th.handovers, "fill-opacity", 0.3, "stroke", th.handovers,
                "stroke-width", 1.5);
    }

    private void timeAxis() {
        double step = nice((t1 - t0) / 8);
        for (double s = 0; s <= t1 - t0 + 1e-9; s += step) {
            svg.text("text", SvgWriter.number(s) + " s", "x", x(t0 + s), "y", LOCK_BOTTOM + 20, "font-size", 13,
                    "fill", th.muted, "text-anchor", s == 0 ? "start" : "middle");
        }
    }

    /** One bar per phase, labelled with the results table's own figure. */
    private void speedups() {
        List<PhaseResult> results = run.results();
        svg.text("text", "speed-up (baseline's wall time / phase's)", "x", 32, "y", LOWER_TOP - 12, "font-size", 15,
                "font-weight", "bold", "fill", th.text);
        if (results.isEmpty()) return;
        double max = 1;
        for (PhaseResult r : results) if (r.speedup() != null) max = Math.max(max, r.speedup());
        double row = Math.min(30, (LOWER_BOTTOM - LOWER_TOP) / results.size());
        double font = Math.min(15, row * 0.6);
        double barX = 290;
        double barMax = 250;
        for (int i = 0; i < results.size(); i++) {
            PhaseResult r = results.get(i);
            double y = LOWER_TOP + i * row;
            svg.open("text", "x", 32, "y", y + row * 0.65, "font-size", font, "fill", th.text)
                    .text("title", r.name() + " (" + r.model() + ", " + r.settings() + ")")
                    .text("tspan", fit((i + 1) + "  " + r.name(), barX - 44, font)).close("text");
            double w = r.speedup() == null ? 0 : r.speedup() / max * barMax;
            svg.element("rect", "x", barX, "y", y + row * 0.15, "width", Math.max(w, 1), "height", row * 0.7,
                    "fill", th.bar, "rx", 2);
            String label = ResultsTable.speedup(r) + (r.status() == PhaseStatus.OK ? "" : " " + r.status().json());
            svg.text("text", label, "x", barX + w + 8, "y", y + row * 0.65, "font-size", font, "fill", th.text,
                    "font-weight", "bold");
        }
        double one = barX + barMax / max;
        svg.element("line", "x1", one, "x2", one, "y1", LOWER_TOP, "y2", LOWER_TOP + results.size() * row,
                "stroke", th.muted, "stroke-dasharray", "3 3");
    }

    /** The first lanes of the first phase with a lock, over a fifth of a second: who had it when. */
    private void holders() {
        double left = 720;
        double right = RIGHT;
        double[] window = run.holderWindow(HOLD_WINDOW_S);
        if (window == null) {
            svg.text("text", "who held the lock", "x", left, "y", LOWER_TOP - 12, "font-size", 15,
                    "font-weight", "bold", "fill", th.text);
            svg.text("text", "no phase used a lock", "x", left, "y", LOWER_TOP + 24, "font-size", 14, "fill", th.muted);
            return;
        }
        String phase = "";
        for (RunTimeline.Band b : run.bands()) if (b.start() <= window[0] && window[0] <= b.end()) phase = b.name();
        svg.open("text", "x", left, "y", LOWER_TOP - 12, "font-size", 15, "font-weight", "bold", "fill", th.text)
                .text("tspan", fit("who held the lock: " + Math.round((window[1] - window[0]) * 1000) + " ms of "
                        + phase, right - left, 15)).close("text");
        Map<Integer, String> names = run.laneNames();
        int lanes = RunTimeline.LANES;
        double row = (LOWER_BOTTOM - 24 - LOWER_TOP) / lanes;
        double stripLeft = left + 44;
        double span = window[1] - window[0];
        for (int lane = 0; lane < lanes; lane++) {
            double y = LOWER_TOP + lane * row;
            svg.text("text", names.getOrDefault(lane, "T" + (lane + 1)), "x", left, "y", y + row * 0.65,
                    "font-size", 14, "fill", th.text);
            svg.element("rect", "x", stripLeft, "y", y + row * 0.2, "width", right - stripLeft, "height", row * 0.6,
                    "fill", th.band);
        }
        for (RunTimeline.Hold hold : run.holds()) {
            if (hold.end() < window[0] || hold.start() > window[1]) continue;
            double a = stripLeft + (Math.max(hold.start(), window[0]) - window[0]) / span * (right - stripLeft);
            double b = stripLeft + (Math.min(hold.end(), window[1]) - window[0]) / span * (right - stripLeft);
            svg.element("rect", "x", a, "y", LOWER_TOP + hold.lane() * row + row * 0.2, "width", Math.max(b - a, 0.5),
                    "height", row * 0.6, "fill", th.lane(hold.lane()));
        }
        double tickStep = nice(span * 1000 / 4);
        for (double ms = 0; ms <= span * 1000 + 1e-9; ms += tickStep) {
            svg.text("text", "+" + SvgWriter.number(ms) + " ms", "x", stripLeft + ms / 1000 / span * (right - stripLeft),
                    "y", LOWER_BOTTOM, "font-size", 12, "fill", th.muted,
                    "text-anchor", ms == 0 ? "start" : ms + tickStep > span * 1000 + 1e-9 ? "end" : "middle");
        }
        if (run.holdsDropped() > 0) {
            svg.text("text", run.holdsDropped() + " holds not kept", "x", right, "y", LOWER_TOP - 12, "font-size", 12,
                    "fill", th.muted, "text-anchor", "end");
        }
    }

    private void legend(double right, double y, String[] labels, String[] colours) {
        double x = right;
        for (int i = labels.length - 1; i >= 0; i--) {
            x -= labels[i].length() * 13 * 0.55;
            svg.text("text", labels[i], "x", x, "y", y, "font-size", 13, "fill", th.muted);
            x -= 22;
            svg.element("rect", "x", x, "y", y - 10, "width", 14, "height", 10, "fill", colours[i]);
            x -= 18;
        }
    }

    /** At most one point per two pixels: a long run stays a small file. */
    private static List<RunTimeline.Point> thin(List<RunTimeline.Point> points) {
        int keep = (int) ((RIGHT - LEFT) / 2);
        if (points.size() <= keep) return points;
        int every = (points.size() + keep - 1) / keep;
        java.util.ArrayList<RunTimeline.Point> out = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i += every) {
            List<RunTimeline.Point> group = points.subList(i, Math.min(points.size(), i + every));
            double busy = 0;
            double phase = 0;
            double hand = 0;
            for (RunTimeline.Point pt : group) {
                busy += pt.busy();
                phase += pt.phaseCores();
                hand += pt.handovers();
            }
            RunTimeline.Point last = group.get(group.size() - 1);
            int n = group.size();
            out.add(new RunTimeline.Point(last.t(), busy / n, phase / n, last.phase(), hand / n));
        }
        return out;
    }

    /** {@code text} cut at a word to fit {@code width} pixels at {@code font}; empty if not even a word fits. */
    static String fit(String text, double width, double font) {
        int chars = (int) (width / (font * 0.56));
        if (text.length() <= chars) return text;
        int cut = text.lastIndexOf(' ', chars - 1);
        return cut <= 0 ? "" : text.substring(0, cut).stripTrailing() + "…";
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double nice(double v) {
        if (v <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v - 1e-12) return m * p;
        return 10 * p;
    }

    private static String p(double x, double y) {
        return SvgWriter.number(x) + "," + SvgWriter.number(y);
    }
}
