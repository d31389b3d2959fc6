package dev.partop.view.term;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Lanterna's Unix terminal, put into raw mode (no line editing, no echo, Ctrl-C as a key) by
 * one {@code stty} instead of four: each is a process of its own, 15-30 ms apiece, all on the
 * way to the first frame. Leaving raw mode is Lanterna's own (the saved settings restored).
 */
public final class QuickUnixTerminal extends UnixTerminal implements AnsiStream {

    private final boolean utf8;

    public QuickUnixTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /** In one piece (see {@link Utf8Text}); Lanterna's own way for other charsets. */
    @Override
    public void putString(String string) throws IOException {
        byte[] bytes = utf8 ? Utf8Text.printable(string) : null;
        if (bytes == null) super.putString(string);
        else writeToTerminal(bytes);
    }

    @Override
    public void writeAnsi(byte[] bytes) throws IOException {
        writeToTerminal(bytes);
    }

    /**
     * Window resizes, as Lanterna handles them, but with {@code sun.misc.Signal} called
     * directly: Lanterna reaches it by reflection through a generated proxy class, 10 ms of
     * start-up.
     */
    @Override
    @SuppressWarnings("sunapi")
    protected void registerTerminalResizeListener(Runnable onResize) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> onResize.run());
        } catch (IllegalArgumentException | UnsupportedOperationException noSuchSignal) {
            // no SIGWINCH here: the size is still read at start
        }
    }

    /**
     * Gives the terminal back as it was before partop (Ctrl-Z): the normal screen, the cursor,
     * the settings saved at start. {@link #resume()} takes it again.
     */
    public void suspend() throws IOException {
        setCursorVisible(true);
        exitPrivateMode();
        flush();
        restoreTerminalSettings();
    }

    /** Raw mode and the full screen again, after {@code fg}. */
    public void resume() throws IOException {
        canonicalMode(false);
        enterPrivateMode();
        setCursorVisible(false);
        flush();
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
