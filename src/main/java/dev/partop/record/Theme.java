package dev.partop.record;

import java.util.List;

/**
 * The colours of a picture: {@code light} for a white slide, {@code dark} for a dark one. The
 * same names serve the SVG and the HTML page.
 */
public enum Theme {
    light("#ffffff", "#1f2328", "#59636e", "#d1d9e0", "#f6f8fa", "#eaeef2", "#0969da", "#8250df", "#bc4c00", "#1a7f37",
            List.of("#0969da", "#bf3989", "#1a7f37", "#9a6700")),
    dark("#0d1117", "#e6edf3", "#9198a1", "#3d444d", "#151b23", "#212830", "#4493f8", "#ab7df8", "#f0883e", "#3fb950",
            List.of("#4493f8", "#f778ba", "#3fb950", "#d29922"));

    final String background;
    final String text;
    final String muted;
    final String grid;
    final String band;
    final String bandAlt;
    final String busy;
    final String phaseCores;
    final String handovers;
    final String bar;
    final List<String> lanes;

    Theme(String background, String text, String muted, String grid, String band, String bandAlt, String busy,
          String phaseCores, String handovers, String bar, List<String> lanes) {
        this.background = background;
        this.text = text;
        this.muted = muted;
        this.grid = grid;
        this.band = band;
        this.bandAlt = bandAlt;
        this.busy = busy;
        this.phaseCores = phaseCores;
        this.handovers = handovers;
        this.bar = bar;
        this.lanes = lanes;
    }

    String lane(int i) {
        return lanes.get(i % lanes.size());
    }
}
