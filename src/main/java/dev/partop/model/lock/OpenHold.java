package dev.partop.model.lock;

/**
 * A hold of an interpreter lock still in progress when the sampler looked.
 *
 * @param lock       the lock's index
 * @param lane       the holding lane's id
 * @param startNanos when the hold began ({@link System#nanoTime()})
 */
public record OpenHold(int lock, int lane, long startNanos) {
}
