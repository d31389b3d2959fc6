package dev.partop.record;

import dev.partop.sink.Rewindable;
import dev.partop.sink.SnapshotSink;

import dev.partop.snapshot.Snapshot;
import dev.partop.view.SyntheticSnapshots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayPlayerTest {

    static final class Recorder implements SnapshotSink, Rewindable {
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        volatile int rewinds;

        @Override
        public void snapshot(Snapshot s) {
            seqs.add(s.seq());
        }

        @Override
        public void rewind(List<Snapshot> upToNow) {
            rewinds++;
            seqs.add(-upToNow.get(upToNow.size() - 1).seq());
        }
    }

    private static Recording recording() {
        return new Recording(SyntheticSnapshots.header(2), SyntheticSnapshots.gilPhase(2, 20, true), false);
    }

    @Test
    void playsEverySampleInOrder() throws Exception {
        Recorder sink = new Recorder();
        new ReplayPlayer(recording(), List.of(sink), 1000).play();
        assertThat(sink.seqs).hasSize(21).isSorted();
    }

    @Test
    void stepsBackAndForthWhilePaused() throws Exception {
        Recorder sink = new Recorder();
        ReplayPlayer p = new ReplayPlayer(recording(), List.of(sink), 1);
        Thread t = new Thread(() -> {
            try {
                p.play();
            } catch (InterruptedException ignored) {
                // done
            }
        });
        p.togglePause();
        t.start();
        p.step(1);
        p.step(1);
        p.step(1);
        while (p.position() < 3) Thread.sleep(5);
        p.step(-1);
        while (sink.rewinds == 0) Thread.sleep(5);
        assertThat(p.position()).isEqualTo(2);
        assertThat(sink.seqs.get(sink.seqs.size() - 1)).isEqualTo(-1L);
        p.quit();
        t.join(2000);
        assertThat(t.isAlive()).isFalse();
    }
}
