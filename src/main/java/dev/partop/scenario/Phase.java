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
 */
public record Phase(String name, ModelKind model, int threads, int workers, int interpreters,
                    Duration switchInterval, GilPolicy gilPolicy, int checkInterval, Duration timeout,
                    PoolStart start, List<Workload> workloads, List<String> command, int line,
                    RuntimeKind runtime, String python, String startMethod) {

    /** The interpreter used when a CPython phase names none. */
    public static final String DEFAULT_PYTHON = "python3";

    /** A phase under partop's model (the shape before {@code runtime:} existed). */
    public Phase(String name, ModelKind model, int threads, int workers, int interpreters,
                 Duration switchInterval, GilPolicy gilPolicy, int checkInterval, Duration timeout,
                 PoolStart start, List<Workload> workloads, List<String> command, int line) {
        this(name, model, threads, workers, interpreters, switchInterval, gilPolicy, checkInterval, timeout, start,
                workloads, command, line, RuntimeKind.MODEL, DEFAULT_PYTHON, null);
    }

    public boolean isCpython() {
        return runtime == RuntimeKind.CPYTHON;
    }

    /** Total tasks over every workload. */
    public long totalTasks() {
        long n = 0;
        for (Workload w : workloads) n += w.tasks();
        return n;
    }
}
