package dev.partop.cli;

/**
 * A mistake of the user's (a flag, a value, a file, the terminal): printed as one line and a
 * hint, exit code 2, never a stack trace.
 */
public final class UserError extends RuntimeException {

    private final String hint;

    public UserError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
