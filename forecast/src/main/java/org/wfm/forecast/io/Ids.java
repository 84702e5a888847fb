package org.wfm.forecast.io;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How wfm compares ids and names that identify something (agent ids, channel and site names): two spellings
 * are the same id when they agree after Unicode NFKC normalisation (full-width digits, ligatures and
 * compatibility characters become their plain forms, a no-break space a space), with surrounding spaces trimmed
 * and case folded. So {@code A001}, {@code a001}, {@code "A001 "} (no-break space) and {@code Ａ００１} are one agent:
 * a file listing two of them lists one person twice, and a reference written one way finds the other.
 */
public final class Ids {
    private Ids() {
    }

    /** The comparison key: NFKC, trimmed (Unicode spaces included), case-folded. */
    public static String key(String id) {
        String n = Normalizer.normalize(id, Normalizer.Form.NFKC);
        return strip(n).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The id as written without leading or trailing spaces of any kind (a no-break space included). */
    public static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * Null when the id has no control or invisible formatting character, else a description of the first one,
     * e.g. {@code "a NUL character (U+0000)"}: such characters make ids that look alike but differ.
     */
    public static String invisible(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT) {
                String name = c == 0 ? "a NUL character" : Character.isISOControl(c) ? "a control character"
                        : "an invisible formatting character";
                return String.format(Locale.ROOT, "%s (U+%04X)", name, (int) c);
            }
        }
        return null;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
