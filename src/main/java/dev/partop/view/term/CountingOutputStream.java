package dev.partop.view.term;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream under the terminal. Counts the bytes that reach it (the footer's bytes/s), and
 * buffers a whole frame so it leaves in one write; anything written outside a frame (Lanterna's
 * terminal queries, mode switches) is flushed at once, or a query would wait for an answer
 * to a question still sitting in the buffer.
 */
public final class CountingOutputStream extends FilterOutputStream {

    private final AtomicLong count = new AtomicLong();
    private volatile boolean inFrame;

    public CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count.incrementAndGet();
        if (!inFrame) out.flush();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count.addAndGet(len);
        if (!inFrame) out.flush();
    }

    /** Inside a frame Lanterna's own flush waits for the end of the frame: one write per frame. */
    @Override
    public void flush() throws IOException {
        if (!inFrame) out.flush();
    }

    /** From here to {@link #endFrame()} writes are buffered. */
    public void beginFrame() {
        inFrame = true;
    }

    /** Sends the frame. */
    public void endFrame() throws IOException {
        inFrame = false;
        out.flush();
    }

    public long count() {
        return count.get();
    }
}
