package dev.partop.record;

import dev.partop.sink.SnapshotSink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partop.snapshot.Json;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * {@code --save run.partop}: a data recording, JSON Lines. The first line is the header (what
 * ran, on what machine, the scenario's text, the calibration); then one line per Snapshot.
 * Each line is flushed as it is written (gzip: sync-flushed), so a run killed mid-way still
 * leaves every complete line readable.
 */
public final class SnapshotLogWriter implements SnapshotSink {

    /** The recording format this partop writes and reads. */
    public static final int FORMAT = 1;

    private final Writer out;
    private final ObjectMapper json = Json.mapper();

    public SnapshotLogWriter(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) raw = new GZIPOutputStream(raw, 1 << 16, true);
        this.out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void header(RunHeader header) {
        ObjectNode line = json.createObjectNode();
        line.put("type", "header");
        line.put("format", FORMAT);
        line.set("header", json.valueToTree(header));
        write(line);
    }

    @Override
    public void snapshot(Snapshot s) {
        ObjectNode line = json.createObjectNode();
        line.put("type", "snapshot");
        ObjectNode tree = json.valueToTree(s);
        // samples to 0.1 ms and 0.01 % are more than a screen shows, and a third of the size;
        // the results keep full precision, so a report equals the run's own summary
        tree.properties().forEach(e -> {
            if (!e.getKey().equals("results")) e.setValue(rounded(e.getValue()));
        });
        line.set("snapshot", tree);
        write(line);
    }

    /** {@code node} with every fractional number rounded to 4 decimals. */
    private static JsonNode rounded(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return DoubleNode.valueOf(Math.round(node.doubleValue() * 1e4) / 1e4);
        }
        if (node.isObject()) {
            ((ObjectNode) node).properties().forEach(e -> e.setValue(rounded(e.getValue())));
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) a.set(i, rounded(a.get(i)));
        }
        return node;
    }

    private synchronized void write(ObjectNode line) {
        try {
            out.write(json.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing more to save
        }
    }
}
