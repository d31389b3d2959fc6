package dev.partop.session;

import dev.partop.model.ExecutionModel;
import dev.partop.snapshot.PhaseInfo;

/**
 * The phase the session is running now, as the sampler reads it.
 *
 * @param index      position in the run's phase list
 * @param info       name, model and settings in words
 * @param model      the running model (its lanes and counters)
 * @param tasksTotal tasks in the phase
 * @param startNanos when its clock started; 0 while it is still preparing
 */
record PhaseRun(int index, PhaseInfo info, ExecutionModel model, long tasksTotal, long startNanos) {

    PhaseRun started(long nanos) {
        return new PhaseRun(index, info, model, tasksTotal, nanos);
    }
}
