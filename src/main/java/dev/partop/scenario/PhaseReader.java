package dev.partop.scenario;

import dev.partop.scenario.YamlNode.Entry;
import dev.partop.scenario.YamlNode.Mapping;
import dev.partop.scenario.YamlNode.Scalar;
import dev.partop.scenario.YamlNode.Sequence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of {@code phases:}: merges the scenario's {@code defaults} under it, applies the
 * per-model defaults and checks every value against its limit.
 */
final class PhaseReader {

    static final List<String> KEYS = List.of("name", "model", "threads", "workers", "interpreters", "switch-interval",
            "gil-policy", "check-interval", "timeout", "start", "workload", "command", "runtime", "python", "start-method",
            "note");
    /** What {@code defaults:} may set: everything but the phase's own name and caption. */
    static final List<String> DEFAULT_KEYS = KEYS.subList(1, KEYS.size() - 1);
    /** A caption is one line under the header: longer would be cut on an 80-column screen. */
    static final int MAX_NOTE = 200;

    static final int MAX_THREADS = 4096;
    static final int MAX_WORKERS = 512;
    static final int MAX_INTERPRETERS = 256;
    static final int MAX_CHECK_INTERVAL = 1_000_000;
    static final Duration MIN_SWITCH = Duration.ofNanos(1_000);
    static final Duration MAX_SWITCH = Duration.ofSeconds(10);
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    static final Duration DEFAULT_SWITCH = Duration.ofMillis(5);
    static final int DEFAULT_CHECK_INTERVAL = 100;
    static final int DEFAULT_INTERPRETERS = 2;
    static final List<String> START_METHODS = List.of("fork", "spawn", "forkserver");

    /** Models whose tasks each get a thread of their own unless {@code threads} says otherwise. */
    private static final Set<ModelKind> THREAD_MODELS =
            EnumSet.of(ModelKind.GIL_THREADS, ModelKind.FREE_THREADS, ModelKind.INTERPRETERS);
    /** Models that run on exactly one thread. */
    private static final Set<ModelKind> ONE_THREAD_MODELS = EnumSet.of(ModelKind.SEQUENTIAL, ModelKind.EVENT_LOOP);

    private final Values values;
    private final WorkloadReader workloads;

    PhaseReader(Values values) {
        this.values = values;
        this.workloads = new WorkloadReader(values);
    }

    /** Checks the keys of {@code defaults:} as written. */
    void checkDefaults(Mapping defaults) throws ScenarioException {
        Entry name = defaults.entries().get("name");
        if (name != null) {
            throw values.at(name, "defaults cannot set `name`; each phase names itself");
        }
        values.checkKeys(defaults, DEFAULT_KEYS);
        if (defaults.has("workload")) workloads.checkShape(defaults.get("workload"));
    }

    /**
     * One phase. Values are read and checked in the order they always were, so the first error
     * of a phase with several is the same one.
     *
     * @param raw      the phase as written
     * @param defaults the scenario's {@code defaults:}, or null
     */
    Phase read(Mapping raw, Mapping defaults) throws ScenarioException {
        String name = name(raw);
        Mapping m = merge(defaults, raw);

        ModelKind model = model(m, raw);
        Integer threadsGiven = given(m, "threads", MAX_THREADS, "threads: 8");
        Integer workersGiven = given(m, "workers", MAX_WORKERS, "workers: 4");
        Integer interpretersGiven = given(m, "interpreters", MAX_INTERPRETERS, "interpreters: 2");
        Phase.Builder phase = Phase.builder().name(name).model(model).line(raw.line())
                .switchInterval(switchInterval(m)).gilPolicy(gilPolicy(m)).checkInterval(checkInterval(m))
                .timeout(timeout(m.get("timeout"))).start(poolStart(m));
        RuntimeKind runtime = runtime(m);
        phase.runtime(runtime).python(python(m)).startMethod(startMethod(m));
        checkRuntimeKeys(raw, model, runtime);

        List<Workload> work = List.of();
        if (model == ModelKind.COMMAND) {
            phase.command(commandOfPhase(raw, m));
        } else {
            work = workloadsOfPhase(raw, m, model);
            phase.workloads(work);
        }
        int threads = threads(raw, model, threadsGiven, work);
        int interpreters = interpreters(raw, m, model, interpretersGiven, threads);
        return phase.threads(threads).workers(workers(model, workersGiven)).interpreters(interpreters)
                .note(note(raw)).build();
    }

    /** Checks the phase's keys and its workload's shape as written, then reads its name. */
    private String name(Mapping raw) throws ScenarioException {
        values.checkKeys(raw, KEYS);
        if (raw.has("workload")) workloads.checkShape(raw.get("workload"));
        if (!raw.has("name")) {
            throw values.at(raw, raw.path() + " has no `name`; give each phase one, e.g. `name: 4 free threads`");
        }
        return values.text(raw.get("name"), "name: 4 free threads");
    }

