package dev.partop.view.term;

import java.util.Map;

/** How many colours the terminal shows. Lanterna does not downgrade colours: we pick. */
public enum ColorMode {
    TRUECOLOR, C256, C16, MONO;

    /**
     * From the environment, as users of htop expect: {@code NO_COLOR} (any value) turns colour
     * off; {@code COLORTERM=truecolor|24bit} gives RGB; a {@code TERM} with {@code 256color}
     * gives 256; {@code dumb} gives none; anything else 16.
     */
    public static ColorMode detect(Map<String, String> env) {
        if (env.containsKey("NO_COLOR")) return MONO;
        String colorterm = env.getOrDefault("COLORTERM", "");
        String term = env.getOrDefault("TERM", "");
        if (term.equals("dumb")) return MONO;
        if (colorterm.equalsIgnoreCase("truecolor") || colorterm.equalsIgnoreCase("24bit")) return TRUECOLOR;
        if (term.contains("256color")) return C256;
        return C16;
    }
}
