package dev.partop.model;

import dev.partop.work.EvalBreaker;
import dev.partop.work.TaskEnv;

/** Makes the {@link TaskEnv} one lane's thread runs its tasks through. */
@FunctionalInterface
public interface LaneEnvFactory {

    /**
     * @param lane   the lane whose thread will call the env (the env sets its states)
     * @param cancel throws {@link dev.partop.work.Cancelled} once the phase is cancelled;
     *               an env's own eval breaker must call it too
     */
    TaskEnv forLane(Lane lane, EvalBreaker cancel);
}
