package dev.partop.work;

import dev.partop.scenario.IoSpec;

/**
 * One task of a phase in operations, ready to run anywhere (a thread, the event loop, a
 * worker process).
 *
 * @param id              task number within the phase
 * @param opsPerRound     CPU operations per round
 * @param memoryBytes     bytes streamed per round
 * @param io              blocking wait per round, null for none
 * @param rounds          rounds, at least 1
 * @param criticalSection fraction of CPU ops done under the phase's shared lock
 * @param payloadBytes    bytes the task receives and returns
 */
public record TaskPlan(int id, long opsPerRound, long memoryBytes, IoSpec io, int rounds, double criticalSection,
                       long payloadBytes) {
}
