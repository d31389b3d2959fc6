package dev.partop.view;

import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;

import dev.partop.record.Recording;
import dev.partop.record.SnapshotLogReader;
import dev.partop.record.SnapshotLogWriter;
import dev.partop.snapshot.Snapshot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A recording of a 64-core machine, replayed on this one at other terminal sizes. */
class ReplaySizesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,60"})
    void aRecordingRedrawsAtAnySize(int cols, int rows) throws Exception {
        Path file = dir.resolve("64.partop");
        try (SnapshotLogWriter w = new SnapshotLogWriter(file)) {
            w.header(SyntheticSnapshots.header(64));
            for (Snapshot s : SyntheticSnapshots.gilPhase(64, 30, false)) w.snapshot(s);
        }
        Recording r = SnapshotLogReader.read(file);
        ScreenText.Screen drawn = ScreenText.draw(cols, rows, r.header(), r.snapshots(), ColorMode.C256, Symbols.UNICODE);
        Golden.check("replay-" + cols + "x" + rows + "-64cores.txt", drawn.golden());
        String screen = drawn.text();
        assertThat(screen).contains("of 64 cores").contains("8 threads, one GIL");
    }
}
