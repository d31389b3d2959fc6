package dev.partop.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AsciicastWriterTest {

    @TempDir
    Path dir;

    private List<JsonNode> lines(Path f) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(f).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l);
            }
        }).toList();
    }

    @Test
    void v2HeaderAndOneOutputEventPerFlush() throws Exception {
        Path f = dir.resolve("a.cast");
        AsciicastWriter w = new AsciicastWriter(f, "my talk", Map.of("TERM", "xterm-256color", "SHELL", "/bin/bash"), false);
        OutputStream tee = w.tee(null);
        tee.write("before start ".getBytes(StandardCharsets.UTF_8));
        w.start(120, 36);
        tee.write("frame 1".getBytes(StandardCharsets.UTF_8));
        tee.write(" more".getBytes(StandardCharsets.UTF_8));
        tee.flush();
        tee.write("\u001b[2Jframe 2".getBytes(StandardCharsets.UTF_8));
        tee.flush();
        w.resize(80, 24);
        w.close();
        List<JsonNode> l = lines(f);
        JsonNode h = l.get(0);
        assertThat(h.get("version").asInt()).isEqualTo(2);
        assertThat(h.get("width").asInt()).isEqualTo(120);
        assertThat(h.get("height").asInt()).isEqualTo(36);
        assertThat(h.get("title").asText()).isEqualTo("my talk");
        assertThat(h.get("env").get("TERM").asText()).isEqualTo("xterm-256color");
        assertThat(l.subList(1, l.size())).extracting(e -> e.get(1).asText()).containsExactly("o", "o", "o", "r");
        assertThat(l.get(1).get(2).asText()).isEqualTo("before start ");
        assertThat(l.get(2).get(2).asText()).isEqualTo("frame 1 more");
        assertThat(l.get(3).get(2).asText()).isEqualTo("\u001b[2Jframe 2");
        assertThat(l.get(4).get(2).asText()).isEqualTo("80x24");
        double last = 0;
        for (JsonNode e : l.subList(1, l.size())) {
            assertThat(e.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = e.get(0).asDouble();
        }
    }

    @Test
    void aCharacterSplitAcrossFlushesStaysWhole() throws Exception {
        Path f = dir.resolve("u.cast");
        AsciicastWriter w = new AsciicastWriter(f, "t", Map.of(), false);
        w.start(80, 24);
        OutputStream tee = w.tee(null);
        byte[] block = "█".getBytes(StandardCharsets.UTF_8); // 3 bytes
        tee.write(block, 0, 2);
        tee.flush();
        tee.write(block, 2, 1);
        tee.flush();
        w.close();
        List<JsonNode> l = lines(f);
        assertThat(l).hasSize(2);
        assertThat(l.get(1).get(2).asText()).isEqualTo("█");
    }

    @Test
    void v3UsesIntervalsAndATermObject() throws Exception {
        Path f = dir.resolve("v3.cast");
        AsciicastWriter w = new AsciicastWriter(f, "t", Map.of("TERM", "xterm"), true);
        w.start(100, 30);
        OutputStream tee = w.tee(null);
        tee.write('a');
        tee.flush();
        w.close();
        List<JsonNode> l = lines(f);
        assertThat(l.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(l.get(0).get("term").get("cols").asInt()).isEqualTo(100);
        assertThat(l.get(0).get("term").get("type").asText()).isEqualTo("xterm");
    }

    @Test
    void wholeCharacters() {
        assertThat(AsciicastWriter.wholeCharacters("ab".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        byte[] e = "a€".getBytes(StandardCharsets.UTF_8);
        assertThat(AsciicastWriter.wholeCharacters(java.util.Arrays.copyOf(e, 3))).isEqualTo(1);
        assertThat(AsciicastWriter.wholeCharacters(e)).isEqualTo(4);
    }
}
