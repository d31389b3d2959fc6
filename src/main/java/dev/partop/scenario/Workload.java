package dev.partop.scenario;

import java.time.Duration;

/**
 * One kind of task in a phase; a phase may mix several.
 * A task runs {@code rounds} rounds; each round does its CPU work, then its memory work,
 * then its I/O wait.
 *
 * @param tasks           how many tasks of this kind
 * @param cpu             CPU work per round as time on one core (converted by calibration);
 *                        null when {@code ops} is given or there is no CPU work
 * @param ops             CPU work per round in operations; 0 when {@code cpu} is used
 * @param io              I/O wait per round; null for none
 * @param rounds          rounds per task, at least 1
 * @param memoryMiB       MiB streamed per round; 0 for none
 * @param criticalSection fraction of the CPU work done under one shared lock (free-threads)
 * @param payload         bytes each task receives and returns (copied between processes)
 */
public record Workload(int tasks, Duration cpu, long ops, IoSpec io, int rounds, int memoryMiB,
                       double criticalSection, long payload) {
}
