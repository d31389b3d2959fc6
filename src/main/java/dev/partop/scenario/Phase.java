package dev.partop.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One phase of a scenario after defaults were merged and values validated.
 *
 * @param name           unique within the scenario
 * @param model          how the tasks run
 * @param threads        threads for thread models (sequential: 1)
 * @param workers        worker processes for {@code processes}
 * @param interpreters   interpreter locks for {@code interpreters}
 * @param switchInterval the interpreter lock's switch interval (default 5ms)
 * @param gilPolicy      new or legacy
 * @param checkInterval  legacy policy: release every this many eval-breaker checks (default 100)
 * @param timeout        phase is cut off after this; null for none
 * @param start          processes: whether the pool starts inside the timed phase
 * @param workloads      at least one for every model but {@code command}
 * @param command        the program and its arguments for {@code command}; empty otherwise
 * @param line           line of the phase in its file (1-based), 0 if unknown
 * @param runtime        partop's model, or the real CPython ({@code runtime: cpython})
 * @param python         the interpreter a CPython phase runs (default {@code python3} on PATH)
 * @param startMethod    CPython {@code processes}: {@code fork}, {@code spawn} or {@code forkserver};
 *                       null for the interpreter's default
 * @param note           one line for the audience, shown under the header while the phase runs; null for none
 */
public record Phase(String name, ModelKind model, int threads, int workers, int interpreters,
                    Duration switchInterval, GilPolicy gilPolicy, int checkInterval, Duration timeout,
                    PoolStart start, List<Workload> workloads, List<String> command, int line,
                    RuntimeKind runtime, String python, String startMethod, String note) {

    /** The interpreter used when a CPython phase names none. */
    public static final String DEFAULT_PYTHON = "python3";

    /**
     * A phase to fill in by name, with the scenario file's defaults: one thread, no workers or
     * interpreters, switch 5ms, the new GIL, check interval 100, no timeout, a cold pool, no
     * workloads or command, partop's model ({@code python3} if made CPython), no start method, no note.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this phase's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().name(name).model(model).threads(threads).workers(workers).interpreters(interpreters)
                .switchInterval(switchInterval).gilPolicy(gilPolicy).checkInterval(checkInterval).timeout(timeout)
                .start(start).workloads(workloads).command(command).line(line).runtime(runtime).python(python)
                .startMethod(startMethod).note(note);
    }

    /** Names each component of a {@link Phase}; see the record for what each means. */
    public static final class Builder {
        private String name;
        private ModelKind model;
        private int threads = 1;
        private int workers;
        private int interpreters;
        private Duration switchInterval = PhaseReader.DEFAULT_SWITCH;
        private GilPolicy gilPolicy = GilPolicy.NEW;
        private int checkInterval = PhaseReader.DEFAULT_CHECK_INTERVAL;
        private Duration timeout;
        private PoolStart start = PoolStart.COLD;
        private List<Workload> workloads = List.of();
        private List<String> command = List.of();
        private int line;
        private RuntimeKind runtime = RuntimeKind.MODEL;
        private String python = DEFAULT_PYTHON;
        private String startMethod;
        private String note;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder model(ModelKind model) { this.model = model; return this; }
        public Builder threads(int threads) { this.threads = threads; return this; }
        public Builder workers(int workers) { this.workers = workers; return this; }
        public Builder interpreters(int interpreters) { this.interpreters = interpreters; return this; }
        public Builder switchInterval(Duration switchInterval) { this.switchInterval = switchInterval; return this; }
        public Builder gilPolicy(GilPolicy gilPolicy) { this.gilPolicy = gilPolicy; return this; }
        public Builder checkInterval(int checkInterval) { this.checkInterval = checkInterval; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder start(PoolStart start) { this.start = start; return this; }
        public Builder workloads(List<Workload> workloads) { this.workloads = workloads; return this; }
        public Builder command(List<String> command) { this.command = command; return this; }
        public Builder line(int line) { this.line = line; return this; }
        public Builder runtime(RuntimeKind runtime) { this.runtime = runtime; return this; }
        public Builder python(String python) { this.python = python; return this; }
        public Builder startMethod(String startMethod) { this.startMethod = startMethod; return this; }
        public Builder note(String note) { this.note = note; return this; }

        public Phase build() {
            return new Phase(name, model, threads, workers, interpreters, switchInterval, gilPolicy, checkInterval,
                    timeout, start, workloads, command, line, runtime, python, startMethod, note);
        }
    }

    public boolean isCpython() {
        return runtime == RuntimeKind.CPYTHON;
    }

    /**
     * Whether the workload is threads of partop's own JVM (a model other than processes,
     * command and watch), so it dies with the JVM; else it is other processes.
     */
    public boolean workloadInThisJvm() {
        return runtime == RuntimeKind.MODEL && model != ModelKind.PROCESSES && model != ModelKind.COMMAND
                && model != ModelKind.WATCH;
    }

    /** Total tasks over every workload. */
    public long totalTasks() {
        long n = 0;
        for (Workload w : workloads) n += w.tasks();
        return n;
    }
}
