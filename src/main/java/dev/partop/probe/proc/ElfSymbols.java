package dev.partop.probe.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What partop needs from an ELF64 little-endian file (the python binary or libpython): the
 * virtual address its first loadable segment expects, a section's address and size, and a
 * dynamic symbol's. Just enough of the format (see elf(5)); anything else is "not found".
 */
public final class ElfSymbols {

    /** An address range in the file's own addresses (add the load bias for the process's). */
    public record Range(long address, long size) {
    }

    private final ByteBuffer b;

    private ElfSymbols(ByteBuffer b) {
        this.b = b;
    }

    /** Reads {@code file}; throws with a reason when it is not a little-endian ELF64 file. */
    public static ElfSymbols read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            if (b.limit() < 64 || b.getInt(0) != 0x464c457f) throw new IOException(file + " is not an ELF file");
            if (b.get(4) != 2 || b.get(5) != 1) throw new IOException(file + " is not 64-bit little-endian ELF");
            return new ElfSymbols(b);
        }
    }

    /** The first PT_LOAD segment's virtual address, page-aligned down: the load bias is its mapping minus this. */
    public long firstLoadAddress() {
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            if (b.getInt(p) == 1) { // PT_LOAD
                long vaddr = b.getLong(p + 0x10);
                long offset = b.getLong(p + 0x08);
                lowest = Math.min(lowest, vaddr - offset);
            }
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest & ~0xfffL;
    }

    /** The section called {@code name}, or null. */
    public Range section(String name) {
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        int strndx = Short.toUnsignedInt(b.getShort(0x3E));
        if (strndx >= shnum) return null;
        long strOff = b.getLong(sh(strndx) + 0x18);
        for (int i = 0; i < shnum; i++) {
            int s = sh(i);
            if (name.equals(string(strOff + Integer.toUnsignedLong(b.getInt(s))))) {
                return new Range(b.getLong(s + 0x10), b.getLong(s + 0x20));
            }
        }
        return null;
    }

    /** The dynamic symbol called {@code name} (its value and size), or null. */
    public Range dynamicSymbol(String name) {
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        for (int i = 0; i < shnum; i++) {
            int s = sh(i);
            if (b.getInt(s + 4) != 11) continue; // SHT_DYNSYM
            long off = b.getLong(s + 0x18);
            long size = b.getLong(s + 0x20);
            long entsize = Math.max(24, b.getLong(s + 0x38));
            long strOff = b.getLong(sh(b.getInt(s + 0x28)) + 0x18);
            for (long e = off; e + 24 <= off + size; e += entsize) {
                int sym = (int) e;
                if (name.equals(string(strOff + Integer.toUnsignedLong(b.getInt(sym))))) {
                    return new Range(b.getLong(sym + 8), b.getLong(sym + 16));
                }
            }
        }
        return null;
    }

    private int sh(int i) {
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        return (int) (shoff + (long) i * shentsize);
    }

    private String string(long at) {
        int start = (int) at;
        int end = start;
        while (end < b.limit() && b.get(end) != 0) end++;
        byte[] out = new byte[end - start];
        b.get(start, out);
        return new String(out, StandardCharsets.US_ASCII);
    }
}
