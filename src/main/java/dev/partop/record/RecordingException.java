package dev.partop.record;

/** A recording that cannot be read: one line saying which file, where, and why. */
public final class RecordingException extends Exception {

    public RecordingException(String message) {
        super(message, null, false, false);
    }
}
