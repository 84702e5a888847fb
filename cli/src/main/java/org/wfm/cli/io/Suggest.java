package org.wfm.cli.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions for misspelt keys, columns and names, by edit distance: Levenshtein's
 * insertions, deletions and substitutions (V. I. Levenshtein, "Binary codes capable of correcting deletions,
 * insertions, and reversals", 1966) plus Damerau's transposition of adjacent letters (F. J. Damerau, "A
 * technique for computer detection and correction of spelling errors", CACM 7(3), 1964), as the "optimal
 * string alignment" variant of the Wagner–Fischer dynamic programme (JACM 21(1), 1974). Transpositions
 * matter here: {@code B71} for {@code B17} is one slip, not two. Ties go to the alphabetically first
 * candidate so that messages do not depend on set order.
 */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The closest candidate, if it is close enough to be a plausible typo: at most 2 edits, or a third
     * of the word's length for long words. Case and {@code -} versus {@code _} are ignored.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return closest(word, candidates, Math.max(2, word.length() / 3));
    }

    /** The closest candidate within {@code allowed} edits (and not a complete rewrite of the word). */
    static Optional<String> closest(String word, Collection<String> candidates, int allowed) {
        if (word.length() > 100) {
            // No typo makes a word this long; and the distance table would be large.
            return Optional.empty();
        }
        String w = normalise(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, normalise(candidate));
            if (d < bestDistance || d == bestDistance && best != null && candidate.compareTo(best) < 0) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= allowed && bestDistance < w.length() ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean `x`?)" or, when nothing is close, " (expected one of: a, b, c)". */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> " (did you mean `" + c + "`?)")
                .orElseGet(() -> candidates.isEmpty() ? "" : " (expected one of: " + String.join(", ", candidates) + ")");
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_').trim();
    }
}
