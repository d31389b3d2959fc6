package dev.partop.view;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal, put into raw mode (no line editing, no echo, Ctrl-C as a key) by
 * one {@code stty} instead of four: each is a process of its own, 15-30 ms apiece, all on the
 * way to the first frame. Leaving raw mode is Lanterna's own (the saved settings restored).
 */
final class QuickUnixTerminal extends UnixTerminal {

    QuickUnixTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled) super.canonicalMode(true);
        else runSTTYCommand("-icanon", "min", "1", "-echo", "intr", "undef");
    }

    /** Turned off with canonical mode above. */
    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled) super.keyEchoEnabled(true);
    }

    /** Turned off with canonical mode above. */
    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (enabled) super.keyStrokeSignalsEnabled(true);
    }
}
