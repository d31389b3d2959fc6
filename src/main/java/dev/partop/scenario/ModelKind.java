package dev.partop.scenario;

import java.util.Locale;

/** The execution models a phase can name with {@code model:}. */
public enum ModelKind {
    SEQUENTIAL, GIL_THREADS, FREE_THREADS, INTERPRETERS, PROCESSES, EVENT_LOOP, COMMAND,
    /** Running processes watched by {@code partop watch PID}: made by that command, never named in a file. */
    WATCH;

    /** The keyword used in scenario files, e.g. {@code gil-threads}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ModelKind fromKeyword(String keyword) {
        for (ModelKind k : values()) {
            if (k.keyword().equals(keyword)) return k;
        }
        return null;
    }
}
