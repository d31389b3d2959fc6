/**
 * The work itself: the CPU, memory and I/O kernels, the calibration that turns {@code cpu: 1s}
 * into operations, the eval-breaker check and the loopback server for socket I/O.
 */
package dev.partop.work;
