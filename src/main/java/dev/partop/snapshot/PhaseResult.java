package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A finished phase.
 *
 * @param name        phase name
 * @param model       model keyword
 * @param settings    model settings in words
 * @param wallS       wall time, seconds
 * @param cpuS        CPU time of the phase's threads or processes, seconds
 * @param parallelism cpuS / wallS: how many cores' worth of work ran at once on average
 * @param speedup     baseline wall / this wall; null until the baseline phase has run
 * @param tasksDone   tasks finished
 * @param tasksTotal  tasks in the phase
 * @param status      ok, failed, skipped or timeout
 * @param reason      why it failed or was cut short; null when ok
 * @param stats       the model's counters at the end
 * @param runtime     what ran it: {@code model} (partop's model), or e.g. {@code CPython 3.11.7};
 *                    null in recordings made before partop could run CPython (read: model)
 * @param pythonVersion the interpreter's version for a CPython phase, else null
 */
public record PhaseResult(
        String name,
        String model,
        String settings,
        double wallS,
        double cpuS,
        double parallelism,
        Double speedup,
        long tasksDone,
        long tasksTotal,
        PhaseStatus status,
        String reason,
        ModelStats stats,
        String runtime,
        String pythonVersion) {

    /** What every result said before CPython phases: partop's model ran it. */
    public static final String MODEL = "model";

    @JsonCreator
    public PhaseResult {
    }

    /** A result of partop's model (the shape before {@code runtime}). */
    public PhaseResult(String name, String model, String settings, double wallS, double cpuS, double parallelism,
                       Double speedup, long tasksDone, long tasksTotal, PhaseStatus status, String reason,
                       ModelStats stats) {
        this(name, model, settings, wallS, cpuS, parallelism, speedup, tasksDone, tasksTotal, status, reason, stats,
                MODEL, null);
    }

    public PhaseResult withSpeedup(Double s) {
        return new PhaseResult(name, model, settings, wallS, cpuS, parallelism, s, tasksDone, tasksTotal,
                status, reason, stats, runtime, pythonVersion);
    }

    /** {@link #runtime()}, with a result recorded before there were runtimes read as the model. */
    public String runtimeLabel() {
        return runtime == null ? MODEL : runtime;
    }
}
