package dev.partop.snapshot;

/** Blocking I/O operations of a phase and their latency (wall time of each operation). */
public record IoStats(long ops, double latencyMsMean, double latencyMsP95, double latencyMsMax) {
}
