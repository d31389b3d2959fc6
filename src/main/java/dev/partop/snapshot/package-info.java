/**
 * The records every consumer reads: a Snapshot per sample (cores, lanes, lock holders, model
 * counters, results) and the run's header. Depends on nothing else of partop's.
 */
package dev.partop.snapshot;
