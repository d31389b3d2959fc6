package dev.partop.sink;


/** What a replay adds to the live keys: pausing the playback itself, and stepping. */
public interface ReplayControls extends Controls {

    void togglePause();

    boolean paused();

    /** Moves {@code delta} samples (negative: back) and pauses there. */
    void step(int delta);
}
