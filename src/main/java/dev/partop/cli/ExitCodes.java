package dev.partop.cli;

/** partop's exit codes. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something went wrong inside partop. */
    public static final int INTERNAL = 1;
    /** The user's input was wrong: a flag, a value, a file, the terminal. */
    public static final int USAGE = 2;
    /** The run went on, but an output file (--save, --record, --report) could not be written whole. */
    public static final int OUTPUT_LOST = 3;

    private ExitCodes() {
    }
}
