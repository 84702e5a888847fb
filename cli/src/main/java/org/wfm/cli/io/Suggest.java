package org.wfm.cli.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions for misspelt keys, columns and names, by Levenshtein edit distance
 * (V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions, and reversals", 1966),
 * computed with the usual two-row dynamic programme (Wagner and Fischer, JACM 21(1), 1974).
 */
final class Suggest {
    private Suggest() {
    }

    /**
     * The closest candidate, if it is close enough to be a plausible typo: at most 2 edits, or a third
     * of the word's length for long words. Case and {@code -} versus {@code _} are ignored.
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String w = normalise(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, normalise(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, w.length() / 3);
        return best != null && bestDistance <= allowed && bestDistance < w.length() ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean `x`?)" or, when nothing is close, " (expected one of: a, b, c)". */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> " (did you mean `" + c + "`?)")
                .orElseGet(() -> candidates.isEmpty() ? "" : " (expected one of: " + String.join(", ", candidates) + ")");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_').trim();
    }
}
