package dev.partop.view;

import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.ObservedGil;
import dev.partop.snapshot.OsThread;
import dev.partop.snapshot.PhaseInfo;
import dev.partop.snapshot.Snapshot;
import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real programs' thread lanes on screen: every state its own glyph, and 200+ threads folded. */
class ThreadLanesViewTest {

    private static LaneSample lane(int id, long pid, long tid, LaneState st, double run, double hold, double gil,
                                   double runnable, double lock, double sleep) {
        return new LaneSample(id, pid + "/" + tid + " python3", st, run + hold, run, hold, gil, 0, 0, 0, -1,
                new OsThread(pid, tid, "python3", runnable, lock, sleep, 0, 0, null));
    }

    private static List<Snapshot> with(List<LaneSample> lanes, int ticks) {
        List<Snapshot> base = SyntheticSnapshots.gilPhase(2, ticks, false);
        List<Snapshot> out = new ArrayList<>();
        ModelStats stats = new ModelStats(null, null, null, null, List.of(
                new ObservedGil(100, "CPython 3.12", null, true, 101, 1, 5000, 300, 180, 0.99, 2.5)));
        for (Snapshot s : base) {
            out.add(s.toBuilder().phase(PhaseInfo.builder().name("watch").model("watch").settings("pid 100").build())
                    .tasksDone(0).tasksTotal(0)
                    .lanes(lanes).holders(List.of()).stats(stats).build());
        }
        return out;
    }

    @Test
    void eachKindOfWaitHasItsGlyphAndTheRealGilIsInThePanel() throws Exception {
        List<LaneSample> lanes = List.of(
                lane(0, 100, 100, LaneState.SLEEPING, 0, 0, 0, 0, 0, 1),
                lane(1, 100, 101, LaneState.HOLDING, 0, 0.9, 0.1, 0, 0, 0),
                lane(2, 100, 102, LaneState.WAITING, 0.1, 0, 0.9, 0, 0, 0),
                lane(3, 100, 103, LaneState.RUNNABLE, 0.1, 0, 0, 0.9, 0, 0),
                lane(4, 100, 104, LaneState.LOCKED, 0, 0, 0, 0, 1, 0));
        for (Symbols sym : List.of(Symbols.UNICODE, Symbols.ASCII)) {
            String screen = ScreenText.render(120, 36, SyntheticSnapshots.header(2), with(lanes, 10), ColorMode.MONO, sym);
            assertThat(screen).contains("threads ").contains("GIL wait").contains("no core");
            assertThat(screen).contains("GIL 100 3.12").contains("hand-overs/s").contains("holder");
            for (char g : new char[]{sym.sleeping(), sym.holding(), sym.waiting(), sym.runnable(), sym.lock()}) {
                assertThat(screen.lines().filter(l -> l.startsWith("10")).anyMatch(l -> l.substring(29).indexOf(g) >= 0))
                        .as("glyph %s in a lane", g).isTrue();
            }
        }
    }

    @Test
    void twoHundredThreadsFoldIntoARowPerProcess() throws Exception {
        List<LaneSample> lanes = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            long pid = i < 200 ? 100 : 300;
            lanes.add(lane(i, pid, 1000 + i, i % 2 == 0 ? LaneState.SLEEPING : LaneState.WAITING, 0.1, 0, 0.9, 0, 0, 0));
        }
        String screen = ScreenText.render(120, 36, SyntheticSnapshots.header(2), with(lanes, 3), ColorMode.MONO,
                Symbols.UNICODE);
        assertThat(screen).contains("100     x200").contains("300     x50").contains("sleep 100").contains("waiting 100");
        assertThat(screen).doesNotContain("more lanes");
    }
}
