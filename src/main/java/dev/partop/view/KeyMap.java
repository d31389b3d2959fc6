package dev.partop.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * What a key means on the dashboard, in one table: the keys the help screen and the README list.
 * Pure (no state but what it is told), so the meaning of every key is testable without a terminal.
 */
final class KeyMap {

    /** What the dashboard does for a key. */
    enum Action {
        NONE, QUIT, TOGGLE_PAUSE, SKIP_PHASE, RESTART, SHOW_HELP, CLOSE_HELP, STEP_BACK, STEP_FORWARD
    }

    private KeyMap() {
    }

    /**
     * @param helpShown the help screen is up: any key but q closes it
     * @param replay    a replay, where pausing and stepping move the playback
     */
    static Action of(KeyStroke k, boolean helpShown, boolean replay) {
        KeyType type = k.getKeyType();
        if (type == KeyType.EOF) return Action.QUIT; // the terminal went away
        Character c = type == KeyType.Character ? k.getCharacter() : null;
        if (helpShown && (type == KeyType.Escape || c != null && c != 'q')) return Action.CLOSE_HELP;
        if (replay) {
            if (type == KeyType.ArrowLeft || c != null && c == ',') return Action.STEP_BACK;
            if (type == KeyType.ArrowRight || c != null && c == '.') return Action.STEP_FORWARD;
        }
        if (c == null) return Action.NONE;
        if (k.isCtrlDown() && (c == 'c' || c == 'C')) return Action.QUIT;
        return switch (Character.toLowerCase(c)) {
            case 'q' -> Action.QUIT;
            case 'p', ' ' -> Action.TOGGLE_PAUSE;
            case 'n' -> Action.SKIP_PHASE;
            case 'r' -> Action.RESTART;
            case 'h', '?' -> Action.SHOW_HELP;
            default -> Action.NONE;
        };
    }
}
