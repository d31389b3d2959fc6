package dev.partop.snapshot;

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
        String description,
        List<String> figures) {

    public RunHeader {
        description = description == null ? "" : description;
        figures = figures == null || figures.isEmpty() ? List.of("speedup") : List.copyOf(figures);
    }

    public RunHeader(String partopVersion, String javaVersion, String os, Machine machine, String scenarioName,
                     String scenarioSource, String scenarioText, double opsPerSecond, double calibrationMs,
                     double intervalS, List<String> phases) {
        this(partopVersion, javaVersion, os, machine, scenarioName, scenarioSource, scenarioText, opsPerSecond,
                calibrationMs, intervalS, phases, "", null);
    }
}
