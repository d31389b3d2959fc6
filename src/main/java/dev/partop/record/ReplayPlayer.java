package dev.partop.record;

import dev.partop.sink.ReplayControls;
import dev.partop.sink.Rewindable;
import dev.partop.sink.SnapshotSink;

import dev.partop.snapshot.Snapshot;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Plays a recording into the same sinks a live run feeds, at the recorded pace times
 * {@code speed}: pause, step one sample back or forth, jump to the next phase, start over,
 * quit. A sink that can {@link Rewindable rewind} is told when the position moves backwards.
 */
public final class ReplayPlayer implements ReplayControls {

    private final Recording recording;
    private final List<SnapshotSink> sinks;
    private final double speed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile int position;
    private int target = -1;
    private boolean paused;
    private boolean quit;

    public ReplayPlayer(Recording recording, List<SnapshotSink> sinks, double speed) {
        this.recording = recording;
        this.sinks = sinks;
        this.speed = speed;
    }

    /** Plays to the end (or until quit); returns then. */
    public void play() throws InterruptedException {
        for (SnapshotSink s : sinks) s.header(recording.header());
        List<Snapshot> all = recording.snapshots();
        lock.lock();
        try {
            while (!quit && position < all.size()) {
                if (target >= 0) {
                    jump(all, target);
                    target = -1;
                    continue;
                }
                if (paused) {
                    changed.await();
                    continue;
                }
                Snapshot s = all.get(position);
                send(s);
                position++;
                if (position < all.size()) {
                    double gap = Math.max(0, all.get(position).t() - s.t()) / speed;
                    changed.awaitNanos((long) (Math.min(gap, 10) * 1e9));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void send(Snapshot s) {
        for (SnapshotSink sink : sinks) sink.snapshot(s);
    }

    /** Moves to {@code index} (the next sample to show is index + 1). */
    private void jump(List<Snapshot> all, int index) {
        int i = Math.max(0, Math.min(all.size() - 1, index));
        if (i < position - 1) {
            List<Snapshot> upTo = all.subList(0, i + 1);
            for (SnapshotSink sink : sinks) {
                if (sink instanceof Rewindable r) r.rewind(upTo);
            }
        } else {
            for (int k = Math.max(position, 0); k <= i; k++) send(all.get(k));
        }
        position = i + 1;
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void togglePause() {
        signal(() -> paused = !paused);
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public void step(int delta) {
        signal(() -> {
            paused = true;
            // steps pile up on one not yet taken
            int from = target >= 0 ? target : position - 1;
            target = Math.max(0, from + delta);
        });
    }

    @Override
    public void skipPhase() {
        signal(() -> {
            List<Snapshot> all = recording.snapshots();
            int phase = position > 0 ? all.get(position - 1).phaseIndex() : -1;
            int i = position;
            while (i < all.size() - 1 && all.get(i).phaseIndex() == phase) i++;
            target = i;
        });
    }

    @Override
    public void restart() {
        signal(() -> target = 0);
    }

    @Override
    public void quit() {
        signal(() -> quit = true);
    }

    /** Index of the next sample to show (tests). */
    public int position() {
        return position;
    }
}
