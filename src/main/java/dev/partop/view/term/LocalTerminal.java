package dev.partop.view.term;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * This process's terminal (stdin / stdout) as a Lanterna {@link Terminal}, with the byte stream
 * under it counted (terminal bytes per second in the footer; frames wrapped in synchronized output).
 *
 * @param terminal the terminal to draw on
 * @param out      the stream under it
 */
public record LocalTerminal(Terminal terminal, CountingOutputStream out) {

    /** @param tap wraps the terminal's byte stream (a recorder's tee) */
    public static LocalTerminal open(UnaryOperator<OutputStream> tap) throws IOException {
        CountingOutputStream out = new CountingOutputStream(
                tap.apply(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
        Terminal terminal;
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            DefaultTerminalFactory factory = new DefaultTerminalFactory(out, System.in, StandardCharsets.UTF_8);
            factory.setForceTextTerminal(true);
            factory.setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP);
            terminal = factory.createTerminal();
        } else {
            terminal = new QuickUnixTerminal(System.in, out, StandardCharsets.UTF_8);
        }
        return new LocalTerminal(terminal, out);
    }
}
