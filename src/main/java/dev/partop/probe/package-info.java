/**
 * Where the cores' figures come from: OSHI's per-core ticks and topology, the CPUs partop may use,
 * and synthetic machines of any size for tests and demos.
 */
package dev.partop.probe;