    /** A whole number from 1 to {@code max} under {@code key}; null when the phase and defaults say none. */
    private Integer given(Mapping m, String key, int max, String example) throws ScenarioException {
        return m.has(key) ? (int) values.whole(m.get(key), 1, max, example) : null;
    }

    private Duration switchInterval(Mapping m) throws ScenarioException {
        return m.has("switch-interval")
                ? values.duration(m.get("switch-interval"), MIN_SWITCH, MAX_SWITCH, "switch-interval: 5ms") : DEFAULT_SWITCH;
    }

    private GilPolicy gilPolicy(Mapping m) throws ScenarioException {
        return m.has("gil-policy") ? GilPolicy.valueOf(
                values.keyword(m.get("gil-policy"), List.of("new", "legacy"), "gil-policy: legacy").toUpperCase(Locale.ROOT))
                : GilPolicy.NEW;
    }

    private int checkInterval(Mapping m) throws ScenarioException {
        return m.has("check-interval")
                ? (int) values.whole(m.get("check-interval"), 1, MAX_CHECK_INTERVAL, "check-interval: 100")
                : DEFAULT_CHECK_INTERVAL;
    }

    private PoolStart poolStart(Mapping m) throws ScenarioException {
        return m.has("start") ? PoolStart.valueOf(values.keyword(m.get("start"), List.of("cold", "warm"),
                "start: warm").toUpperCase(Locale.ROOT)) : PoolStart.COLD;
    }

    private RuntimeKind runtime(Mapping m) throws ScenarioException {
        return m.has("runtime") ? RuntimeKind.valueOf(values.keyword(m.get("runtime"),
                List.of("model", "cpython"), "runtime: cpython").toUpperCase(Locale.ROOT)) : RuntimeKind.MODEL;
    }

    private String python(Mapping m) throws ScenarioException {
        return m.has("python") ? values.text(m.get("python"), "python: python3.12") : Phase.DEFAULT_PYTHON;
    }

    private String startMethod(Mapping m) throws ScenarioException {
        return m.has("start-method") ? values.keyword(m.get("start-method"), START_METHODS, "start-method: spawn") : null;
    }

    /** A {@code command} phase's program: it has a {@code command} and no {@code workload}. */
    private List<String> commandOfPhase(Mapping raw, Mapping m) throws ScenarioException {
        if (raw.has("workload")) {
            throw values.at(raw.entries().get("workload"),
                    "a `command` phase runs a program, not a workload; remove `workload` from " + raw.path());
        }
        if (!m.has("command")) {
            throw values.at(raw, raw.path() + " has model `command` but no `command`; add e.g. `command: python3 demo.py`");
        }
        return command(m.get("command"));
    }

    /** Any other phase's workloads: it has a {@code workload} (its own or the defaults') and no {@code command}. */
    private List<Workload> workloadsOfPhase(Mapping raw, Mapping m, ModelKind model) throws ScenarioException {
        if (raw.has("command")) {
            throw values.at(raw.entries().get("command"), "`command` is only for `model: command`; "
                    + raw.path() + " runs model '" + model.keyword() + "'");
        }
        if (!m.has("workload")) {
            throw values.at(raw, raw.path() + " has no `workload`; give it one, e.g. `workload: {tasks: 4, cpu: 1s}`,"
                    + " or set one in `defaults`");
        }
        return workloads.read(m.get("workload"));
    }

    /** Thread models: as given, else one per task; one-thread models: exactly one; the rest: as given, else one. */
    private int threads(Mapping raw, ModelKind model, Integer given, List<Workload> work) throws ScenarioException {
        if (THREAD_MODELS.contains(model)) {
            long tasks = 0;
            for (Workload w : work) tasks += w.tasks();
            return given != null ? given : (int) Math.max(1, Math.min(tasks, MAX_THREADS));
        }
        if (ONE_THREAD_MODELS.contains(model)) {
            if (raw.has("threads") && given != 1) {
                throw values.at(raw.get("threads"), "`" + model.keyword() + "` runs on one thread; remove `threads`"
                        + " from " + raw.path() + " (or use `model: free-threads`)");
            }
            return 1;
        }
        return given != null ? given : 1;
    }

    /** As given; {@code processes} defaults to one worker per core. */
    private static int workers(ModelKind model, Integer given) {
        return given != null ? given
                : model == ModelKind.PROCESSES ? Math.min(Runtime.getRuntime().availableProcessors(), MAX_WORKERS) : 0;
    }

    /** As given; {@code interpreters} defaults to two (at most one per thread) and may not exceed the threads. */
    private int interpreters(Mapping raw, Mapping m, ModelKind model, Integer given, int threads)
            throws ScenarioException {
        int interpreters = given != null ? given
                : model == ModelKind.INTERPRETERS ? Math.min(DEFAULT_INTERPRETERS, threads) : 0;
        if (model == ModelKind.INTERPRETERS && interpreters > threads) {
            throw values.at(m.get("interpreters"), "interpreters (" + interpreters + ") cannot exceed threads (" + threads
                    + ") in " + raw.path() + "; each interpreter needs at least one thread");
        }
        return interpreters;
    }

