package dev.partop.snapshot;

/**
 * partop's own cost over the last tick.
 *
 * @param cpu            CPU of partop's sampler and UI threads, as a fraction of one core
 * @param fps            frames drawn per second (0 headless)
 * @param bytesPerSecond terminal bytes written per second (0 headless)
 */
public record SelfStats(double cpu, double fps, double bytesPerSecond) {

    public static final SelfStats NONE = new SelfStats(0, 0, 0);
}
