package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * What a run is, said once before its first Snapshot.
 *
 * @param partopVersion   partop's version
 * @param javaVersion     the JVM's version
 * @param os              operating system in words
 * @param machine         the cores
 * @param scenarioName    the scenario's name
 * @param scenarioSource  where it came from (a path, or {@code builtin:NAME})
 * @param scenarioText    the scenario file's text, so a recording says what ran
 * @param opsPerSecond    calibration: work operations one core does per second
 * @param calibrationMs   how long calibration took
 * @param intervalS       sample period in seconds
 * @param phases          names of the phases this run will execute, in order
 * @param pythons         the interpreters the run's CPython phases use, each with its own
 *                        calibration; empty (null in older recordings) when there are none
 * @param warmup          what partop did before the first phase to put it on a settled JVM, in
 *                        words; null in recordings made before it did
 * @param warmupMs        how long that took
 * @param description     the scenario's description, a paragraph ("" when none)
 * @param figures         what the results show beside wall, CPU and parallelism: {@code speedup},
 *                        {@code latency}, {@code cost}, {@code switches}, {@code futile}
 *                        ({@code [speedup]} in recordings made before it was said)
 */
public record RunHeader(
        String partopVersion,
        String javaVersion,
        String os,
        Machine machine,
        String scenarioName,
        String scenarioSource,
        String scenarioText,
        double opsPerSecond,
        double calibrationMs,
        double intervalS,
        List<String> phases,
        List<PythonRuntime> pythons,
        String warmup,
        double warmupMs,
        String description,
        List<String> figures) {

    @JsonCreator
    public RunHeader {
        description = description == null ? "" : description;
        figures = figures == null || figures.isEmpty() ? List.of("speedup") : List.copyOf(figures);
    }

    /**
     * A header to fill in by name: no CPython interpreters, no warm-up, no description, figures
     * {@code [speedup]}; everything else null or zero.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this header's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().partopVersion(partopVersion).javaVersion(javaVersion).os(os).machine(machine)
                .scenarioName(scenarioName).scenarioSource(scenarioSource).scenarioText(scenarioText)
                .opsPerSecond(opsPerSecond).calibrationMs(calibrationMs).intervalS(intervalS).phases(phases)
                .pythons(pythons).warmup(warmup).warmupMs(warmupMs).description(description).figures(figures);
    }

    /** Names each component of a {@link RunHeader}; see the record for what each means. */
    public static final class Builder {
        private String partopVersion;
        private String javaVersion;
        private String os;
        private Machine machine;
        private String scenarioName;
        private String scenarioSource;
        private String scenarioText;
        private double opsPerSecond;
        private double calibrationMs;
        private double intervalS;
        private List<String> phases = List.of();
        private List<PythonRuntime> pythons = List.of();
        private String warmup;
        private double warmupMs;
        private String description = "";
        private List<String> figures;

        private Builder() {
        }

        public Builder partopVersion(String partopVersion) { this.partopVersion = partopVersion; return this; }
        public Builder javaVersion(String javaVersion) { this.javaVersion = javaVersion; return this; }
        public Builder os(String os) { this.os = os; return this; }
        public Builder machine(Machine machine) { this.machine = machine; return this; }
        public Builder scenarioName(String scenarioName) { this.scenarioName = scenarioName; return this; }
        public Builder scenarioSource(String scenarioSource) { this.scenarioSource = scenarioSource; return this; }
        public Builder scenarioText(String scenarioText) { this.scenarioText = scenarioText; return this; }
        public Builder opsPerSecond(double opsPerSecond) { this.opsPerSecond = opsPerSecond; return this; }
        public Builder calibrationMs(double calibrationMs) { this.calibrationMs = calibrationMs; return this; }
        public Builder intervalS(double intervalS) { this.intervalS = intervalS; return this; }
        public Builder phases(List<String> phases) { this.phases = phases; return this; }
        public Builder pythons(List<PythonRuntime> pythons) { this.pythons = pythons; return this; }
        public Builder warmup(String warmup) { this.warmup = warmup; return this; }
        public Builder warmupMs(double warmupMs) { this.warmupMs = warmupMs; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder figures(List<String> figures) { this.figures = figures; return this; }

        public RunHeader build() {
            return new RunHeader(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText,
                    opsPerSecond, calibrationMs, intervalS, phases, pythons, warmup, warmupMs, description, figures);
        }
    }

    /** {@link #pythons()}, never null. */
    public List<PythonRuntime> pythonsOrNone() {
        return pythons == null ? List.of() : pythons;
    }
}
