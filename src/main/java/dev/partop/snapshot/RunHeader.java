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

    /** A run of models only, with no warm-up (the first shape). */
    public RunHeader(String partopVersion, String javaVersion, String os, Machine machine, String scenarioName,
                     String scenarioSource, String scenarioText, double opsPerSecond, double calibrationMs,
                     double intervalS, List<String> phases) {
        this(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText, opsPerSecond,
                calibrationMs, intervalS, phases, List.of(), null, 0, "", null);
    }

    /** A run with CPython phases, with no warm-up. */
    public RunHeader(String partopVersion, String javaVersion, String os, Machine machine, String scenarioName,
                     String scenarioSource, String scenarioText, double opsPerSecond, double calibrationMs,
                     double intervalS, List<String> phases, List<PythonRuntime> pythons) {
        this(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText, opsPerSecond,
                calibrationMs, intervalS, phases, pythons, null, 0, "", null);
    }

    /** A run of models only, after a warm-up. */
    public RunHeader(String partopVersion, String javaVersion, String os, Machine machine, String scenarioName,
                     String scenarioSource, String scenarioText, double opsPerSecond, double calibrationMs,
                     double intervalS, List<String> phases, String warmup, double warmupMs) {
        this(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText, opsPerSecond,
                calibrationMs, intervalS, phases, List.of(), warmup, warmupMs, "", null);
    }

    /** A run of models only with what the scenario says of itself, no warm-up. */
    public RunHeader(String partopVersion, String javaVersion, String os, Machine machine, String scenarioName,
                     String scenarioSource, String scenarioText, double opsPerSecond, double calibrationMs,
                     double intervalS, List<String> phases, String description, List<String> figures) {
        this(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText, opsPerSecond,
                calibrationMs, intervalS, phases, List.of(), null, 0, description, figures);
    }

    /** {@link #pythons()}, never null. */
    public List<PythonRuntime> pythonsOrNone() {
        return pythons == null ? List.of() : pythons;
    }
}
