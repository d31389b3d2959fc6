package dev.partop.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partop.snapshot.Json;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A run as one interactive page: the same charts as {@link SvgReport}, with zoom (drag across a
 * time chart; double-click for the whole run) and values under the cursor. Everything is inside
 * the file: the charting library, its style and the run's data as JSON, so it opens offline and
 * makes no network request.
 *
 * <p>The charts are uPlot 1.6.30, not ECharts 5.3.1 (both are on offer as webjars): the page
 * needs line and area charts over time with a drag-to-zoom x axis, a cursor synced between
 * charts, a live legend and a canvas to draw bands and lock holds on, all of which uPlot does;
 * its minified script is 50 KB against ECharts' 1,016 KB, and it is copied into every page,
 * so a report stays about 100 KB instead of over a megabyte (and only that file goes into
 * partop.jar, see the pom's shade filter).
 */
public final class HtmlReport {

    /** The webjar's files; the version is the pom's {@code org.webjars.npm:uplot}. */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private HtmlReport() {
    }

    public static String render(RunTimeline run, Theme theme) {
        String script = resource(UPLOT + "uPlot.iife.min.js");
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("the charting script cannot be inlined: it contains </script");
        }
        String page = resource("dev/partop/record/report.html");
        page = once(page, "/*TITLE*/", SvgWriter.escape(run.header().scenarioName()) + " · partop report");
        page = once(page, "/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"));
        page = once(page, "/*THEME*/", css(theme));
        page = once(page, "/*DATA*/", data(run, theme));
        return once(page, "/*UPLOT_JS*/", script);
    }

    private static String css(Theme th) {
        return "--bg: " + th.background + "; --fg: " + th.text + "; --muted: " + th.muted + "; --grid: " + th.grid
                + "; --band: " + th.band + "; --band-alt: " + th.bandAlt + "; --busy: " + th.busy + "; --phase: "
                + th.phaseCores + "; --lock: " + th.handovers + "; --bar: " + th.bar + "; --lanes: "
                + String.join(" ", th.lanes) + "; --select: " + th.grid + "80;";
    }

    /** The run as the page's JSON; times in seconds from the first sample. */
    static String data(RunTimeline run, Theme theme) {
        RunHeader h = run.header();
        double t0 = run.start();
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("title", h.scenarioName());
        d.put("machine", ResultsTable.machine(h.machine()) + " · partop " + h.partopVersion());
        d.put("theme", theme.name());
        d.put("cores", h.machine().logical());
        ArrayNode t = d.putArray("t");
        ArrayNode busy = d.putArray("busy");
        ArrayNode phase = d.putArray("phase");
        ArrayNode handovers = d.putArray("handovers");
        for (RunTimeline.Point p : run.points()) {
            t.add(round(p.t() - t0, 3));
            busy.add(round(p.busy(), 3));
            if (p.phase() < 0) phase.addNull();
            else phase.add(round(p.phaseCores(), 3));
            if (Double.isNaN(p.handovers())) handovers.addNull();
            else handovers.add(round(p.handovers(), 1));
        }
        ArrayNode bands = d.putArray("bands");
        for (RunTimeline.Band b : run.bands()) {
            bands.addObject().put("name", b.name()).put("model", b.model())
                    .put("start", round(b.start() - t0, 3)).put("end", round(b.end() - t0, 3));
        }
        ArrayNode results = d.putArray("results");
        for (PhaseResult r : run.results()) {
            results.addObject().put("name", r.name()).put("model", r.model()).put("settings", r.settings())
                    .put("speedup", ResultsTable.speedup(r)).put("value", r.speedup())
                    .put("wall", String.format(Locale.ROOT, "%.2f s", r.wallS()))
                    .put("cpu", String.format(Locale.ROOT, "%.2f s", r.cpuS()))
                    .put("parallelism", String.format(Locale.ROOT, "%.2f", r.parallelism()))
                    .put("status", r.status().json());
        }
        Map<Integer, String> names = run.laneNames();
        ArrayNode lanes = d.putArray("lanes");
        for (int i = 0; i < RunTimeline.LANES; i++) lanes.add(names.getOrDefault(i, "T" + (i + 1)));
        ArrayNode holds = d.putArray("holds");
        for (RunTimeline.Hold hold : run.holds()) {
            holds.addArray().add(hold.lane()).add(round(hold.start() - t0, 4)).add(round(hold.end() - t0, 4));
        }
        double[] window = run.holderWindow(SvgReport.HOLD_WINDOW_S);
        if (window != null) d.putArray("window").add(round(window[0] - t0, 4)).add(round(window[1] - t0, 4));
        d.put("holds_dropped", run.holdsDropped());
        try {
            // inside <script>, a phase named "</script>" must not end it
            return Json.mapper().writeValueAsString(d).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    private static String once(String page, String placeholder, String value) {
        int at = page.indexOf(placeholder);
        if (at < 0) throw new IllegalStateException("report template has no " + placeholder);
        return page.substring(0, at) + value + page.substring(at + placeholder.length());
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("partop.jar lacks " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
