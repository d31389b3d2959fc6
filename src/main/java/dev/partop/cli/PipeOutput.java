package dev.partop.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Standard output for headless lines, which notices when its reader has gone ({@code partop |
 * head -1} closed the pipe): it tells {@code onGone} once, so the run stops at once instead of
 * computing for nobody, and drops everything after, so nothing is written twice.
 */
final class PipeOutput extends OutputStream {

    private final OutputStream out;
    private final Runnable onGone;
    private final AtomicBoolean gone = new AtomicBoolean();

    PipeOutput(OutputStream out, Runnable onGone) {
        this.out = out;
        this.onGone = onGone;
    }

    /** This process's stdout, buffered, as a PrintStream whose every println is flushed by the printers. */
    static PrintStream stdout(Runnable onGone) {
        return new PrintStream(new java.io.BufferedOutputStream(
                new PipeOutput(new FileOutputStream(FileDescriptor.out), onGone), 1 << 14), false, charset());
    }

    /** The charset System.out uses (JDK 19+ names it stdout.encoding; before, the default charset). */
    private static Charset charset() {
        for (String key : new String[]{"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(key);
            try {
                if (name != null) return Charset.forName(name);
            } catch (IllegalArgumentException unknown) {
                // try the next
            }
        }
        return Charset.defaultCharset();
    }

    boolean gone() {
        return gone.get();
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (gone.get()) return;
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            readerGone();
        }
    }

    @Override
    public void flush() {
        if (gone.get()) return;
        try {
            out.flush();
        } catch (IOException e) {
            readerGone();
        }
    }

    private void readerGone() {
        if (gone.compareAndSet(false, true)) onGone.run();
    }
}
