package dev.partop.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The per-CPU rows of Linux's {@code /proc/stat} (user nice system idle iowait irq softirq
 * steal, in its own ticks), as OSHI's {@code CpuStat.getProcessorCpuLoadTicks} gives them:
 * rows in the order of the {@code cpuN} lines. Read through a file kept open and parsed in
 * place: OSHI reads the file into a list of strings (its {@code intr} line alone is thousands
 * of characters) and splits each CPU line with a regular expression, four times a second, a
 * quarter of the sampler's CPU in a steady dashboard (JFR, 60 s).
 */
final class ProcStatTicks {

    /** USER..STEAL, OSHI's {@code TickType} order. */
    static final int COLUMNS = 8;

    private final Path path;
    private FileChannel channel;
    private ByteBuffer buf = ByteBuffer.allocate(16 << 10);

    ProcStatTicks(Path path) {
        this.path = path;
    }

    /** The first {@code rows} CPU rows (all zero past the last CPU); null if the file cannot be read. */
    synchronized long[][] read(int rows) {
        try {
            int n = fill();
            long[][] out = new long[rows][COLUMNS];
            parse(buf.array(), n, out);
            return out;
        } catch (IOException | RuntimeException e) {
            close();
            return null;
        }
    }

    /** Reads the whole file from its start into {@link #buf}; its length. */
    private int fill() throws IOException {
        if (channel == null) channel = FileChannel.open(path, StandardOpenOption.READ);
        while (true) {
            buf.clear();
            long pos = 0;
            int r;
            while ((r = channel.read(buf, pos)) > 0) {
                pos += r;
                if (!buf.hasRemaining()) break;
            }
            if (buf.hasRemaining()) return buf.position();
            buf = ByteBuffer.allocate(buf.capacity() * 2); // more CPUs (or interrupts) than it held
        }
    }

    /** Fills {@code out} from the {@code cpuN} lines of {@code text[0..n)}. */
    static void parse(byte[] text, int n, long[][] out) {
        int row = 0;
        int i = 0;
        while (i < n && row < out.length) {
            int end = i;
            while (end < n && text[end] != '\n') end++;
            if (end - i > 3 && text[i] == 'c' && text[i + 1] == 'p' && text[i + 2] == 'u' && text[i + 3] != ' ') {
                int p = i + 3;
                while (p < end && text[p] != ' ') p++; // past "cpuN"
                for (int col = 0; col < COLUMNS; col++) {
                    while (p < end && text[p] == ' ') p++;
                    long v = 0;
                    boolean any = false;
                    while (p < end && text[p] >= '0' && text[p] <= '9') {
                        v = v * 10 + (text[p] - '0');
                        p++;
                        any = true;
                    }
                    if (!any) break; // an older kernel's shorter row: the rest stay 0
                    out[row][col] = v;
                }
                row++;
            }
            i = end + 1;
        }
    }

    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            channel = null;
        }
    }
}
