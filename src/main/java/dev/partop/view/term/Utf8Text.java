package dev.partop.view.term;

import com.googlecode.lanterna.TerminalTextUtils;

import java.nio.charset.StandardCharsets;

/**
 * A run of cells as the bytes a UTF-8 terminal is sent, in one piece. Lanterna's
 * {@code putString} encodes and writes one character at a time through a {@code CharsetEncoder}:
 * two thirds of the render thread's first frame, and as much again of the start-up warm-up.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The bytes of {@code text}, or null when it holds a character Lanterna would leave out (then it is left to Lanterna). */
    static byte[] printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!TerminalTextUtils.isPrintableCharacter(text.charAt(i))) return null;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
