package dev.partop.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partop.snapshot.Json;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --record talk.cast}: an asciicast of exactly the bytes the dashboard wrote, one
 * {@code o} event per flushed frame, {@code r} events on resize. v2 by default (asciinema 2
 * and 3, agg and asciinema-player read it); v3 writes intervals instead of absolute times.
 * Every event is written and flushed at once, so a killed run leaves a playable file; a full
 * disk ends it at its last whole event ({@link LineFile}).
 */
public final class AsciicastWriter implements Closeable {

    private final LineFile file;
    private final boolean v3;
    private final ObjectMapper json = Json.mapper();
    private final long start = System.nanoTime();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final String title;
    private final Map<String, String> env;
    private long lastEvent = start;
    private boolean started;
    private volatile boolean closed;

    /** The header is written by {@link #start}, once the screen's size is known. */
    public AsciicastWriter(Path path, String title, Map<String, String> env, boolean v3) throws IOException {
        this.file = new LineFile(path, false);
        this.v3 = v3;
        this.title = title;
        this.env = env;
    }

    /** Writes the header; output before this is kept and becomes the first event. */
    public synchronized void start(int cols, int rows) throws IOException {
        if (started) {
            resize(cols, rows);
            return;
        }
        started = true;
        ObjectNode h = json.createObjectNode();
        h.put("version", v3 ? 3 : 2);
        if (v3) {
            ObjectNode term = h.putObject("term");
            term.put("cols", cols);
            term.put("rows", rows);
            if (env.get("TERM") != null) term.put("type", env.get("TERM"));
        } else {
            h.put("width", cols);
            h.put("height", rows);
        }
        h.put("timestamp", System.currentTimeMillis() / 1000);
        if (title != null) h.put("title", title);
        ObjectNode e = h.putObject("env");
        for (String k : new String[]{"TERM", "SHELL"}) if (env.get(k) != null) e.put(k, env.get(k));
        line(json.writeValueAsString(h));
        output();
    }

    /** A stream that passes bytes on to {@code terminal} (null: none) and records each flush as one event. */
    public OutputStream tee(OutputStream terminal) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (terminal != null) terminal.write(b);
                if (closed) return;
                synchronized (pending) {
                    pending.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (terminal != null) terminal.write(b, off, len);
                if (closed) return;
                synchronized (pending) {
                    pending.write(b, off, len);
                }
            }

            @Override
            public void flush() throws IOException {
                if (terminal != null) terminal.flush();
                output();
            }
        };
    }

    /** Writes what was buffered as one {@code o} event, keeping a cut UTF-8 sequence for the next. */
    private synchronized void output() throws IOException {
        if (!started || closed) return;
        byte[] bytes;
        synchronized (pending) {
            bytes = pending.toByteArray();
            pending.reset();
            int whole = wholeCharacters(bytes);
            if (whole < bytes.length) pending.write(bytes, whole, bytes.length - whole);
            bytes = java.util.Arrays.copyOf(bytes, whole);
        }
        if (bytes.length > 0) event("o", new String(bytes, StandardCharsets.UTF_8));
    }

    /** Length of the longest prefix that ends on a character boundary. */
    static int wholeCharacters(byte[] b) {
        int n = b.length;
        int i = n - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) return n;
        int lead = b[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return n - i < need ? i : n;
    }

    public synchronized void resize(int cols, int rows) throws IOException {
        if (closed) return;
        if (!started) {
            start(cols, rows);
            return;
        }
        output();
        event("r", cols + "x" + rows);
    }

    private void event(String code, String data) throws IOException {
        long now = System.nanoTime();
        double t = (now - (v3 ? lastEvent : start)) / 1e9;
        lastEvent = now;
        ArrayNode e = json.createArrayNode();
        e.add(Math.round(t * 1e6) / 1e6);
        e.add(code);
        e.add(data);
        line(json.writeValueAsString(e));
    }

    private void line(String s) {
        file.write(s);
    }

    /** A full disk ends the recording at its last whole event (the screen goes on), and is told here once. */
    public void onFailure(java.util.function.Consumer<IOException> listener) {
        file.onFailure(listener);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        output();
        // what the terminal gets from now on (leaving the full screen) is not part of the recording
        closed = true;
        file.close();
    }
}
