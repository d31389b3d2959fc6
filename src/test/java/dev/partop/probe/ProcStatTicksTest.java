package dev.partop.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.util.driver.linux.proc.CpuStat;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTicksTest {

    @Test
    void readsTheCpuRowsInOrderAndLeavesTheRestZero(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("stat");
        Files.writeString(f, "cpu  10 20 30 40 50 60 70 80 0 0\n"
                + "cpu0 1 2 3 4 5 6 7 8 0 0\n"
                + "cpu3 11 12 13 14 15 16 17 18 0 0\n"
                + "intr 123 4 5 6\n"
                + "cpu9 7 7 7\n" // an older kernel's short row
                + "ctxt 99\n");
        long[][] t = new ProcStatTicks(f).read(4);
        assertThat(t[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(t[1]).containsExactly(11, 12, 13, 14, 15, 16, 17, 18);
        assertThat(t[2]).containsExactly(7, 7, 7, 0, 0, 0, 0, 0);
        assertThat(t[3]).containsOnly(0L);
    }

    @Test
    void rereadsTheKeptOpenFileAndGrowsItsBuffer(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("stat");
        ProcStatTicks ticks = new ProcStatTicks(f);
        Files.writeString(f, "cpu0 1 1 1 1 1 1 1 1\n");
        assertThat(ticks.read(1)[0][0]).isEqualTo(1);
        // a file larger than the buffer (a long intr line) before the row
        Files.writeString(f, "intr " + "1 ".repeat(40_000) + "\ncpu0 2 2 2 2 2 2 2 2\n");
        assertThat(ticks.read(1)[0][0]).isEqualTo(2);
        assertThat(new ProcStatTicks(dir.resolve("none")).read(1)).isNull();
    }

    @Test
    void agreesWithOshisReaderOnThisMachine() {
        long[][] ours = new ProcStatTicks(Path.of("/proc/stat")).read(Runtime.getRuntime().availableProcessors());
        long[][] oshi = CpuStat.getProcessorCpuLoadTicks(Runtime.getRuntime().availableProcessors());
        assertThat(ours).isNotNull();
        for (int r = 0; r < oshi.length; r++) {
            for (int c = 0; c < ProcStatTicks.COLUMNS; c++) {
                // read a moment apart: the counters only grow, by a few ticks at most
                assertThat(oshi[r][c]).as("row %d column %d", r, c).isBetween(ours[r][c], ours[r][c] + 50);
            }
        }
    }
}
