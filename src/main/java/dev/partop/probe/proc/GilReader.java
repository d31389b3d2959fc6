package dev.partop.probe.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one CPython process's GIL through {@code /proc/PID/mem} with positioned reads: the
 * process is never stopped or attached to. {@link #locate} finds {@code _PyRuntime} (the
 * {@code .PyRuntime} ELF section, or the {@code _PyRuntime} dynamic symbol) in the python
 * binary or libpython, adds the load address from {@code /proc/PID/maps}, picks the
 * {@link GilLayout} for the version ({@code Py_Version} in the process, else the file's name),
 * and checks it against what the memory says. Anything that does not fit leaves the reader
 * not {@link #readable()}, with the reason in {@link #problem()}.
 */
public final class GilReader implements AutoCloseable {

    private static final Pattern PYTHON_FILE = Pattern.compile("(?:^|/)(?:lib)?python(\\d)\\.(\\d+)[^/]*$|(?:^|/)python\\d?$");
    private static final Pattern VERSION_IN_NAME = Pattern.compile("python(\\d)\\.(\\d+)");

    private final long pid;
    private final boolean python;
    private final String version;
    private final long runtime;
    private final long runtimeSize;
    private final GilLayout layout;
    private final String problem;
    private final ProcReader.Handle mem;
    private final ByteBuffer buf = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private long lastHolder;
    private long lastHolderTid = -1;
    /** Made once: the sampler asks for it at every sample of a blocked thread. */
    private final Classifier.FutexJudge judge;

    private GilReader(long pid, boolean python, String version, long runtime, long runtimeSize, GilLayout layout,
                      String problem, ProcReader.Handle mem) {
        this.pid = pid;
        this.python = python;
        this.version = version;
        this.runtime = runtime;
        this.runtimeSize = runtimeSize;
        this.layout = layout;
        this.problem = problem;
        this.mem = mem;
        this.judge = judge();
    }

    private static GilReader failed(long pid, boolean python, String version, long runtime, long size, String why,
                                    ProcReader.Handle mem) {
        if (mem != null) mem.close();
        return new GilReader(pid, python, version, runtime, size, null, why, null);
    }

    /** Finds the GIL of process {@code pid}; never throws (a reader that is not readable says why). */
    public static GilReader locate(ProcReader proc, long pid) {
        String maps;
        try {
            maps = proc.readText(pid, "maps");
        } catch (IOException e) {
            return failed(pid, false, null, 0, 0, "cannot read /proc/" + pid + "/maps ("
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "process gone") + ")", null);
        }
        // each python file's mapping at file offset 0
        Map<String, Long> starts = new LinkedHashMap<>();
        for (String line : maps.split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || !f[5].startsWith("/")) continue;
            if (!PYTHON_FILE.matcher(f[5]).find()) continue;
            if (Long.parseUnsignedLong(f[2], 16) != 0) continue;
            starts.putIfAbsent(f[5], Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16));
        }
        if (starts.isEmpty()) return failed(pid, false, null, 0, 0, "not CPython (no python binary or libpython mapped)", null);
        for (Map.Entry<String, Long> e : starts.entrySet()) {
            ElfSymbols elf;
            try {
                elf = ElfSymbols.read(proc.mappedFile(pid, e.getKey()));
            } catch (IOException | RuntimeException ex) {
                continue;
            }
            ElfSymbols.Range rt = elf.section(".PyRuntime");
            if (rt == null) rt = elf.dynamicSymbol("_PyRuntime");
            if (rt == null) continue;
            long bias = e.getValue() - elf.firstLoadAddress();
            ProcReader.Handle mem = proc.openMem(pid);
            if (!mem.ok()) {
                return failed(pid, true, null, bias + rt.address(), rt.size(),
                        "cannot read /proc/" + pid + "/mem (" + mem.error() + ")", null);
            }
            return withRuntime(pid, elf, e.getKey(), bias, rt, mem, proc);
        }
        return failed(pid, true, null, 0, 0, "python is mapped but _PyRuntime was not found in it ("
                + String.join(", ", starts.keySet()) + ")", null);
    }

    private static GilReader withRuntime(long pid, ElfSymbols elf, String file, long bias, ElfSymbols.Range rt,
                                         ProcReader.Handle mem, ProcReader proc) {
        long runtime = bias + rt.address();
        int major = -1;
        int minor = -1;
        ElfSymbols.Range pv = elf.dynamicSymbol("Py_Version");
        ByteBuffer w = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (pv != null && mem.readAt(w, bias + pv.address()) == 8) {
            long hex = w.getLong(0);
            major = (int) (hex >>> 24) & 0xff;
            minor = (int) (hex >>> 16) & 0xff;
        } else {
            Matcher m = VERSION_IN_NAME.matcher(file);
            if (m.find()) {
                major = Integer.parseInt(m.group(1));
                minor = Integer.parseInt(m.group(2));
            }
        }
        String version = major < 0 ? "CPython (version unknown)" : "CPython " + major + "." + minor;
        ByteBuffer head = ByteBuffer.allocate(GilLayout.DebugOffsets.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (mem.readAt(head, runtime) != GilLayout.DebugOffsets.SIZE) {
            return failed(pid, true, version, runtime, rt.size(), "cannot read _PyRuntime in /proc/" + pid + "/mem", mem);
        }
        GilLayout.DebugOffsets dbg = GilLayout.DebugOffsets.parse(head);
        GilLayout layout;
        if (dbg != null) {
            int dMajor = (int) (dbg.version() >>> 24) & 0xff;
            int dMinor = (int) (dbg.version() >>> 16) & 0xff;
            if (dMajor != 3 || dMinor != 13) {
                return failed(pid, true, version, runtime, rt.size(), version
                        + ": partop reads the debug offsets of 3.13 only", mem);
            }
            if (dbg.freeThreaded()) {
                return failed(pid, true, version + "t", runtime, rt.size(), version
                        + " free-threaded: no GIL to read", mem);
            }
            long interp = mainInterpreter(mem, runtime, rt.size(), dbg);
            if (interp == 0) {
                return failed(pid, true, version, runtime, rt.size(), "main interpreter not found in _PyRuntime", mem);
            }
            long base = interp - runtime;
            layout = new GilLayout("3.13", base + dbg.gilRuntimeState(), base + dbg.gilHolder() - 8,
                    base + dbg.gilHolder(), base + dbg.gilLocked(), base + dbg.gilLocked() + 8, dbg.nativeThreadId());
        } else {
            layout = GilLayout.forVersion(major, minor);
            if (layout == null) {
                return failed(pid, true, version, runtime, rt.size(), version
                        + ": GIL offsets not known to partop (it reads 3.11, 3.12 and 3.13)", mem);
            }
        }
        GilReader r = new GilReader(pid, true, version, runtime, rt.size(), layout, null, mem);
        String misfit = r.check(proc);
        if (misfit != null) {
            return failed(pid, true, version, runtime, rt.size(), version + ": offsets do not fit this build (" + misfit + ")", mem);
        }
        return r;
    }

    /** The interpreter whose state lies inside {@code _PyRuntime}: the main one (others are allocated). */
    private static long mainInterpreter(ProcReader.Handle mem, long runtime, long size, GilLayout.DebugOffsets dbg) {
        ByteBuffer w = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (mem.readAt(w, runtime + dbg.interpretersHead()) != 8) return 0;
        long interp = w.getLong(0);
        for (int i = 0; i < 64 && interp != 0; i++) {
            if (interp >= runtime && interp < runtime + size) return interp;
            w.clear();
            if (mem.readAt(w, interp + dbg.interpNext()) != 8) return 0;
            interp = w.getLong(0);
        }
        return 0;
    }

    /** What in the memory contradicts the layout, or null when it fits. */
    private String check(ProcReader proc) {
        GilReading g = read();
        if (g == null) return "memory unreadable";
        if (g.intervalUs() <= 0 || g.intervalUs() > 100_000_000L) return "interval reads " + g.intervalUs() + " µs";
        if (g.switchNumber() < 0) return "switch_number reads " + g.switchNumber();
        if (lastHolder != 0) {
            long[] tids = proc.tasks(pid);
            boolean found = false;
            if (tids != null) for (long t : tids) found |= t == g.holderTid();
            if (!found) return "the GIL's last holder is not a thread of the process";
        }
        return null;
    }

    /** The GIL now; null when not readable or the read failed (the process may be gone). */
    public GilReading read() {
        if (mem == null) return null;
        buf.clear();
        if (mem.readAt(buf, runtime + layout.intervalOffset()) != 32) return null;
        long interval = buf.getLong(0);
        long holder = buf.getLong(8);
        int locked = buf.getInt(16);
        long switches = buf.getLong(24);
        if (locked != 0 && locked != 1) return null; // -1 before the GIL is created, or a torn read
        if (holder != lastHolder) {
            lastHolder = holder;
            lastHolderTid = -1;
            word.clear();
            if (holder != 0 && mem.readAt(word, holder + layout.nativeThreadIdOffset()) == 8) lastHolderTid = word.getLong(0);
        }
        return new GilReading(locked == 1, lastHolderTid, switches, interval);
    }

    public boolean readable() {
        return layout != null && mem != null;
    }

    /** Whether the process runs CPython at all (a python binary or libpython with {@code _PyRuntime} mapped). */
    public boolean python() {
        return python;
    }

    /** e.g. {@code CPython 3.12}; null when not CPython. */
    public String version() {
        return version;
    }

    /** Why the GIL cannot be read; null when it can. */
    public String problem() {
        return problem;
    }

    public long pid() {
        return pid;
    }

    /**
     * How to tell a futex wait on the GIL from one on another lock: inside the GIL's struct when
     * its layout is known, else anywhere inside {@code _PyRuntime} (where 3.8 to 3.13 keep the
     * main interpreter's GIL); every futex is "another lock" in a process that is not CPython.
     */
    public Classifier.FutexJudge futexJudge() {
        return judge;
    }

    private Classifier.FutexJudge judge() {
        if (layout != null) {
            long lo = runtime + layout.gilOffset();
            long hi = lo + GilLayout.GIL_SIZE;
            return a -> a >= lo && a < hi ? ThreadActivity.GIL : ThreadActivity.LOCK;
        }
        if (runtime != 0) {
            long lo = runtime;
            long hi = runtime + runtimeSize;
            return a -> a >= lo && a < hi ? ThreadActivity.GIL : ThreadActivity.LOCK;
        }
        if (!python && problem != null && problem.startsWith("not CPython")) return Classifier.FutexJudge.NO_GIL;
        return a -> ThreadActivity.BLOCKED;
    }

    @Override
    public void close() {
        if (mem != null) mem.close();
    }

}
