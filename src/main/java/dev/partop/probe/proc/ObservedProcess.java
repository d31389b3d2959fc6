package dev.partop.probe.proc;

/**
 * One process of an observed tree, and its GIL as last read. Written by the observer's
 * sampler thread, read by anyone.
 */
public final class ObservedProcess {

    /**
     * The GIL's counters since the process was found.
     *
     * @param version      e.g. {@code CPython 3.12}, null when not CPython
     * @param problem      why the GIL cannot be read, null when it can
     * @param latest       the latest reading, null before the first
     * @param atNanos      when {@code latest} was read ({@link System#nanoTime()})
     * @param firstSwitch  {@code switch_number} at the first reading
     * @param firstAtNanos when the first reading was made
     * @param samples      readings made
     * @param heldSamples  readings that found it locked
     */
    public record Gil(String version, String problem, GilReading latest, long atNanos, long firstSwitch,
                      long firstAtNanos, long samples, long heldSamples) {

        public boolean readable() {
            return problem == null && latest != null;
        }
    }

    private final long pid;
    private final long parent;
    private volatile String comm;
    private volatile boolean exited;
    private volatile Gil gil;

    // sampler-only state
    GilReader reader;
    int locateTries;
    String locatedComm;

    ObservedProcess(long pid, long parent, String comm) {
        this.pid = pid;
        this.parent = parent;
        this.comm = comm;
        this.gil = new Gil(null, "not read yet", null, 0, 0, 0, 0, 0);
    }

    public long pid() {
        return pid;
    }

    /** The observed parent's pid, or 0 for a root. */
    public long parent() {
        return parent;
    }

    public String comm() {
        return comm;
    }

    public boolean exited() {
        return exited;
    }

    public Gil gil() {
        return gil;
    }

    void comm(String c) {
        comm = c;
    }

    void exit() {
        exited = true;
        if (reader != null) reader.close();
    }

    void gil(Gil g) {
        gil = g;
    }
}
