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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code --save run.partop}: a data recording, JSON Lines. The first line is the header (what
 * ran, on what machine, the scenario's text, the calibration); then one line per Snapshot.
 * Each line is flushed as it is written (gzip: sync-flushed), so a run killed mid-way still
 * leaves every complete line readable; a full disk ends the file at its last whole line
 * ({@link LineFile}) and the run goes on.
 */
public final class SnapshotLogWriter implements SnapshotSink {

    /** The recording format this partop writes and reads. */
    public static final int FORMAT = 1;

    private final LineFile out;
    private final ObjectMapper json = Json.mapper();

    public SnapshotLogWriter(Path file) throws IOException {
        this.out = new LineFile(file, file.getFileName().toString().endsWith(".gz"));
    }

    /** A full disk ends the recording at its last whole line, and is told here once. */
    public void onFailure(Consumer<IOException> listener) {
        out.onFailure(listener);
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

    private void write(ObjectNode line) {
        if (out.failure() != null) return;
        try {
            out.write(json.writeValueAsString(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // JSON of our own records: not expected
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
