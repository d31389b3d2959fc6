package dev.partop.record;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.PythonRuntime;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;
import dev.partop.view.SyntheticSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime of each phase and the header's interpreters: recorded, reported, and absent from old recordings. */
class RuntimeFieldsTest {

    @TempDir
    Path dir;

    private static final PhaseResult CPYTHON = PhaseResult.builder().name("2 threads in CPython").model("gil-threads")
            .settings("2 threads").wallS(2.1).cpuS(2.0).parallelism(0.95).speedup(0.93).tasksDone(2).tasksTotal(2)
            .stats(null).runtime("CPython 3.11.7").pythonVersion("3.11.7").build();

    private Path record(boolean withCpython) throws Exception {
        RunHeader base = SyntheticSnapshots.header(2);
        RunHeader h = base.toBuilder()
                .pythons(withCpython ? List.of(new PythonRuntime("python3", "3.11.7", 5.2e6, 300)) : List.of()).build();
        Path file = dir.resolve("run.partop");
        try (SnapshotLogWriter w = new SnapshotLogWriter(file)) {
            w.header(h);
            for (Snapshot s : SyntheticSnapshots.gilPhase(2, 3, true)) {
                List<PhaseResult> results = new ArrayList<>(s.results());
                if (withCpython) results.add(CPYTHON);
                w.snapshot(s.toBuilder().results(results).build());
            }
        }
        return file;
    }

    @Test
    void aCpythonPhaseKeepsItsRuntimeThroughARecordingAndTheReports() throws Exception {
        Recording r = SnapshotLogReader.read(record(true));
        assertThat(r.header().pythonsOrNone()).extracting(PythonRuntime::label).containsExactly("CPython 3.11.7");
        PhaseResult last = r.results().get(r.results().size() - 1);
        assertThat(last.runtime()).isEqualTo("CPython 3.11.7");
        assertThat(last.pythonVersion()).isEqualTo("3.11.7");
        assertThat(r.results().get(0).runtimeLabel()).isEqualTo("model");
        String json = JsonLinesPrinter.phase(last).toString();
        assertThat(json).contains("\"runtime\":\"CPython 3.11.7\"").contains("\"python_version\":\"3.11.7\"");
        assertThat(ResultsTable.markdown(r.header(), r.results())).contains("| gil-threads | CPython 3.11.7 |")
                .contains("| gil-threads | model |");
        assertThat(ResultsTable.csv(r.header(), r.results())).contains(",CPython 3.11.7,");
    }

    @Test
    void aRecordingFromBeforeRuntimesReadsAsModels() throws Exception {
        Path file = record(false);
        // what an older partop wrote: no runtime, python_version or pythons anywhere
        String old = Files.readString(file, StandardCharsets.UTF_8).lines()
                .map(l -> l.replaceAll(",\"runtime\":\"model\"", "").replaceAll(",\"python_version\":null", "")
                        .replaceAll(",\"pythons\":\\[\\]", ""))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(old).doesNotContain("runtime").doesNotContain("pythons");
        Files.writeString(file, old, StandardCharsets.UTF_8);
        Recording r = SnapshotLogReader.read(file);
        assertThat(r.header().pythonsOrNone()).isEmpty();
        assertThat(r.results()).isNotEmpty().allSatisfy(p -> assertThat(p.runtimeLabel()).isEqualTo("model"));
        assertThat(JsonLinesPrinter.phase(r.results().get(0)).get("runtime").asText()).isEqualTo("model");
    }
}
