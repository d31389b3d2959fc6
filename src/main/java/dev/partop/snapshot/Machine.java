package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

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
 * @param limit         what the process's cgroup and affinity allow of the host; null where not
 *                      known (not Linux, a synthetic machine, recordings made before it was read)
 */
public record Machine(String cpuModel, int logical, int physical, int packages, long maxFreqMhz,
                      List<Cpu> topology, CpuLimit limit) {

    @JsonCreator
    public Machine {
    }

    /** A machine with no limit known. */
    public Machine(String cpuModel, int logical, int physical, int packages, long maxFreqMhz, List<Cpu> topology) {
        this(cpuModel, logical, physical, packages, maxFreqMhz, topology, null);
    }

    /** Logical CPU {@code cpu} belongs to physical core {@code core} in package {@code pkg}. */
    public record Cpu(int cpu, int core, int pkg) {
    }
}
