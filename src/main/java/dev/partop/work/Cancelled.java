package dev.partop.work;

/** Thrown inside work when its phase was skipped, timed out or the run quit. */
public final class Cancelled extends RuntimeException {

    public Cancelled() {
        super("cancelled", null, false, false);
    }
}
