package dev.partop.headless;

import dev.partop.sink.SnapshotSink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.Json;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.ProcessFold;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code --json}: JSON Lines on stdout, one object per line with a {@code type}: one
 * {@code header}, a {@code sample} per tick, a {@code phase} as each phase ends, and a last
 * {@code summary} with every phase (speed-ups final).
 */
public final class JsonLinesPrinter implements SnapshotSink {

    private final PrintStream out;
    private final ObjectMapper json = Json.mapper();
    private int phasesPrinted;
    private boolean summaryPrinted;

    public JsonLinesPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void header(RunHeader h) {
        ObjectNode o = json.createObjectNode();
        o.put("type", "header");
        o.put("partop_version", h.partopVersion());
        o.put("java_version", h.javaVersion());
        o.put("os", h.os());
        o.set("cores", json.valueToTree(h.machine()));
        o.put("scenario", h.scenarioName());
        o.put("source", h.scenarioSource());
        ObjectNode cal = o.putObject("calibration");
        cal.put("ops_per_second", h.opsPerSecond());
        cal.put("took_ms", h.calibrationMs());
        if (!h.pythonsOrNone().isEmpty()) o.set("pythons", json.valueToTree(h.pythonsOrNone()));
        if (h.warmup() != null) {
            ObjectNode warm = o.putObject("warmup");
            warm.put("did", h.warmup());
            warm.put("took_ms", h.warmupMs());
        }
        o.put("interval_s", h.intervalS());
        o.set("phases", json.valueToTree(h.phases()));
        print(o);
    }

    @Override
    public void snapshot(Snapshot s) {
        if (s.results().size() < phasesPrinted) phasesPrinted = 0; // restarted
        print(sample(s));
        List<PhaseResult> results = s.results();
        for (; phasesPrinted < results.size(); phasesPrinted++) {
            ObjectNode o = json.createObjectNode();
            o.put("type", "phase");
            o.setAll(phase(results.get(phasesPrinted)));
            print(o);
        }
        if (s.state() == RunState.FINISHED && !summaryPrinted) {
            summaryPrinted = true;
            print(summary(s.results()));
        }
    }

    private ObjectNode sample(Snapshot s) {
        ObjectNode o = json.createObjectNode();
        o.put("type", "sample");
        o.put("seq", s.seq());
        o.put("t", round(s.t(), 3));
        o.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("phase", s.phase() == null ? null : s.phase().name());
        o.put("model", s.phase() == null ? null : s.phase().model());
        o.put("phase_elapsed_s", round(s.phaseElapsed(), 3));
        ArrayNode busy = o.putArray("busy");
        for (CoreSample c : s.cores()) busy.add(round(c.busy() * 100, 1));
        o.put("cores_busy", round(s.coresBusy(), 3));
        o.put("parallelism", round(s.parallelism(), 3));
        o.put("cpu_s", round(s.phaseCpu(), 3));
        o.put("tasks_done", s.tasksDone());
        o.put("tasks_total", s.tasksTotal());
        // written straight from the records when the line is (not built as a tree first): a real
        // program's lanes are many, and this line is written four times a second
        o.putPOJO("lanes", s.lanes());
        // a real program of many threads: also folded by process, as the dashboard shows it
        if (ProcessFold.folds(s.lanes())) o.putPOJO("groups", ProcessFold.of(s.lanes()));
        o.set("holders", json.valueToTree(s.holders()));
        ObjectNode stats = json.valueToTree(s.stats());
        stats.properties().removeIf(e -> e.getValue().isNull());
        o.set("stats", stats);
        o.set("self", json.valueToTree(s.self()));
        if (s.problem() != null) o.put("problem", s.problem());
        return o;
    }

    /** A phase result with its model counters ({@code lock}, {@code io}, ...) at the top level. */
    public static ObjectNode phase(PhaseResult r) {
        ObjectMapper json = Json.mapper();
        ObjectNode o = json.valueToTree(r);
        o.remove("stats");
        o.put("runtime", r.runtimeLabel());
        if (r.stats() != null) {
            ObjectNode stats = json.valueToTree(r.stats());
            stats.properties().forEach(e -> {
                if (!e.getValue().isNull()) o.set(e.getKey(), e.getValue());
            });
        }
        return o;
    }

    /** The {@code summary} object: every phase, in order. */
    public static ObjectNode summary(List<PhaseResult> results) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("type", "summary");
        ArrayNode phases = o.putArray("phases");
        for (PhaseResult r : results) phases.add(phase(r));
        return o;
    }

    private void print(ObjectNode o) {
        try {
            out.println(json.writeValueAsString(o));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
