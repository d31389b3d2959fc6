package dev.partop.snapshot;

import java.util.List;

/**
 * The machine's processors.
 *
 * @param cpuModel      processor model name
 * @param logical       logical CPUs partop may use
 * @param physical      physical cores
 * @param packages      sockets
 * @param maxFreqMhz    maximum frequency, 0 if unknown
 * @param topology      one entry per logical CPU
 */
public record Machine(String cpuModel, int logical, int physical, int packages, long maxFreqMhz,
                      List<Cpu> topology) {

    /** Logical CPU {@code cpu} belongs to physical core {@code core} in package {@code pkg}. */
    public record Cpu(int cpu, int core, int pkg) {
    }
}
