package dev.partop.scenario;

/**
 * A scenario that cannot be used, with where and why. {@link #getMessage()} is exactly one line
 * for the user, e.g. {@code convoy.yaml:7:5: unknown key 'thread' in phases[1]; did you mean 'threads'?}
 * (no location part when the line is unknown: {@code missing.yaml: no such file}).
 */
public final class ScenarioException extends Exception {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file    the file as the user named it, or {@code builtin:NAME}; null when there is none
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param problem what is wrong and what is allowed, one line
     */
    public ScenarioException(String file, int line, int column, String problem) {
        super(compose(file, line, column, problem), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = oneLine(problem);
    }

    /** The file as the user named it, or {@code builtin:NAME}; null when the error is not about a file. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String problem() {
        return problem;
    }

    private static String compose(String file, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(oneLine(file));
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) sb.append(':').append(column);
            }
            sb.append(": ");
        }
        return sb.append(oneLine(problem)).toString();
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String line = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        // a quoted value from the file is shown in part: a 200 KB line must not become the message
        java.util.regex.Matcher m = LONG_QUOTE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    "'" + m.group(1).substring(0, 57) + "...'"));
        }
        m.appendTail(out);
        return out.length() > 1000 ? out.substring(0, 997) + "..." : out.toString();
    }

    private static final java.util.regex.Pattern LONG_QUOTE = java.util.regex.Pattern.compile("'((?:(?!; )[^']){61,})'");
}
