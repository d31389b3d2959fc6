package dev.partop.record;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.snapshot.Json;
import dev.partop.snapshot.RunHeader;
import dev.partop.snapshot.Snapshot;
import dev.partop.view.SyntheticSnapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotLogTest {

    @TempDir
    Path dir;

    private Path record(String name, int cores) throws Exception {
        Path file = dir.resolve(name);
        try (SnapshotLogWriter w = new SnapshotLogWriter(file)) {
            w.header(SyntheticSnapshots.header(cores));
            for (Snapshot s : SyntheticSnapshots.gilPhase(cores, 12, true)) w.snapshot(s);
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"run.partop", "run.partop.gz"})
    void roundTripsEveryRecord(String name) throws Exception {
        Path file = record(name, 64);
        Recording r = SnapshotLogReader.read(file);
        assertThat(r.header()).isEqualTo(SyntheticSnapshots.header(64));
        List<Snapshot> expected = SyntheticSnapshots.gilPhase(64, 12, true);
        assertThat(r.snapshots()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Snapshot got = r.snapshots().get(i);
            Snapshot want = expected.get(i);
            // results exactly (a report must equal the run's summary); samples to 4 decimals
            assertThat(got.results()).isEqualTo(want.results());
            assertThat(got.seq()).isEqualTo(want.seq());
            assertThat(got.phase()).isEqualTo(want.phase());
            assertThat(got.lanes()).hasSameSizeAs(want.lanes());
            assertThat(got.holders()).hasSameSizeAs(want.holders());
            assertThat(got.stats().lock() == null).isEqualTo(want.stats().lock() == null);
            for (int c = 0; c < want.cores().size(); c++) {
                assertThat(got.cores().get(c).busy()).isCloseTo(want.cores().get(c).busy(),
                        org.assertj.core.data.Offset.offset(2e-4));
            }
            assertThat(got.t()).isCloseTo(want.t(), org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(r.truncated()).isFalse();
        if (name.endsWith(".gz")) assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) 0x1f);
    }

    @Test
    void aCutOffLastLineIsForgiven() throws Exception {
        Path file = record("cut.partop", 2);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 40));
        Recording r = SnapshotLogReader.read(file);
        assertThat(r.truncated()).isTrue();
        assertThat(r.snapshots()).hasSize(12);
    }

    @Test
    void aCompressedRecordingOfAKilledRunReadsUpToItsLastLine() throws Exception {
        // a run killed (or a disk filled) before the gzip trailer: every sync-flushed line is there
        Path file = dir.resolve("killed.partop.gz");
        SnapshotLogWriter w = new SnapshotLogWriter(file);
        w.header(SyntheticSnapshots.header(2));
        List<Snapshot> all = SyntheticSnapshots.gilPhase(2, 12, true);
        for (Snapshot s : all.subList(0, 5)) w.snapshot(s);
        byte[] unclosed = Files.readAllBytes(file);
        w.close();
        Files.write(file, unclosed);
        Recording r = SnapshotLogReader.read(file);
        assertThat(r.snapshots()).hasSize(5);
        assertThat(r.truncated()).isTrue();
        // cut anywhere past the header: what came before the cut
        Path whole = record("whole.partop.gz", 2);
        int samples = SnapshotLogReader.read(whole).snapshots().size();
        byte[] closed = Files.readAllBytes(whole);
        for (int cut = closed.length - 1; cut > closed.length / 2; cut -= 37) {
            Files.write(file, java.util.Arrays.copyOf(closed, cut));
            assertThat(SnapshotLogReader.read(file).snapshots().size()).isBetween(1, samples);
        }
    }

    @Test
    void aFullDiskEndsTheRecordingOnceAndQuietly() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
        List<java.io.IOException> told = new java.util.ArrayList<>();
        try (SnapshotLogWriter w = new SnapshotLogWriter(full)) {
            w.onFailure(told::add);
            w.header(SyntheticSnapshots.header(2));
            for (Snapshot s : SyntheticSnapshots.gilPhase(2, 12, true)) w.snapshot(s);
        }
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).hasMessageContaining("No space left on device");
    }

    @Test
    void damagedFilesAreOneLineErrors() throws Exception {
        Path good = record("good.partop", 2);
        List<String> lines = Files.readAllLines(good);

        Path corrupt = dir.resolve("corrupt.partop");
        List<String> broken = new java.util.ArrayList<>(lines);
        broken.set(3, "{not json");
        Files.write(corrupt, broken);
        assertError(corrupt, "corrupt.partop:4:");

        Path future = dir.resolve("future.partop");
        List<String> newer = new java.util.ArrayList<>(lines);
        newer.set(0, lines.get(0).replace("\"format\":1", "\"format\":7"));
        Files.write(future, newer);
        assertError(future, "newer partop");

        Path empty = dir.resolve("empty.partop");
        Files.writeString(empty, "");
        assertError(empty, "empty");

        Path yaml = dir.resolve("scenario.partop");
        Files.writeString(yaml, "name: x\nphases: []\n");
        assertError(yaml, "not a partop recording");

        Path binary = dir.resolve("binary.partop");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertError(binary, "not a partop recording");

        assertError(dir.resolve("missing.partop"), "no such file");
    }

    private static void assertError(Path file, String expected) {
        assertThatThrownBy(() -> SnapshotLogReader.read(file)).isInstanceOf(RecordingException.class)
                .hasMessageContaining(expected).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void reportJsonIsTheSummaryLine() throws Exception {
        Recording r = SnapshotLogReader.read(record("run.partop", 2));
        String summary = Json.mapper().writeValueAsString(JsonLinesPrinter.summary(r.results()));
        assertThat(summary).contains("\"type\":\"summary\"").contains("\"speedup\":0.96");
        String md = ResultsTable.markdown(r.header(), r.results());
        assertThat(md).contains("| 8 threads, one GIL | gil-threads |").contains("0.96x").contains("190 switches/s")
                .contains("synthetic 2-CPU machine");
        String csv = ResultsTable.csv(r.header(), r.results());
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains(",0.9600,");
    }

    @Test
    void headerCarriesTheScenarioText() throws Exception {
        RunHeader h = RunHeader.builder().partopVersion("1").javaVersion("17").os("Linux")
                .machine(SyntheticSnapshots.header(2).machine()).scenarioName("s").scenarioSource("f.yaml")
                .scenarioText("name: s\nphases: []\n").opsPerSecond(1e9).calibrationMs(100).intervalS(0.25)
                .phases(List.of("a")).build();
        Path file = dir.resolve("h.partop");
        try (SnapshotLogWriter w = new SnapshotLogWriter(file)) {
            w.header(h);
            w.snapshot(SyntheticSnapshots.gilPhase(2, 1, false).get(0));
        }
        assertThat(SnapshotLogReader.read(file).header().scenarioText()).isEqualTo("name: s\nphases: []\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8).lines().count()).isEqualTo(2);
    }
}