    /** The phase's own caption (never from defaults): one line the audience reads; null for none. */
    private String note(Mapping raw) throws ScenarioException {
        if (!raw.has("note")) return null;
        YamlNode n = raw.get("note");
        String note = values.text(n, "note: eight threads, one lock: one core's worth of work");
        if (note.contains("\n") || note.length() > MAX_NOTE) {
            throw values.at(n, n.path() + " is one line the audience reads, at most " + MAX_NOTE
                    + " characters; this one has " + note.length() + (note.contains("\n") ? " and several lines" : ""));
        }
        return note;
    }

    /**
     * {@code python} and {@code start-method} said on a phase where they mean nothing are
     * mistakes (from {@code defaults} they are fine: they apply where they can).
     */
    private void checkRuntimeKeys(Mapping raw, ModelKind model, RuntimeKind runtime) throws ScenarioException {
        if (runtime != RuntimeKind.CPYTHON) {
            for (String key : List.of("python", "start-method")) {
                if (raw.has(key)) {
                    throw values.at(raw.entries().get(key), "`" + key + "` is only for `runtime: cpython`; add that to "
                            + raw.path() + " or remove `" + key + "`");
                }
            }
            return;
        }
        if (model == ModelKind.COMMAND) {
            throw values.at(raw.entries().containsKey("runtime") ? raw.entries().get("runtime") : raw.entries().get("model"),
                    "a `command` phase already runs a real program; `runtime: cpython` is for workload phases ("
                            + raw.path() + ")");
        }
        if (raw.has("start-method") && model != ModelKind.PROCESSES) {
            throw values.at(raw.entries().get("start-method"), "`start-method` is only for `model: processes`; "
                    + raw.path() + " runs model '" + model.keyword() + "'");
        }
    }

    private ModelKind model(Mapping m, Mapping raw) throws ScenarioException {
        List<String> keywords = Arrays.stream(ModelKind.values()).filter(k -> k != ModelKind.WATCH)
                .map(ModelKind::keyword).toList();
        if (!m.has("model")) {
            throw values.at(raw, raw.path() + " has no `model`; add e.g. `model: free-threads` (models: "
                    + String.join(", ", keywords) + ")");
        }
        YamlNode node = m.get("model");
        String said = node instanceof Scalar s && !s.isNull() ? s.text().strip() : null;
        ModelKind kind = said == null ? null : ModelKind.fromKeyword(said);
        if (kind == ModelKind.WATCH) kind = null; // only 'partop watch PID' makes such a phase
        if (kind == null) {
            String what = said == null ? node.describe() : "'" + said + "'";
            String hint = Suggestions.closest(said, keywords).map(g -> "; did you mean '" + g + "'?").orElse("");
            throw values.at(node, "unknown model " + what + " in " + raw.path() + hint + (hint.isEmpty() ? "; " : " ")
                    + "models: " + String.join(", ", keywords));
        }
        return kind;
    }

    private Duration timeout(YamlNode node) throws ScenarioException {
        if (node == null || node instanceof Scalar s && (s.isNull() || s.text().strip().equals("none"))) return null;
        Duration d = values.duration(node, Duration.ZERO, MAX_TIMEOUT, "timeout: 30s");
        if (d.isZero()) throw values.at(node, node.path() + " must be more than 0 (or `none`), e.g. `timeout: 30s`");
        return d;
    }

    /**
     * {@code command: python3 demo.py} (split into words like a shell does, honouring quotes)
     * or {@code command: [python3, demo.py]}.
     */
    private List<String> command(YamlNode node) throws ScenarioException {
        List<String> words = new ArrayList<>();
        if (node instanceof Sequence list) {
            for (YamlNode item : list.items()) words.add(values.text(item, "- python3"));
        } else if (node instanceof Scalar s && !s.isNull()) {
            words.addAll(shellWords(s.text()));
        }
        if (words.isEmpty()) {
            throw values.at(node, node.path() + " must name a program, e.g. `command: python3 demo.py`, not "
                    + node.describe());
        }
        return List.copyOf(words);
    }

    /** Splits on unquoted whitespace; single and double quotes group words and are removed. */
    static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** The phase over the defaults; {@code workload} mappings merge key by key, the phase winning. */
    static Mapping merge(Mapping defaults, Mapping phase) {
        if (defaults == null) return phase;
        Map<String, Entry> entries = new LinkedHashMap<>(defaults.entries());
        for (Entry e : phase.entries().values()) {
            if (e.key().equals("workload") && e.value() instanceof Mapping own
                    && defaults.get("workload") instanceof Mapping shared) {
                Map<String, Entry> w = new LinkedHashMap<>(shared.entries());
                w.putAll(own.entries());
                entries.put(e.key(), new Entry(e.key(), e.line(), e.column(),
                        new Mapping(own.path(), own.line(), own.column(), w)));
            } else {
                entries.put(e.key(), e);
            }
        }
        return new Mapping(phase.path(), phase.line(), phase.column(), entries);
    }
}
