package dev.partop.snapshot;

/**
 * partop's own cost over the last few seconds.
 *
 * @param cpu            CPU of partop's whole process except the workload's threads (the
 *                       phase's lanes and the loopback peer): sampler, UI, JIT compilers, GC,
 *                       printers, everything; a fraction of one core. What top shows for the
 *                       process, less the work partop was asked to run.
 * @param fps            frames drawn per second (0 headless)
 * @param bytesPerSecond terminal bytes written per second (0 headless)
 * @param samplerCpu     of {@code cpu}, the sampler thread's share (detail)
 * @param renderCpu      of {@code cpu}, the dashboard's render thread's share (detail; 0 headless)
 */
public record SelfStats(double cpu, double fps, double bytesPerSecond, double samplerCpu, double renderCpu) {

    public static final SelfStats NONE = new SelfStats(0, 0, 0, 0, 0);

    /** Without the per-thread detail (synthetic snapshots, old recordings). */
    public SelfStats(double cpu, double fps, double bytesPerSecond) {
        this(cpu, fps, bytesPerSecond, 0, 0);
    }
}
