package dev.partop.snapshot;

/** Worker-process pool counters: start-up (spawn to ready) and traffic over the pipes. */
public record ProcessStats(int workers, double startupMsMean, double startupMsMax, long ipcMessages, long ipcBytes) {
}
