package dev.partop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Recordings made by the real jar: asciicast and data, played back by real players. */
class RecordingIT {

    private static final String SCENARIO =
            JarRunner.twoTasksScenario("recorded", "Short phases to record.", "300ms", false);

    @TempDir
    static Path dir;
    static Path scenario;

    @BeforeAll
    static void write() throws Exception {
        scenario = JarRunner.scenario(dir, "rec.yaml", SCENARIO);
    }

    private static boolean asciinema() {
        try {
            return new ProcessBuilder("asciinema", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void castWithNoTerminalPlaysBackToTheFinalScreen() throws Exception {
        Path cast = dir.resolve("run.cast");
        Path data = dir.resolve("run.partop");
        JarRunner.Result r = JarRunner.run("--record", cast.toString(), "--size", "100x30", "--save", data.toString(),
                "--json", scenario.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(cast);
        ObjectMapper json = new ObjectMapper();
        var header = json.readTree(lines.get(0));
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(100);
        assertThat(header.get("title").asText()).isEqualTo("recorded");
        double last = 0;
        for (String l : lines.subList(1, lines.size())) {
            var e = json.readTree(l);
            assertThat(e.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = e.get(0).asDouble();
        }

        // report of the data recording = the summary line of the same run
        String summary = r.lines().get(r.lines().size() - 1);
        JarRunner.Result report = JarRunner.run("report", data.toString(), "--format", "json");
        assertThat(report.exit()).isZero();
        assertThat(report.out().strip()).isEqualTo(summary);

        boolean ci = System.getenv("CI") != null;
        if (!asciinema() || !Tmux.available()) {
            assertThat(ci).as("CI installs asciinema and tmux").isFalse();
            return;
        }
        try (Tmux t = Tmux.start(100, 30, java.util.Map.of("TERM", "xterm-256color"), "asciinema cat " + cast, false)) {
            String screen = t.awaitScreen(s -> s.contains("finished"), 15, "the replayed final screen");
            assertThat(screen).contains("two GIL threads").contains("results").contains("1.00x");
        }
    }

    @Test
    void aKilledRunLeavesAPlayableCast() throws Exception {
        Path cast = dir.resolve("killed.cast");
        Path longer = JarRunner.scenario(dir, "long.yaml", SCENARIO.replace("300ms", "20s"));
        Process p = JarRunner.startQuietly("--record", cast.toString(), "--fps", "30", "--headless", longer.toString());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && (!Files.exists(cast) || Files.readAllLines(cast).size() < 8)) {
            Thread.sleep(100);
        }
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(cast);
        assertThat(lines.size()).isGreaterThanOrEqualTo(8);
        ObjectMapper json = new ObjectMapper();
        for (String l : lines.subList(0, lines.size() - 1)) json.readTree(l);
    }

    @Test
    void badRecordingsAreOneLineAndExitTwo() throws Exception {
        Path bad = dir.resolve("bad.partop");
        Files.writeString(bad, "{\"type\":\"header\",\"format\":99}\n");
        for (String cmd : List.of("report", "replay")) {
            JarRunner.Result r = JarRunner.run(cmd, bad.toString());
            assertThat(r.exit()).as(cmd).isEqualTo(2);
            assertThat(r.err()).contains("format 99").doesNotContain("Exception");
        }
    }
}
