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
 * @param otherCpu    cores other programs used on average while the phase ran (the machine's
 *                    busy time less partop's process and the phase's child processes); null
 *                    where unknown (old recordings, a synthetic machine)
 * @param disturbed   whether that was enough to change the result (see the session's
 *                    {@code Disturbance} for the threshold)
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
        Double otherCpu,
        boolean disturbed) {

    /** Without knowing what other programs took. */
    public PhaseResult(String name, String model, String settings, double wallS, double cpuS, double parallelism,
                       Double speedup, long tasksDone, long tasksTotal, PhaseStatus status, String reason,
                       ModelStats stats) {
        this(name, model, settings, wallS, cpuS, parallelism, speedup, tasksDone, tasksTotal, status, reason, stats,
                null, false);
    }

    public PhaseResult withSpeedup(Double s) {
        return new PhaseResult(name, model, settings, wallS, cpuS, parallelism, s, tasksDone, tasksTotal,
                status, reason, stats, otherCpu, disturbed);
    }

    /** "other programs 0.9 cores" where they took enough to change the result; "" otherwise. */
    public String disturbedNote() {
        if (!disturbed || otherCpu == null) return "";
        return String.format(java.util.Locale.ROOT, "disturbed: other programs %.1f cores", otherCpu);
    }
}
