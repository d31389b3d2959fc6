package dev.partop.view;

import dev.partop.snapshot.CpuLimit;
import dev.partop.snapshot.Machine;
import dev.partop.snapshot.RunHeader;
import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard under a container's limits: "of N" is what is allowed, the header says which
 * limit, and the host's CPUs outside a cpuset are dimmed places, not bars.
 */
class CpuLimitScreenTest {

    private static RunHeader withLimit(int cores, CpuLimit limit) {
        RunHeader h = SyntheticSnapshots.header(cores);
        Machine m = h.machine();
        Machine limited = new Machine(m.cpuModel(), m.logical(), m.physical(), m.packages(), m.maxFreqMhz(),
                m.topology(), limit);
        return h.toBuilder().machine(limited).build();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void aQuotaOfTwoCoresOnSixtyFour() throws Exception {
        CpuLimit quota = new CpuLimit(64, range(0, 64), 2.0, null, null);
        ScreenText.Screen s = ScreenText.draw(160, 40, withLimit(64, quota), SyntheticSnapshots.gilPhase(64, 10, false),
                ColorMode.C256, Symbols.UNICODE);
        assertThat(s.text()).contains("of 2 allowed cores (quota 2 of 64 CPUs)");
        assertThat(s.text()).contains("of 2 allowed cores").doesNotContain("of 64 cores");
    }

    @Test
    void cpusOutsideTheCpusetAreDimmedBars() throws Exception {
        CpuLimit cpuset = new CpuLimit(4, range(0, 2), null, "0-1", null);
        ScreenText.Screen s = ScreenText.draw(100, 30, withLimit(2, cpuset), SyntheticSnapshots.gilPhase(2, 10, false),
                ColorMode.C256, Symbols.UNICODE);
        String text = s.text();
        assertThat(text).contains("of 2 allowed cores (cpuset 0-1 of 4 CPUs)");
        List<String> lines = text.lines().toList();
        List<String> roles = s.roles().lines().toList();
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String cpu : new String[]{"2 not allowed", "3 not allowed"}) {
                int at = lines.get(i).indexOf(cpu);
                if (at < 0) continue;
                outside.add(cpu);
                String cells = roles.get(i).substring(at, at + cpu.length());
                assertThat(cells).as("CPU %s dimmed", cpu).matches("d d+ d+");
            }
        }
        assertThat(outside).as("a place each for CPUs 2 and 3:\n" + text).hasSize(2);
        assertThat(text).containsPattern("\\s0▕").containsPattern("\\s1▕");
    }

    @Test
    void cpusOutsideTheCpusetAreDimmedCellsInTheHeatGrid() throws Exception {
        CpuLimit cpuset = new CpuLimit(256, range(0, 2), null, "0-1", null);
        ScreenText.Screen s = ScreenText.draw(100, 30, withLimit(2, cpuset), SyntheticSnapshots.gilPhase(2, 10, false),
                ColorMode.C256, Symbols.UNICODE);
        assertThat(s.text()).contains("×××").contains("(cpuset 0-1 of 256 CPUs)");
        assertThat(s.text()).doesNotContain("not shown");
    }

    @Test
    void aLimitThatCouldNotBeReadIsSaid() throws Exception {
        CpuLimit unknown = new CpuLimit(2, range(0, 2), null, null, "cpu.max: Is a directory");
        ScreenText.Screen s = ScreenText.draw(140, 30, withLimit(2, unknown), SyntheticSnapshots.gilPhase(2, 10, false),
                ColorMode.C256, Symbols.UNICODE);
        assertThat(s.text()).contains("cores 0.55 of 2 ").contains("(limit unknown: cpu.max: Is a directory)");
    }

    @Test
    void noLimitLooksAsBefore() throws Exception {
        CpuLimit none = new CpuLimit(2, range(0, 2), null, null, null);
        String text = ScreenText.draw(100, 30, withLimit(2, none), SyntheticSnapshots.gilPhase(2, 10, false),
                ColorMode.C256, Symbols.UNICODE).text();
        String before = ScreenText.draw(100, 30, SyntheticSnapshots.header(2), SyntheticSnapshots.gilPhase(2, 10, false),
                ColorMode.C256, Symbols.UNICODE).text();
        assertThat(text).isEqualTo(before).doesNotContain("allowed");
    }
}
