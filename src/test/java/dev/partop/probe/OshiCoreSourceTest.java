package dev.partop.probe;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.Machine;
import dev.partop.work.CpuKernel;
import dev.partop.work.EvalBreaker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real OSHI sampler against an independent reading of /proc/stat over the same interval. */
class OshiCoreSourceTest {

    /** cpuN → {busy ticks, total ticks} read straight from /proc/stat. */
    private static Map<Integer, long[]> procStat() throws IOException {
        Map<Integer, long[]> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) continue;
            String[] f = line.trim().split("\\s+");
            int cpu = Integer.parseInt(f[0].substring(3));
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq;
            out.put(cpu, new long[]{busy, busy + idle + iowait + steal});
        }
        return out;
    }

    @Test
    void busyPercentAgreesWithProcStatWithinFivePoints() throws Exception {
        OshiCoreSource source = new OshiCoreSource();
        Map<Integer, long[]> before = procStat();
        source.sample();
        // load one core for a while so there is something to agree on
        Thread burner = new Thread(() -> {
            long end = System.nanoTime() + 600_000_000L;
            while (System.nanoTime() < end) CpuKernel.consume(CpuKernel.run(100_000, 1, EvalBreaker.NONE));
        });
        burner.start();
        burner.join();
        List<CoreSample> samples = source.sample();
        Map<Integer, long[]> after = procStat();

        assertThat(samples).hasSize(source.machine().logical());
        double sumOshi = 0;
        for (CoreSample c : samples) {
            long[] a = before.get(c.cpu());
            long[] b = after.get(c.cpu());
            double proc = (double) (b[0] - a[0]) / Math.max(1, b[1] - a[1]);
            assertThat(c.busy() * 100).as("cpu%d: OSHI vs /proc/stat", c.cpu()).isCloseTo(proc * 100,
                    org.assertj.core.data.Offset.offset(5.0));
            sumOshi += c.busy();
        }
        // the burner kept one core busy: the machine as a whole shows at least most of a core
        assertThat(sumOshi).isGreaterThan(0.6);
    }

    @Test
    void topologyCoversEveryAllowedCpu() {
        Machine m = new OshiCoreSource().machine();
        assertThat(m.logical()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(m.topology()).extracting(Machine.Cpu::cpu).doesNotHaveDuplicates();
        assertThat(m.physical()).isBetween(1, m.logical());
    }

    @Test
    void samplesAtOnceThenWithOshisTopology() throws Exception {
        OshiCoreSource source = new OshiCoreSource();
        long since = source.sinceNanos();
        // ready before OSHI has learnt the processor: one sample per allowed CPU, numbered by row
        List<CoreSample> first = source.sample();
        assertThat(first).extracting(CoreSample::cpu).containsExactlyElementsOf(
                new OshiCoreSource().machine().topology().stream().map(Machine.Cpu::cpu).toList());
        assertThat(source.sinceNanos()).isGreaterThan(since);
        Machine m = source.machine(); // waits for OSHI
        List<CoreSample> later = source.sample();
        assertThat(later).hasSize(m.logical());
        for (int i = 0; i < later.size(); i++) {
            assertThat(later.get(i).core()).isEqualTo(m.topology().get(i).core());
            assertThat(later.get(i).pkg()).isEqualTo(m.topology().get(i).pkg());
        }
    }

    @Test
    void parsesKernelCpuLists() {
        assertThat(AllowedCpus.parseList("0-3,8,10-11\n")).containsExactly(0, 1, 2, 3, 8, 10, 11);
    }

    @Test
    void syntheticSourceDescribesAnyMachine() {
        SyntheticCoreSource s = new SyntheticCoreSource(256);
        assertThat(s.machine().logical()).isEqualTo(256);
        assertThat(s.machine().physical()).isEqualTo(128);
        assertThat(s.machine().packages()).isEqualTo(2);
        assertThat(s.sample()).hasSize(256).allSatisfy(c -> assertThat(c.busy()).isBetween(0.0, 1.0));
    }
}
