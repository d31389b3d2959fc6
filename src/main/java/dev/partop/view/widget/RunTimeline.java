package dev.partop.view.widget;

import dev.partop.snapshot.RunState;
import dev.partop.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole run so far, one entry per Snapshot of a phase: the machine's busy fraction and the
 * phase it belonged to. Built from Snapshots only, so a replay draws the same timeline. Shown
 * compressed: each column is a span of {@code 2^k} ticks, k as small as lets the run fit, so
 * a column keeps its value until the run doubles in length (a frame changes one column, not
 * every one, and the terminal is sent a few cells).
 */
public final class RunTimeline {

    private float[] busy = new float[256];
    private int[] phase = new int[256];
    private int size;
    private final List<String> names = new ArrayList<>();
    private double start = Double.NaN;
    private double end;

    /** The columns last computed, kept until a tick is added or the width changes. */
    private int cachedWidth = -1;
    private int cachedSize = -1;
    private float[] columnBusy = new float[0];
    private int[] columnPhase = new int[0];
    private int span = 1;

    /** Takes a Snapshot: ticks of a phase are kept, the rest (calibrating, finished) are not. */
    void accept(Snapshot s) {
        if (s.phase() == null || s.phaseIndex() < 0 || s.state() == RunState.FINISHED || s.cores().isEmpty()) return;
        if (size == busy.length) {
            busy = Arrays.copyOf(busy, size * 2);
            phase = Arrays.copyOf(phase, size * 2);
        }
        busy[size] = (float) (s.coresBusy() / s.cores().size());
        phase[size] = s.phaseIndex();
        size++;
        while (names.size() <= s.phaseIndex()) names.add("");
        names.set(s.phaseIndex(), s.phase().name());
        if (Double.isNaN(start)) start = s.t() - s.tick();
        end = s.t();
    }

    void clear() {
        size = 0;
        names.clear();
        start = Double.NaN;
        cachedSize = -1;
    }

    public int size() {
        return size;
    }

    /** Seconds from the first phase's start to the last tick kept. */
    public double seconds() {
        return size == 0 ? 0 : end - start;
    }

    /** The name of phase {@code i}, "" when none of its ticks were seen. */
    public String name(int i) {
        return i >= 0 && i < names.size() ? names.get(i) : "";
    }

    /** Ticks per column for {@code width} columns: a power of two, so columns change rarely. */
    public int span(int width) {
        columns(width);
        return span;
    }

    /** Mean busy fraction (0..1) of each column for {@code width} columns; as many as the run fills. */
    public float[] busy(int width) {
        columns(width);
        return columnBusy;
    }

    /** The phase of each column (the phase of its last tick). */
    public int[] phases(int width) {
        columns(width);
        return columnPhase;
    }

    private void columns(int width) {
        if (width == cachedWidth && size == cachedSize) return;
        cachedWidth = width;
        cachedSize = size;
        int w = Math.max(1, width);
        span = 1;
        while ((size + span - 1) / span > w) span *= 2;
        int n = (size + span - 1) / span;
        columnBusy = new float[n];
        columnPhase = new int[n];
        for (int col = 0; col < n; col++) {
            int from = col * span;
            int to = Math.min(size, from + span);
            float sum = 0;
            for (int i = from; i < to; i++) sum += busy[i];
            columnBusy[col] = sum / (to - from);
            columnPhase[col] = phase[to - 1];
        }
    }
}
