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
        List<PythonRuntime> pythons) {

    @JsonCreator
    public RunHeader {
    }

    /** A run of models only (the shape before {@code pythons}). */
    public RunHeader(String partopVersion, String javaVersion, String os, Machine machine, String scenarioName,
                     String scenarioSource, String scenarioText, double opsPerSecond, double calibrationMs,
                     double intervalS, List<String> phases) {
        this(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText, opsPerSecond,
                calibrationMs, intervalS, phases, List.of());
    }

    /** {@link #pythons()}, never null. */
    public List<PythonRuntime> pythonsOrNone() {
        return pythons == null ? List.of() : pythons;
    }
}
