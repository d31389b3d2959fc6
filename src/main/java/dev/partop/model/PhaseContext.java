package dev.partop.model;

import dev.partop.scenario.Phase;
import dev.partop.work.Calibration;
import dev.partop.work.TaskPlan;

import java.util.List;

/**
 * What a model gets to run a phase.
 *
 * @param phase       the phase's settings
 * @param tasks       its tasks in operations
 * @param calibration the run's calibration (worker processes need the rate)
 * @param originNanos the run's start on the {@link System#nanoTime()} clock
 */
public record PhaseContext(Phase phase, List<TaskPlan> tasks, Calibration calibration, long originNanos) {
}
