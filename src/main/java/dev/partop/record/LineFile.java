package dev.partop.record;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * An output file written a line at a time, each line flushed (gzip: sync-flushed) as it is
 * written. The first write that fails (a full disk) ends the file: it is cut back to its last
 * whole line, so what was written stays readable, closed, and the error handed to the
 * listener once; later lines are dropped. A file that cannot be written never stops the run.
 */
public final class LineFile implements Closeable {

    private final FileChannel channel;
    private final Writer out;
    private long whole;
    private IOException failure;
    private Consumer<IOException> onFailure = e -> { };
    private boolean closed;

    public LineFile(Path path, boolean gzip) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream raw = Channels.newOutputStream(channel);
        try {
            if (gzip) raw = new GZIPOutputStream(raw, 1 << 16, true);
        } catch (IOException e) {
            fail(e); // the gzip header did not fit
        }
        out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Who hears of the first failure (once). */
    public synchronized void onFailure(Consumer<IOException> listener) {
        onFailure = listener;
        if (failure != null) listener.accept(failure);
    }

    /** Appends {@code line} and a newline, flushed; false once the file has failed or is closed. */
    public synchronized boolean write(String line) {
        if (failure != null || closed) return false;
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            whole = position();
            return true;
        } catch (IOException e) {
            fail(e);
            return false;
        }
    }

    /** The error that ended the file, or null. */
    public synchronized IOException failure() {
        return failure;
    }

    private long position() {
        try {
            return channel.position();
        } catch (IOException e) {
            return whole;
        }
    }

    private void fail(IOException e) {
        failure = e;
        try {
            if (channel.size() > whole) channel.truncate(whole);
        } catch (IOException | UnsupportedOperationException notAFile) {
            // a device (/dev/full) has nothing to cut back
        }
        try {
            channel.close(); // not the writer: a gzip trailer would only fail again
        } catch (IOException ignored) {
            // closed as far as it goes
        }
        onFailure.accept(e);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (failure != null) return;
        try {
            out.close();
        } catch (IOException e) {
            // the gzip trailer did not fit: the sync-flushed lines before it still read
            fail(e);
        }
    }
}
