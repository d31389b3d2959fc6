package dev.partop.record;

import dev.partop.snapshot.CoreSample;
import dev.partop.snapshot.HolderSpan;
import dev.partop.snapshot.LaneSample;
import dev.partop.snapshot.LaneState;
import dev.partop.snapshot.LockStats;
import dev.partop.snapshot.ModelStats;
import dev.partop.snapshot.PhaseInfo;
import dev.partop.snapshot.PhaseResult;
import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;
import dev.partop.view.SyntheticSnapshots;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The run timeline the pictures are drawn from, and the SVG and HTML drawn from it. */
class PicturesTest {

    private static final String GIL = "2 threads </script><b>, one GIL";

    /** A run of two phases, one thread then two GIL threads, a sample every 0.25 s. */
    private static List<Snapshot> run() {
        List<Snapshot> out = new ArrayList<>();
        List<PhaseResult> done = List.of();
        PhaseResult first = PhaseResult.builder().name("one thread").model("sequential").settings("1 thread")
                .wallS(1.0).cpuS(1.0).parallelism(1.0).speedup(1.0).tasksDone(2).tasksTotal(2).build();
        for (int i = 0; i < 4; i++) out.add(sample(i, 0, "one thread", 1.0, List.of(), null, done));
        done = List.of(first);
        for (int i = 4; i < 8; i++) {
            double t = 0.25 * (i + 1);
            // lane 0 holds from the start of the sample, still holding at its end: the span comes again, longer
            List<HolderSpan> spans = List.of(new HolderSpan(0, i % 2, t - 0.25, t - 0.1), new HolderSpan(0, 1 - i % 2, t - 0.1, t));
            LockStats lock = new LockStats(1, 0, 0, 0, 50L * (i - 3), 200, 0, 0, 1, 0, 0);
            out.add(sample(i, 1, GIL, 1.0, spans, lock, done));
        }
        PhaseResult second = PhaseResult.builder().name(GIL).model("gil-threads").settings("2 threads")
                .wallS(1.1).cpuS(1.1).parallelism(1.0).speedup(1.0 / 1.1).tasksDone(2).tasksTotal(2).build();
        out.add(Snapshot.builder().seq(8).t(2.25).state(RunState.FINISHED).phaseCount(2).tick(0.25).cores(cores(0.1))
                .results(List.of(first, second)).build());
        return out;
    }

    private static Snapshot sample(int seq, int phase, String name, double busy, List<HolderSpan> holders,
                                   LockStats lock, List<PhaseResult> done) {
        List<LaneSample> lanes = List.of(
                new LaneSample(0, "T1", LaneState.HOLDING, 0.5, 0, 0.5, 0.5, 0, 0, 0, 0),
                new LaneSample(1, "T2", LaneState.WAITING, 0.4, 0, 0.4, 0.6, 0, 0, 0, 0));
        return Snapshot.builder().seq(seq).t(0.25 * (seq + 1)).state(RunState.RUNNING).phaseIndex(phase).phaseCount(2)
                .phase(PhaseInfo.builder().name(name).model(phase == 0 ? "sequential" : "gil-threads").settings("")
                        .build())
                .tick(0.25).tasksTotal(2)
                .cores(cores(busy)).lanes(lanes).holders(holders).stats(new ModelStats(lock, null, null, null))
                .results(done).build();
    }

    private static List<CoreSample> cores(double busy) {
        return List.of(new CoreSample(0, 0, 0, busy, 0, 0, 0), new CoreSample(1, 1, 0, 0.1, 0, 0, 0));
    }

    private static RunTimeline timeline(List<Snapshot> snapshots) {
        RunTimeline t = new RunTimeline();
        t.header(SyntheticSnapshots.header(2));
        snapshots.forEach(t::snapshot);
        return t;
    }

    @Test
    void phasesBecomeBandsAndHandOversAreTheSwitchCounterPerSecond() {
        RunTimeline t = timeline(run());
        assertThat(t.bands()).extracting(RunTimeline.Band::name).containsExactly("one thread", GIL);
        assertThat(t.bands().get(1).start()).isCloseTo(1.0, within(1e-9));
        assertThat(t.bands().get(1).end()).isCloseTo(2.0, within(1e-9));
        // 50 switches in each 0.25 s sample
        assertThat(t.points().subList(4, 8)).extracting(RunTimeline.Point::handovers).containsOnly(200.0);
        assertThat(t.points().get(0).handovers()).isNaN();
        assertThat(t.points().get(0).busy()).isCloseTo(1.1, within(1e-9));
        assertThat(t.points().get(0).phaseCores()).isCloseTo(0.9, within(1e-9));
        assertThat(t.results()).hasSize(2);
    }

    @Test
    void aHoldSeenInSeveralSamplesIsKeptOnceAtItsLongest() {
        List<Snapshot> snaps = new ArrayList<>(run());
        Snapshot s = snaps.get(5);
        // the next sample reports lane 1's open hold again, now ended later
        HolderSpan open = s.holders().get(1);
        snaps.set(6, withHolders(snaps.get(6), List.of(new HolderSpan(0, open.lane(), open.start(), open.end() + 0.05))));
        RunTimeline t = timeline(snaps);
        List<RunTimeline.Hold> same = t.holds().stream().filter(h -> h.start() == open.start()).toList();
        assertThat(same).hasSize(1);
        assertThat(same.get(0).end()).isCloseTo(open.end() + 0.05, within(1e-9));
    }

    @Test
    void aRestartedRunIsDrawnFromItsLastPass() {
        List<Snapshot> snaps = new ArrayList<>(run().subList(0, 6));
        snaps.addAll(run()); // r pressed in the GIL phase: the scenario begins again
        RunTimeline t = timeline(snaps);
        assertThat(t.bands()).hasSize(2);
        assertThat(t.points()).hasSize(9);
    }

    @Test
    void theSvgIsWellFormedAndNamesEveryPhaseWithTheTablesSpeedUp() throws Exception {
        RunTimeline t = timeline(run());
        for (Theme theme : Theme.values()) {
            String svg = SvgReport.render(t, theme);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            String text = doc.getDocumentElement().getTextContent();
            assertThat(text).contains("one thread", GIL, "1.00x", "0.91x", "who held the lock");
            assertThat(ResultsTable.markdown(t.header(), t.results())).contains("| 1.00x |", "| 0.91x |");
            assertThat(svg).contains(theme.background);
        }
    }

    @Test
    void aRunWithNoLockSaysSo() {
        RunTimeline t = timeline(run().subList(0, 4));
        assertThat(t.holderWindow(0.2)).isNull();
        assertThat(SvgReport.render(t, Theme.light)).contains("no phase used a lock", "no phase passed a lock");
        assertThat(HtmlReport.render(t, Theme.light)).contains("\"holds\":[]");
    }

    @Test
    void theHtmlCarriesItsScriptAndDataInsideAndAPhaseNameCannotEndTheScript() {
        String html = HtmlReport.render(timeline(run()), Theme.dark);
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img)[^>]*\\s(src|href)=");
        assertThat(html).contains("uPlot").contains(Theme.dark.background).doesNotContain("/*DATA*/");
        assertThat(html).doesNotContain("</script><b>").contains("2 threads <\\/script><b>, one GIL");
        assertThat(html.split("(?i)</script", -1)).hasSize(4); // the data, uPlot and the page's script
    }

    private static Snapshot withHolders(Snapshot s, List<HolderSpan> holders) {
        return s.toBuilder().holders(holders).build();
    }
}
