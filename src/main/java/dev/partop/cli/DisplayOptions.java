package dev.partop.cli;

import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;

import com.googlecode.lanterna.TerminalSize;
import dev.partop.view.DashboardOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * How the dashboard draws: the options {@code partop} and {@code partop replay} share. Declared
 * through picocli's programmatic API, as the run command's are (see {@link RunCommand}).
 */
final class DisplayOptions {

    boolean mono;
    boolean ascii;
    int fps;

    /** Adds {@code --mono}, {@code --ascii} and {@code --fps} to a command. */
    void addTo(CommandSpec command) {
        command.addOption(OptionSpec.builder("--mono").type(boolean.class)
                .description("No colour (also when NO_COLOR is set).").build());
        command.addOption(OptionSpec.builder("--ascii").type(boolean.class)
                .description("ASCII glyphs only (chosen by itself when the locale is not UTF-8).").build());
        command.addOption(OptionSpec.builder("--fps").paramLabel("N").type(int.class).defaultValue("4")
                .description("Frames per second, 1 to 30 (default ${DEFAULT-VALUE}).").build());
    }

    /** The values parsed into {@code command}'s options (see {@link #addTo}). */
    void read(CommandSpec command) {
        mono = Boolean.TRUE.equals(command.findOption("--mono").getValue());
        ascii = Boolean.TRUE.equals(command.findOption("--ascii").getValue());
        fps = command.findOption("--fps").<Integer>getValue();
    }

    void check() {
        if (fps < 1 || fps > 30) {
            throw new UserError("--fps must be between 1 and 30, not " + fps, "the default, 4, reads well over SSH");
        }
    }

    DashboardOptions dashboard(boolean replay, TerminalSize size) {
        Map<String, String> env = System.getenv();
        return new DashboardOptions(mono ? ColorMode.MONO : ColorMode.detect(env),
                ascii ? Symbols.ASCII : Symbols.detect(env), fps, replay, size);
    }

    /** {@code --size 120x36}; null when not given and there is a terminal, else 120x36. */
    static TerminalSize size(String text, boolean noTerminal) {
        if (text == null) return noTerminal ? new TerminalSize(120, 36) : null;
        var m = java.util.regex.Pattern.compile("(\\d{1,4})x(\\d{1,4})").matcher(text.trim());
        if (!m.matches()) throw new UserError("--size must look like 120x36, not '" + text + "'", null);
        int c = Integer.parseInt(m.group(1));
        int r = Integer.parseInt(m.group(2));
        if (c < 40 || r < 10 || c > 1000 || r > 500) {
            throw new UserError("--size must be between 40x10 and 1000x500, not " + text, "e.g. --size 120x36");
        }
        return new TerminalSize(c, r);
    }

    /** A real terminal that can draw a dashboard, and nothing asking for lines instead. */
    static boolean terminalUsable() {
        return !Terminals.inCi() && Terminals.interactive() && !Terminals.dumb();
    }
}
