package dev.partop.snapshot;

/**
 * One logical CPU over one tick. Fractions are of the tick (0..1).
 *
 * @param cpu     logical processor number
 * @param core    physical core it belongs to (SMT siblings share it)
 * @param pkg     physical package (socket)
 * @param user    fraction of time in user mode (incl. nice)
 * @param system  fraction in kernel mode (incl. irq/softirq)
 * @param iowait  fraction idle while I/O was outstanding
 * @param freqMhz current frequency, 0 where the OS does not tell
 */
public record CoreSample(int cpu, int core, int pkg, double user, double system, double iowait, long freqMhz) {

    /** Fraction of the tick this CPU was busy (user + system; iowait is idle). */
    public double busy() {
        return Math.min(1.0, user + system);
    }
}
