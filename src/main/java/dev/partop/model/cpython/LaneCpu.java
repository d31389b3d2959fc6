package dev.partop.model.cpython;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Where a CPython lane's CPU time comes from: the OS's count for its thread or process, read
 * from {@code /proc}. One reading each; what is gone (an ended thread) keeps its last value.
 * An interface so the OS-thread probe (lanes from the agent's whole process tree) can take
 * its place.
 */
public interface LaneCpu {

    /** CPU nanoseconds of one thread of a process. */
    LongSupplier thread(long pid, long tid);

    /** CPU nanoseconds of a whole process (every thread it had). */
    LongSupplier process(long pid);

    /** From {@code /proc}: a thread's exact {@code schedstat}, a process's {@code stat} ticks. */
    LaneCpu PROC = new LaneCpu() {
        @Override
        public LongSupplier thread(long pid, long tid) {
            Path file = Path.of("/proc", String.valueOf(pid), "task", String.valueOf(tid), "schedstat");
            return monotonic(() -> {
                try {
                    String s = Files.readString(file);
                    return Long.parseLong(s.substring(0, s.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    return -1;
                }
            });
        }

        @Override
        public LongSupplier process(long pid) {
            return monotonic(() -> ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                    .map(Duration::toNanos).orElse(-1L));
        }
    };

    /** The largest reading so far: a thread or process that ended reads as -1 and keeps its last. */
    static LongSupplier monotonic(LongSupplier read) {
        AtomicLong last = new AtomicLong();
        return () -> {
            long v = read.getAsLong();
            return v > last.get() ? last.accumulateAndGet(v, Math::max) : last.get();
        };
    }
}
