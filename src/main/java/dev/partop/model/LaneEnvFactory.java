package dev.partop.model;

import dev.partop.snapshot.LaneState;
import dev.partop.work.EvalBreaker;
import dev.partop.work.TaskEnv;

/** Makes the {@link TaskEnv} one lane's thread runs its tasks through. */
public interface LaneEnvFactory {

    /**
     * @param lane   the lane whose thread will call the env (the env sets its states)
     * @param cancel throws {@link dev.partop.work.Cancelled} once the phase is cancelled;
     *               an env's own eval breaker must call it too
     */
    TaskEnv forLane(Lane lane, EvalBreaker cancel);

    /**
     * Whether {@code lane}'s thread has begun, as {@code threading.Thread.start()} means it:
     * the pool starts the next thread only then. By default, once the thread runs.
     */
    default boolean begun(Lane lane) {
        return lane.state() != LaneState.IDLE;
    }
}
