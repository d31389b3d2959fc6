package dev.partop.view;

import java.util.List;

/** Reading a dashboard screen's text: how much of it is left blank. */
public final class ScreenRows {

    private ScreenRows() {
    }

    /** Rows between the header and the results (or the footer) whose left part, before the model panel, is empty. */
    public static int blankAboveResults(String screen) {
        List<String> lines = screen.lines().toList();
        int end = lines.size() - 1;
        while (end > 0 && lines.get(end).isBlank()) end--; // a pane's trailing lines
        for (int i = 2; i < lines.size(); i++) {
            if (lines.get(i).startsWith("results")) {
                end = i;
                break;
            }
        }
        int blank = 0;
        for (int i = 2; i < end; i++) {
            String left = lines.get(i).split("│", 2)[0];
            if (left.isBlank()) blank++;
        }
        return blank;
    }
}
