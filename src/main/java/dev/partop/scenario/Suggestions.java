package dev.partop.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest known word to a misspelt one, by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typo} if it is close enough to be a likely misspelling
     * (case, {@code _} for {@code -} and a few edits are forgiven); empty otherwise.
     */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        if (typo == null || typo.isEmpty()) return Optional.empty();
        String t = normalise(typo);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, normalise(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null) return Optional.empty();
        int allowed = Math.min(t.length(), best.length()) <= 4 ? 1 : 2;
        if (Math.max(t.length(), best.length()) >= 10) allowed = 3;
        return bestDistance <= allowed && bestDistance < best.length() ? Optional.of(best) : Optional.empty();
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    /** Edit distance where swapping two neighbouring letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
