package dev.partop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real python3 program of more than 200 threads in two processes, watched: its threads fold
 * into a row per process (threads, mean and highest CPU, counts by state), in {@code --json}'s
 * {@code groups} and on the dashboard.
 */
class ManyThreadsIT {

    /** 162 threads in the parent (2 spinning, 160 asleep), 101 asleep in a child; prints "ready" once all are up. */
    private static final String MANY = """
            import sys, threading, time, multiprocessing as mp
            def spin():
                x = 0
                while True: x += 1
            def crowd(n, spinners, ready):
                for _ in range(spinners): threading.Thread(target=spin, daemon=True).start()
                for _ in range(n - spinners): threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
                if ready: ready.set()
                time.sleep(600)
            if __name__ == "__main__":
                ready = mp.get_context("fork").Event()
                child = mp.get_context("fork").Process(target=crowd, args=(100, 0, ready), daemon=True)
                child.start()
                ready.wait()
                threading.Thread(target=crowd, args=(160, 2, None), daemon=True).start()
                while threading.active_count() < 162: time.sleep(0.05)
                print("ready", child.pid, flush=True)
                time.sleep(600)
            """;

    @TempDir
    static Path dir;
    static Process py;
    static long child;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "-c", "pass").start().waitFor() == 0, "no python3");
        Path script = dir.resolve("many.py");
        Files.writeString(script, MANY);
        py = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(py.getInputStream())).readLine();
        assertThat(line).as("the program's threads started").startsWith("ready ");
        child = Long.parseLong(line.substring(6).trim());
    }

    @AfterAll
    static void stop() throws Exception {
        if (py == null) return;
        ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        py.destroyForcibly();
        py.waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void watchJsonFoldsTheThreadsByProcess() throws Exception {
        JarRunner.Result r = JarRunner.run("watch", Long.toString(py.pid()), "--json", "--for", "5s");
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> folded = new ArrayList<>();
        for (String l : r.lines()) {
            JsonNode o = json.readTree(l);
            if (o.path("type").asText().equals("sample") && o.path("state").asText().equals("running")
                    && o.has("groups")) folded.add(o);
        }
        assertThat(folded).as("samples with groups").hasSizeGreaterThan(5);
        // one from the middle: at the end the watch lets go and its last sample shows every thread done
        JsonNode last = folded.get(folded.size() / 2);
        JsonNode groups = last.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(last.get("lanes")).hasSize(263);
        JsonNode parent = groups.get(0);
        JsonNode kid = groups.get(1);
        assertThat(parent.get("pid").asLong()).isEqualTo(py.pid());
        assertThat(kid.get("pid").asLong()).isEqualTo(child);
        assertThat(parent.get("threads").asInt()).isEqualTo(162);
        assertThat(kid.get("threads").asInt()).isEqualTo(101);
        for (JsonNode g : groups) {
            int counted = 0;
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) g.get("states")::fields) counted += e.getValue().asInt();
            assertThat(counted).as("threads counted by state").isEqualTo(g.get("threads").asInt());
            assertThat(g.get("mean_cpu").asDouble()).isLessThanOrEqualTo(g.get("max_cpu").asDouble());
            assertThat(g.get("mean_cpu").asDouble() * g.get("threads").asInt())
                    .isCloseTo(g.get("cpu").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        }
        // the child's 101 threads all sleep; the parent's 160 sleepers too, and its 2 spinners run or wait for the GIL
        assertThat(kid.get("states").path("SLEEPING").asInt()).isEqualTo(101);
        assertThat(parent.get("states").path("SLEEPING").asInt()).isEqualTo(160);
        assertThat(folded.stream().mapToDouble(o -> o.get("groups").get(0).get("max_cpu").asDouble()).max().orElse(0))
                .as("a spinner's CPU in the parent's row").isGreaterThan(0.05);
        assertThat(py.isAlive()).as("the watched program is left running").isTrue();
    }

    @Test
    void theDashboardShowsARowPerProcess() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + JarRunner.jar();
        try (Tmux t = Tmux.start(120, 36, Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "CI", ""),
                java + " watch " + py.pid())) {
            String screen = t.awaitScreen(s -> s.contains("x162") && s.contains("x101"), 30,
                    "a row per process of the 263 threads");
            assertThat(screen).contains(py.pid() + " ").contains(child + " ").contains("sleep 101").contains("sleep 160");
            t.keys("q");
            assertThat(t.awaitScreen(s -> s.contains("PARTOP-EXIT="), 15, "partop to exit")).contains("PARTOP-EXIT=0");
        }
        assertThat(py.isAlive()).isTrue();
    }
}
