package dev.partop.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partop.snapshot.Json;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a {@code .partop} recording (plain or gzip, told by its first bytes). A cut-off last
 * line is forgiven (the run was killed while writing it); anything else wrong is one clear
 * error naming the file and line.
 */
public final class SnapshotLogReader {

    private SnapshotLogReader() {
    }

    public static Recording read(Path file) throws RecordingException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new RecordingException(name + ": is a directory, not a recording");
        List<String> lines = new ArrayList<>();
        boolean endsWithNewline;
        boolean cutOff;
        try (InputStream in = open(file)) {
            boolean[] cut = {false};
            byte[] bytes = readAll(in, name, cut);
            cutOff = cut[0];
            endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            String all = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            for (String l : all.split("\n", -1)) lines.add(l);
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        } catch (NoSuchFileException e) {
            throw new RecordingException(name + ": no such file");
        } catch (CharacterCodingException e) {
            throw new RecordingException(name + ": not a partop recording (not UTF-8 text)");
        } catch (EOFException | ZipException e) {
            throw new RecordingException(name + ": the compressed recording is cut off or damaged");
        } catch (IOException e) {
            throw new RecordingException(name + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) throw new RecordingException(name + ": empty file, not a partop recording");
        ObjectMapper json = Json.mapper();
        JsonNode first = parse(json, lines.get(0), name, 1, lines.size() == 1 && !endsWithNewline);
        if (first == null || !"header".equals(first.path("type").asText())) {
            throw new RecordingException(name + ": not a partop recording (no header line; make one with --save)");
        }
        int format = first.path("format").asInt(-1);
        if (format != SnapshotLogWriter.FORMAT) {
            throw new RecordingException(name + ": recording format " + format + " is not one this partop reads (format "
                    + SnapshotLogWriter.FORMAT + ")" + (format > SnapshotLogWriter.FORMAT ? "; it was written by a newer partop" : ""));
        }
        RunHeader header;
        try {
            header = json.treeToValue(first.get("header"), RunHeader.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecordingException(name + ":1: the header is damaged");
        }
        List<Snapshot> snapshots = new ArrayList<>();
        boolean truncated = cutOff;
        for (int i = 1; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1 && !endsWithNewline;
            JsonNode n = parse(json, lines.get(i), name, i + 1, last);
            if (n == null) {
                truncated = true;
                break;
            }
            try {
                Snapshot s = json.treeToValue(n.get("snapshot"), Snapshot.class);
                if (s == null || s.format() != Snapshot.FORMAT) {
                    throw new RecordingException(name + ":" + (i + 1) + ": snapshot format "
                            + (s == null ? "missing" : s.format()) + " is not " + Snapshot.FORMAT);
                }
                snapshots.add(s);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new RecordingException(name + ":" + (i + 1) + ": a damaged snapshot line");
            }
        }
        if (snapshots.isEmpty()) throw new RecordingException(name + ": the recording has no samples");
        return new Recording(header, List.copyOf(snapshots), truncated);
    }

    /** A line as JSON; null for a cut-off last line; an error for a damaged line elsewhere. */
    private static JsonNode parse(ObjectMapper json, String line, String name, int number, boolean lastAndOpen)
            throws RecordingException {
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            if (lastAndOpen) return null;
            throw new RecordingException(name + ":" + number + ": not a partop recording line (damaged JSON)");
        }
    }

    /**
     * Every byte, decompressed. A compressed recording that stops early (the run was killed, the
     * disk was full: no gzip trailer) gives what came before the cut, up to its last whole line;
     * nothing at all is damage.
     */
    private static byte[] readAll(InputStream in, String name, boolean[] cut) throws IOException, RecordingException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(1 << 16);
        byte[] buf = new byte[1 << 16];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                if (all.size() > MAX_BYTES) {
                    throw new RecordingException(name + ": more than " + (MAX_BYTES >> 20)
                            + " MiB of samples; not a recording this partop reads");
                }
            }
        } catch (EOFException | ZipException e) {
            byte[] got = all.toByteArray();
            int end = got.length;
            while (end > 0 && got[end - 1] != '\n') end--;
            if (end == 0) throw e;
            cut[0] = true;
            return java.util.Arrays.copyOf(got, end);
        }
        return all.toByteArray();
    }

    /** Recordings are about 20 KB a minute at 4 samples a second; an hour of 256 cores is far below this. */
    static final int MAX_BYTES = 1 << 30;

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
