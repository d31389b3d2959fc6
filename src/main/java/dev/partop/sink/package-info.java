/**
 * What consumers are fed through and the keys they send back: {@code SnapshotSink},
 * {@code Controls}, replay controls. Sees only {@code snapshot}.
 */
package dev.partop.sink;
