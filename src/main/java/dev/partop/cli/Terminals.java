package dev.partop.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether partop may draw a full-screen dashboard: a real terminal, and no reason not to. */
final class Terminals {

    private Terminals() {
    }

    /** True when stdin and stdout are a terminal (not a pipe, file, or CI log). */
    static boolean interactive() {
        Console c = System.console();
        if (c == null) return false;
        // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a non-null console is a terminal
        }
    }

    /** CI systems set {@code CI}; a dashboard there would draw into a log. */
    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    static boolean dumb() {
        String term = System.getenv("TERM");
        return term == null || term.isBlank() || term.equals("dumb");
    }
}
