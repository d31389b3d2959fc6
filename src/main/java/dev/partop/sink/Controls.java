package dev.partop.sink;

/** What a user can ask of a running session (keys in the dashboard). Any thread may call. */
public interface Controls {

    /** Cancels the current phase (marked skipped) and goes on with the next. */
    void skipPhase();

    /** Cancels the current phase and runs the whole scenario again, results cleared. */
    void restart();

    /** Stops everything; the run ends after the current phase is cancelled. */
    void quit();

    /** Controls that do nothing, for replays and tests. */
    Controls NONE = new Controls() {
        @Override
        public void skipPhase() {
        }

        @Override
        public void restart() {
        }

        @Override
        public void quit() {
        }
    };
}
