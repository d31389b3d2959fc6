package dev.partop.view.term;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/** Semantic colours for a {@link ColorMode}; MONO draws everything in the default colours. */
public final class Theme {

    /** What a piece of text means, not what colour it is. */
    public enum Role { TEXT, DIM, TITLE, HEADLINE, USER, SYSTEM, IOWAIT, HOLDING, WAITING, IO, RUNNING, GOOD, BAD, KEY }

    private final ColorMode mode;
    /**
     * Made once: a frame asks for them per run of cells. Null is the terminal's own colour
     * (drawn by a reset), not Lanterna's {@code TextColor.ANSI.DEFAULT}: the 16-colour enum
     * formats 34 strings when first used, 17 ms on the way to the first frame.
     */
    private final TextColor[] foregrounds;

    public Theme(ColorMode mode) {
        this.mode = mode;
        Role[] roles = Role.values();
        foregrounds = new TextColor[roles.length];
        for (Role r : roles) foregrounds[r.ordinal()] = mode == ColorMode.MONO ? null : color(r);
    }

    /** Titles, headline figures and keys are bold, in every mode. */
    public boolean bold(Role role) {
        return role == Role.TITLE || role == Role.HEADLINE || role == Role.KEY;
    }

    /** The colour of {@code role}; null for the terminal's default. */
    public TextColor foreground(Role role) {
        return foregrounds[role.ordinal()];
    }

    private TextColor color(Role role) {
        return switch (mode) {
            case TRUECOLOR -> switch (role) {
                case TEXT -> null;
                case DIM -> new TextColor.RGB(128, 128, 128);
                case TITLE, KEY -> new TextColor.RGB(97, 175, 239);
                case HEADLINE -> new TextColor.RGB(255, 255, 255);
                case USER, RUNNING -> new TextColor.RGB(152, 195, 121);
                case SYSTEM -> new TextColor.RGB(224, 108, 117);
                case IOWAIT, IO -> new TextColor.RGB(97, 175, 239);
                case HOLDING -> new TextColor.RGB(229, 192, 123);
                case WAITING -> new TextColor.RGB(190, 80, 70);
                case GOOD -> new TextColor.RGB(152, 195, 121);
                case BAD -> new TextColor.RGB(224, 108, 117);
            };
            case C256 -> new TextColor.Indexed(switch (role) {
                case TEXT -> 252;
                case DIM -> 244;
                case TITLE, KEY -> 75;
                case HEADLINE -> 231;
                case USER, RUNNING, GOOD -> 114;
                case SYSTEM, BAD -> 204;
                case IOWAIT, IO -> 75;
                case HOLDING -> 221;
                case WAITING -> 131;
            });
            default -> switch (role) {
                case TEXT, HEADLINE -> null;
                case DIM -> TextColor.ANSI.WHITE;
                case TITLE, KEY, IOWAIT, IO -> TextColor.ANSI.CYAN;
                case USER, RUNNING, GOOD -> TextColor.ANSI.GREEN;
                case SYSTEM, BAD, WAITING -> TextColor.ANSI.RED;
                case HOLDING -> TextColor.ANSI.YELLOW;
            };
        };
    }
}
