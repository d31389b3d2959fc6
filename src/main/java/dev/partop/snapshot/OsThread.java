package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An observed OS thread behind a lane (a real program's), and the parts of the tick's split
 * the models' lanes do not have. Fractions are of the tick.
 *
 * @param pid       its process
 * @param tid       its thread id
 * @param comm      the kernel's name for it
 * @param runnable  fraction runnable but waiting for a core
 * @param lock      fraction blocked on a lock other than the GIL
 * @param sleeping  fraction sleeping
 * @param other     fraction blocked in another kind of syscall
 * @param blocked   fraction blocked, kind unknown (syscall unreadable, or an unknown architecture)
 * @param limits    what cannot be seen of this thread and why; null when everything can
 */
public record OsThread(long pid, long tid, String comm, double runnable, double lock, double sleeping, double other,
                       double blocked, @JsonInclude(JsonInclude.Include.NON_NULL) String limits) {
}
