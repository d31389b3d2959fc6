package dev.partop.snapshot;

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
        ModelStats stats) {

    public PhaseResult withSpeedup(Double s) {
        return new PhaseResult(name, model, settings, wallS, cpuS, parallelism, s, tasksDone, tasksTotal,
                status, reason, stats);
    }
}
