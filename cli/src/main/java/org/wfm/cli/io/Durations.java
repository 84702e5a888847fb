package org.wfm.cli.io;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Durations as the contract writes them, the one reader for every duration a user types ({@code --time-limit},
 * {@code --aht}, {@code --answer-seconds}, {@code --patience}, plan.yaml {@code time_limit}): {@code 90s},
 * {@code 2m}, {@code 1h}, combinations such as {@code 1h30m}, ISO-8601 {@code PT2M}, or plain seconds
 * {@code 90} (decimals allowed: an average handle time of {@code 297.5}). The short forms are the ISO form
 * without its {@code PT} prefix, so {@link Duration#parse(CharSequence)} does the parsing for all of them.
 */
public final class Durations {
    static final String EXPECTED = "expected a positive duration such as 90s, 2m, 1h, 1h30m, PT2M or plain seconds";
    static final String EXPECTED_OR_ZERO = "expected a duration such as 20s, 5m, 1h30m, PT2M or plain seconds";
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern SHORT = Pattern.compile("(\\d+h)?(\\d+m)?(\\d+(\\.\\d+)?s)?", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException for an empty, malformed, zero or negative duration; the message says
     *                                  what is expected
     */
    public static Duration parse(String text) {
        Duration d = read(text, EXPECTED);
        if (d.isZero()) {
            throw new IllegalArgumentException("\"" + text + "\" is not positive (" + EXPECTED + ")");
        }
        return d;
    }

    /**
     * Like {@link #parse} but zero is allowed (an answer time of 0 s: answered at once).
     *
     * @throws IllegalArgumentException for an empty, malformed or negative duration
     */
    public static Duration parseOrZero(String text) {
        return read(text, EXPECTED_OR_ZERO);
    }

    private static Duration read(String text, String expected) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no duration given (" + expected + ")");
        }
        String t = text.trim();
        Duration d;
        try {
            if (SECONDS.matcher(t).matches()) {
                d = t.indexOf('.') < 0 ? Duration.ofSeconds(Long.parseLong(t))
                        : Duration.ofNanos(new java.math.BigDecimal(t).movePointRight(9).setScale(0,
                        java.math.RoundingMode.HALF_EVEN).longValueExact());
            } else if (SHORT.matcher(t).matches()) {
                d = Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
            } else if (t.regionMatches(true, 0, "P", 0, 1)) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("\"" + text + "\" is not a duration (" + expected + ")");
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration (" + expected + ")");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("\"" + text + "\" is negative (" + expected + ")");
        }
        return d;
    }

    /** Seconds with their fraction, for the staffing maths. */
    public static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** The short form that {@link #parse} reads back: {@code 1h30m}, {@code 90s} becomes {@code 1m30s}. */
    public static String format(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("only positive durations have a short form: " + d);
        }
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
