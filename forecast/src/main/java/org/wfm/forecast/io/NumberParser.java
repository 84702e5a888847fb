package org.wfm.forecast.io;

/**
 * Numbers as exports write them: a plain decimal ({@code 12.5}), a decimal comma ({@code 12,5}) where the file
 * uses one, and durations as {@code mm:ss} or {@code h:mm:ss} (AHT as a platform shows it). Thousands separators,
 * words, {@code NaN}, hexadecimal and type suffixes are never numbers: a value read wrong is worse than a value
 * refused.
 */
public final class NumberParser {
    private NumberParser() {
    }

    /** A plain decimal number with a dot (or none); null otherwise. */
    public static Double plain(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        // Only digits, sign, dot and exponent: rejects "12,5", "1 000", "NaN", hex and type suffixes.
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E') {
                return null;
            }
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True for a number written with one decimal comma and no dot: {@code 12,5}, {@code -0,25}, {@code ,5}. */
    public static boolean hasDecimalComma(String text) {
        String t = text.trim();
        int comma = t.indexOf(',');
        if (comma < 0 || comma != t.lastIndexOf(',') || t.indexOf('.') >= 0 || comma == t.length() - 1) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ',' && !(i == 0 && (c == '-' || c == '+'))) {
                return false;
            }
        }
        return true;
    }

    /** A number with a decimal comma ({@link #hasDecimalComma}) as a double; null otherwise. */
    public static Double decimalComma(String text) {
        return hasDecimalComma(text) ? plain(text.trim().replace(',', '.')) : null;
    }

    /** True for {@code mm:ss} or {@code h:mm:ss} (seconds may have a fraction). */
    public static boolean isClock(String text) {
        return text.indexOf(':') > 0;
    }

    /**
     * Seconds of a duration written {@code mm:ss} ({@code 03:25} = 205) or {@code h:mm:ss} ({@code 1:02:03} =
     * 3723); minutes and seconds below 60 after the first field; null otherwise. {@code decimalComma} lets the
     * seconds have a comma fraction ({@code 03:25,5}).
     */
    public static Double clockSeconds(String text, boolean decimalComma) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        double total = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            boolean last = i == parts.length - 1;
            if (p.isEmpty() || (!last && !p.chars().allMatch(Character::isDigit))) {
                return null;
            }
            Double v = last && decimalComma && hasDecimalComma(p) ? decimalComma(p) : plain(p);
            if (v == null || v < 0 || (!last && p.length() > 3) || (i > 0 && v >= 60) || p.startsWith("+")
                    || p.startsWith("-")) {
                return null;
            }
            total = total * 60 + v;
        }
        return total;
    }
}
