package dev.partop.snapshot;

/**
 * One lane's hold of one lock, in seconds since the run started.
 *
 * @param lock  lock index (0 for the GIL; interpreter index for {@code interpreters})
 * @param lane  lane that held it
 * @param start when it took the lock
 * @param end   when it released it, or the tick's end if it still holds it
 */
public record HolderSpan(int lock, int lane, double start, double end) {
}
