package org.wfm.cli.io;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parsing of single field values shared by the CSV and YAML readers. Every method either returns the value
 * or throws {@link BadValue} with a message that quotes the input and says what was expected, with a hint
 * for the usual spreadsheet slips (decimal comma, percent sign, currency symbol).
 */
public final class Values {
    /** A value longer than this is not a real field (a runaway quote, or the wrong file). */
    static final int MAX_LENGTH = 1000;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+(,\\d+)+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

    static {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            DAYS.put(full.substring(0, 3), d);
            DAYS.put(full, d);
        }
        DAYS.put("tues", DayOfWeek.TUESDAY);
        DAYS.put("thur", DayOfWeek.THURSDAY);
        DAYS.put("thurs", DayOfWeek.THURSDAY);
    }

    private Values() {
    }

    static final String SHARE_EXPECTED = "expected a share such as 0.8, 80 or 80%";

    /**
     * A share (a service level, a prediction-interval level) written as a fraction or a percentage, returned as a
     * fraction: {@code 0.8}, {@code 80} and {@code 80%} are all 0.8. The rule: a plain number above 1 is a
     * percentage, a plain number from 0 to 1 is a fraction, so {@code 1} is 100% (write {@code 1%} for one
     * percent); a number with {@code %} is always a percentage. Negative values and more than 100% are refused.
     */
    static double share(String s) throws BadValue {
        String t = s.trim();
        boolean percentSign = t.endsWith("%");
        String digits = percentSign ? t.substring(0, t.length() - 1).trim() : t;
        if (!NUMBER.matcher(digits).matches()) {
            throw new BadValue(quote(s) + " is not a share (" + SHARE_EXPECTED
                    + (DECIMAL_COMMA.matcher(digits).matches() ? "; use a dot for decimals" : "") + ")");
        }
        double x = Double.parseDouble(digits);
        double fraction = percentSign || x > 1 ? x / 100 : x;
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new BadValue(quote(s) + " is not between 0 and 100% (" + SHARE_EXPECTED + ")");
        }
        return fraction;
    }

    /** {@link #share} for callers outside the readers: the message says what was expected. */
    public static double shareOf(String s) {
        try {
            return share(s);
        } catch (BadValue e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A plain number for callers outside the readers (an option value); the message says what was expected. */
    public static double numberOf(String s) {
        try {
            return number(s);
        } catch (BadValue e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The value in quotes for a message, shortened when long. */
    static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        // Messages are one line: show line breaks and tabs inside a value as escapes.
        shown = shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return "\"" + shown + "\"";
    }

    /** A number for messages: no trailing ".0". */
    static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    static void checkLength(String s) throws BadValue {
        if (s.length() > MAX_LENGTH) {
            throw new BadValue("value is " + s.length() + " characters long (at most " + MAX_LENGTH
                    + " expected; is a closing quote missing?)");
        }
    }

    static double number(String s) throws BadValue {
        String t = s.trim();
        if (NUMBER.matcher(t).matches()) {
            double x = Double.parseDouble(t);
            if (!Double.isFinite(x)) {
                throw new BadValue(quote(s) + " is too large to be a number wfm can use");
            }
            return x;
        }
        String hint;
        if (DECIMAL_COMMA.matcher(t).matches()) {
            hint = " (use a dot for decimals and no thousands separators)";
        } else if (t.endsWith("%")) {
            hint = " (write a plain number without %, e.g. 0.8 for 80%)";
        } else if (!t.isEmpty() && "£$€¥".indexOf(t.charAt(0)) >= 0) {
            hint = " (write the amount without a currency symbol)";
        } else {
            hint = "";
        }
        throw new BadValue(quote(s) + " is not a number" + hint);
    }

    static double number(String s, Range range) throws BadValue {
        return inRange(number(s), range);
    }

    static double inRange(double x, Range range) throws BadValue {
        if (!range.contains(x)) {
            throw new BadValue(format(x) + " is out of range (expected " + range.describe() + ")");
        }
        return x;
    }

    static int wholeNumber(double x, Range range) throws BadValue {
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw new BadValue(format(x) + " is not a whole number (expected a whole number " + range.describe() + ")");
        }
        return (int) inRange(x, range);
    }

    /**
     * {@code HH:MM} (one-digit hours and {@code :SS} of zero accepted, as spreadsheets write them).
     * {@code 24:00} is read as midnight only when {@code allow24} (an end of window).
     */
    static LocalTime time(String s, boolean allow24) throws BadValue {
        String t = s.trim();
        if (allow24 && (t.equals("24:00") || t.equals("24:00:00"))) {
            return LocalTime.MIDNIGHT;
        }
        try {
            LocalTime time = LocalTime.parse(t, TIME);
            if (time.getSecond() != 0) {
                throw new BadValue(quote(s) + " has seconds; expected HH:MM such as 08:30");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw new BadValue(quote(s) + " is not a time (expected HH:MM such as 08:30"
                    + (allow24 ? ", or 24:00 for midnight" : "") + ")");
        }
    }

    /** A date within {@link org.wfm.forecast.io.Plausible#dateRange()}. */
    static LocalDate date(String s) throws BadValue {
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeException e) {
            if (s.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new BadValue(quote(s) + " is not a day of the calendar");
            }
            throw new BadValue(quote(s) + " is not a date (expected YYYY-MM-DD such as 2026-01-05)");
        }
        String problem = org.wfm.forecast.io.Plausible.dateProblem(d);
        if (problem != null) {
            throw new BadValue(problem);
        }
        return d;
    }

    /**
     * Days of the week: a list separated by commas or semicolons ({@code Mon,Wed,Sat} — a comma-separated
     * list must be quoted in a CSV file, a semicolon one need not be), where each item is a day or a range
     * {@code Mon-Fri}. A range may wrap past Sunday: {@code Fri-Mon} is Friday to Monday, as weekend teams
     * of 24-hour centres are written. Day names are three letters or full, in any case.
     */
    static Set<DayOfWeek> days(String s) throws BadValue {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new BadValue("no days given (expected e.g. Mon-Fri or Mon,Wed,Sat)");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : t.split("[,;]", -1)) {
            String[] ends = item.split("-", -1);
            if (item.isBlank() || ends.length > 2) {
                throw new BadValue(quote(s) + " is not a list of days (expected e.g. Mon-Fri or Mon,Wed,Sat)");
            }
            DayOfWeek first = day(ends[0], s);
            DayOfWeek last = ends.length == 2 ? day(ends[1], s) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name, String whole) throws BadValue {
        DayOfWeek d = DAYS.get(name.trim().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new BadValue("`" + name.trim() + "` in " + quote(whole) + " is not a day"
                    + Suggest.closest(name.trim(), DAY_NAMES).map(c -> " (did you mean `" + c + "`?)")
                    .orElse(" (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun)"));
        }
        return d;
    }

    /** One of a fixed set of words, ignoring case and treating {@code _} and spaces as {@code -}. */
    static <E> E choice(String s, Map<String, E> options) throws BadValue {
        String key = s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        E value = options.get(key);
        if (value == null) {
            throw new BadValue(quote(s) + " is not allowed" + Suggest.hint(s.trim(), options.keySet()));
        }
        return value;
    }
}
