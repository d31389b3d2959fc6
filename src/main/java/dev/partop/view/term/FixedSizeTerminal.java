package dev.partop.view.term;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An ANSI terminal of a size we choose, writing to any stream: how {@code --record --size}
 * draws a 120x36 screen into a recording with no terminal at all.
 */
public final class FixedSizeTerminal extends ANSITerminal implements AnsiStream {

    private final TerminalSize size;

    public FixedSizeTerminal(OutputStream out, TerminalSize size) {
        super(InputStream.nullInputStream(), out, StandardCharsets.UTF_8);
        this.size = size;
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    /** In one piece (see {@link Utf8Text}). */
    @Override
    public void putString(String string) throws IOException {
        byte[] bytes = Utf8Text.printable(string);
        if (bytes == null) super.putString(string);
        else writeToTerminal(bytes);
    }

    @Override
    public void writeAnsi(byte[] bytes) throws IOException {
        writeToTerminal(bytes);
    }
}
