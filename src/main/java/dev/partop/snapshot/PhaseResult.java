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
        String runtime,
        String pythonVersion,
        Double otherCpu,
        boolean disturbed) {

    /** What every result said before CPython phases: partop's model ran it. */
    public static final String MODEL = "model";

    @JsonCreator
    public PhaseResult {
    }

    /**
     * A result to fill in by name: status ok, run by partop's {@link #MODEL}, {@link ModelStats#NONE},
     * no speedup, reason, Python version or other programs' cores; names and figures null or zero.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this result's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().name(name).model(model).settings(settings).wallS(wallS).cpuS(cpuS).parallelism(parallelism)
                .speedup(speedup).tasksDone(tasksDone).tasksTotal(tasksTotal).status(status).reason(reason).stats(stats)
                .runtime(runtime).pythonVersion(pythonVersion).otherCpu(otherCpu).disturbed(disturbed);
    }

    /** Names each component of a {@link PhaseResult}; see the record for what each means. */
    public static final class Builder {
        private String name;
        private String model;
        private String settings;
        private double wallS;
        private double cpuS;
        private double parallelism;
        private Double speedup;
        private long tasksDone;
        private long tasksTotal;
        private PhaseStatus status = PhaseStatus.OK;
        private String reason;
        private ModelStats stats = ModelStats.NONE;
        private String runtime = MODEL;
        private String pythonVersion;
        private Double otherCpu;
        private boolean disturbed;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder model(String model) { this.model = model; return this; }
        public Builder settings(String settings) { this.settings = settings; return this; }
        public Builder wallS(double wallS) { this.wallS = wallS; return this; }
        public Builder cpuS(double cpuS) { this.cpuS = cpuS; return this; }
        public Builder parallelism(double parallelism) { this.parallelism = parallelism; return this; }
        public Builder speedup(Double speedup) { this.speedup = speedup; return this; }
        public Builder tasksDone(long tasksDone) { this.tasksDone = tasksDone; return this; }
        public Builder tasksTotal(long tasksTotal) { this.tasksTotal = tasksTotal; return this; }
        public Builder status(PhaseStatus status) { this.status = status; return this; }
        public Builder reason(String reason) { this.reason = reason; return this; }
        public Builder stats(ModelStats stats) { this.stats = stats; return this; }
        public Builder runtime(String runtime) { this.runtime = runtime; return this; }
        public Builder pythonVersion(String pythonVersion) { this.pythonVersion = pythonVersion; return this; }
        public Builder otherCpu(Double otherCpu) { this.otherCpu = otherCpu; return this; }
        public Builder disturbed(boolean disturbed) { this.disturbed = disturbed; return this; }

        public PhaseResult build() {
            return new PhaseResult(name, model, settings, wallS, cpuS, parallelism, speedup, tasksDone, tasksTotal,
                    status, reason, stats, runtime, pythonVersion, otherCpu, disturbed);
        }
    }

    /** {@link #runtime()}, with a result recorded before there were runtimes read as the model. */
    public String runtimeLabel() {
        return runtime == null ? MODEL : runtime;
    }

    /** "other programs 0.9 cores" where they took enough to change the result; "" otherwise. */
    public String disturbedNote() {
        if (!disturbed || otherCpu == null) return "";
        return String.format(java.util.Locale.ROOT, "disturbed: other programs %.1f cores", otherCpu);
    }
}
