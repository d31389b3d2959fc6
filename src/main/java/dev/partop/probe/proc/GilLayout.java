package dev.partop.probe.proc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Where CPython's GIL lies in a process's memory, for the versions partop knows (x86_64).
 *
 * <p>The GIL is a {@code struct _gil_runtime_state} ({@code Include/internal/pycore_gil.h}):
 * {@code unsigned long interval} (µs), {@code PyThreadState *last_holder}, {@code int locked},
 * {@code unsigned long switch_number}, then its condition variables and mutexes (48 + 40 bytes
 * each with glibc). A free-threaded build puts an {@code int enabled} first.
 *
 * <ul>
 * <li>3.13: {@code _PyRuntime} starts with {@code _Py_DebugOffsets} (cookie {@code xdebugpy};
 *     {@code Include/internal/pycore_runtime.h}), which gives the offsets of the interpreter
 *     list, of the GIL in an interpreter and of its {@code locked} and {@code last_holder}
 *     fields, and of a thread state's {@code native_thread_id}. {@code interval} and
 *     {@code switch_number} are beside them in the struct above.</li>
 * <li>3.11 and 3.12 publish nothing; the offsets are fixed per minor version. They were found
 *     by probing live interpreters ({@code scripts/bench/gil-offsets.py}: it sets
 *     {@code sys.setswitchinterval(0.0123)} and looks for 12300 in {@code _PyRuntime}, and for
 *     {@code threading.get_native_id()} in its own thread state): 3.11.2 (Debian) and 3.11.7
 *     both give 360 and 160, 3.12.1 gives 77432 and 144. For 3.11 the header arithmetic agrees:
 *     {@code _PyRuntimeState.ceval.gil} follows five ints, a pointer, the interpreters (32),
 *     the cross-interpreter registry (16), {@code main_thread}, 32 exit functions and their
 *     count, and {@code ceval.signals_pending}: 360. 3.12 keeps the main interpreter's GIL in
 *     {@code _PyRuntime._main_interpreter._gil}.</li>
 * </ul>
 * Every layout is checked against what the process shows (see {@link GilReader}).
 */
public record GilLayout(String version, long gilOffset, long intervalOffset, long holderOffset, long lockedOffset,
                        long switchOffset, long nativeThreadIdOffset) {

    /** Bytes of {@code struct _gil_runtime_state} on x86_64 glibc: four fields, two conds, two mutexes. */
    public static final long GIL_SIZE = 32 + 2 * (48 + 40);

    /** A layout of the GIL's fields at fixed offsets from its start. */
    static GilLayout fixed(String version, long gilOffset, long nativeThreadIdOffset) {
        return new GilLayout(version, gilOffset, gilOffset, gilOffset + 8, gilOffset + 16, gilOffset + 24,
                nativeThreadIdOffset);
    }

    /** The fixed layout for 3.{@code minor}, or null for a version partop has no table for. */
    public static GilLayout forVersion(int major, int minor) {
        if (major != 3) return null;
        return switch (minor) {
            case 11 -> fixed("3.11", 360, 160);
            case 12 -> fixed("3.12", 77432, 144);
            default -> null;
        };
    }

    /** The cookie at the start of {@code _PyRuntime} in 3.13+. */
    public static final byte[] COOKIE = "xdebugpy".getBytes(StandardCharsets.US_ASCII);

    /** The parts of 3.13's {@code _Py_DebugOffsets} partop uses, by their offsets in it. */
    public record DebugOffsets(long version, boolean freeThreaded, long interpretersHead, long interpNext,
                               long gilRuntimeState, long gilLocked, long gilHolder, long nativeThreadId) {

        /** Reads them from the first bytes of {@code _PyRuntime}; null when the cookie is not there. */
        public static DebugOffsets parse(ByteBuffer raw) {
            ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < COOKIE.length; i++) if (b.get(i) != COOKIE[i]) return null;
            // layout of 3.13's struct: cookie[8], version, free_threaded, runtime_state{size,
            // finalizing, interpreters_head}, interpreter_state{size, id, next, threads_head, gc,
            // imports_modules, sysdict, builtins, ceval_gil, gil_runtime_state, ..._enabled,
            // ..._locked, ..._holder}, thread_state{size, prev, next, interp, current_frame,
            // thread_id, native_thread_id, ...}
            return new DebugOffsets(b.getLong(8), b.getLong(16) != 0, b.getLong(40), b.getLong(64),
                    b.getLong(120), b.getLong(136), b.getLong(144), b.getLong(200));
        }

        /** Bytes of {@code _Py_DebugOffsets} partop reads. */
        public static final int SIZE = 208;
    }
}
