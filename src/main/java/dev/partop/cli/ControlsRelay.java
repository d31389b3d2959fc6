package dev.partop.cli;

import dev.partop.sink.Controls;


/**
 * The dashboard's keys before the session exists: the screen opens first (so it appears at
 * once), the session is made after. A quit pressed in between is kept and passed on; skip and
 * restart pressed before there is a run to act on do nothing.
 */
final class ControlsRelay implements Controls {

    private volatile Controls target;
    private volatile boolean quitEarly;

    void target(Controls c) {
        target = c;
        if (quitEarly) c.quit();
    }

    @Override
    public void skipPhase() {
        Controls c = target;
        if (c != null) c.skipPhase();
    }

    @Override
    public void restart() {
        Controls c = target;
        if (c != null) c.restart();
    }

    @Override
    public void quit() {
        quitEarly = true;
        Controls c = target;
        if (c != null) c.quit();
    }
}
