package org.wfm.forecast.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The one timestamp parser of every reader. Forms read:
 * <ul>
 * <li>ISO-8601 local: {@code 2026-12-07T08:15}, {@code 2026-12-07 08:15:00} (T or space, seconds optional);</li>
 * <li>the same with an offset or {@code Z}: {@code 2026-10-25T01:15+01:00} (the offset is kept apart, see
 * {@link Parsed});</li>
 * <li>day-first or month-first dates as platforms export them: {@code 07/12/2026 08:15}, {@code 7.12.2026 8:15},
 * {@code 12/7/2026 8:15 AM} (separators {@code /} {@code .} {@code -}, one- or two-digit fields, seconds and
 * AM/PM optional). Which of the two it is cannot be told from one value: {@link OrderEvidence} looks at a whole
 * file, and a file where no day is above 12 is refused rather than guessed;</li>
 * <li>a date and a time of day in two columns ({@link #date}, {@link #timeOfDay}; a time such as
 * {@code 08:15 - 08:30} is read as its start).</li>
 * </ul>
 * The common ISO form is read digit by digit: it costs a tenth of a {@code DateTimeFormatter} parse, which matters
 * at a million rows.
 */
public final class TimestampParser {

    /** How a date is written. */
    public enum DateOrder {
        ISO("yyyy-MM-dd"), DAY_FIRST("dd/MM/yyyy"), MONTH_FIRST("MM/dd/yyyy");

        public final String pattern;

        DateOrder(String pattern) {
            this.pattern = pattern;
        }

        /**
         * A date format as a planner writes it: {@code dd/MM/yyyy}, {@code MM/dd/yyyy}, {@code yyyy-MM-dd} or
         * {@code iso}, any separator, one or two letters per field, a time part after it ignored
         * ({@code dd.MM.yyyy HH:mm}); null when it is none of these.
         */
        public static DateOrder parse(String format) {
            String f = format.trim();
            if (f.equalsIgnoreCase("iso")) {
                return ISO;
            }
            int space = f.indexOf(' ');
            String date = (space < 0 ? f : f.substring(0, space)).replaceAll("[/.\\-]", "/");
            if (date.matches("y{2,4}/M{1,2}/d{1,2}")) {
                return ISO;
            }
            if (date.matches("d{1,2}/M{1,2}/y{2,4}")) {
                return DAY_FIRST;
            }
            if (date.matches("M{1,2}/d{1,2}/y{2,4}")) {
                return MONTH_FIRST;
            }
            return null;
        }
    }

    /**
     * A timestamp as written: the local date-time and, when the text had one, its offset from UTC (null
     * otherwise). The local part is what a clock on the wall showed; {@link #in(ZoneId)} converts to a zone.
     */
    public record Parsed(LocalDateTime local, ZoneOffset offset) {
        /** The local time in {@code zone}: converted when there is an offset, else as written. */
        public LocalDateTime in(ZoneId zone) {
            return offset == null ? local : local.atOffset(offset).atZoneSameInstant(zone).toLocalDateTime();
        }

        /** Epoch seconds when there is an offset, else null. */
        public Long instant() {
            return offset == null ? null : local.toEpochSecond(offset);
        }
    }

    private TimestampParser() {
    }

    /** An ISO-8601 local or offset timestamp; null when {@code text} is not one. */
    public static Parsed iso(String text) {
        String t = text.trim();
        int n = t.length();
        if (n < 16 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':') {
            return null;
        }
        try {
            int second = 0;
            int at = 16;
            if (n > 16 && t.charAt(16) == ':') {
                if (n < 19) {
                    return null;
                }
                second = digits(t, 17, 2);
                at = 19;
                if (n > at && t.charAt(at) == '.') {
                    at++;
                    while (at < n && Character.isDigit(t.charAt(at))) {
                        at++; // fractions of a second: an interval starts on the minute, checked by the reader
                    }
                }
            }
            LocalDateTime local = LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2),
                    digits(t, 11, 2), digits(t, 14, 2), second);
            if (at == n) {
                return new Parsed(local, null);
            }
            return new Parsed(local, ZoneOffset.of(t.substring(at)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * A timestamp in {@code order} ({@link DateOrder#ISO} reads the ISO forms above, the other two a day-first or
     * month-first date followed by a time of day); null when {@code text} is not one.
     */
    public static Parsed parse(String text, DateOrder order) {
        if (order == DateOrder.ISO) {
            return iso(text);
        }
        String t = text.trim();
        int space = t.indexOf(' ');
        if (space < 0) {
            return null;
        }
        LocalDate date = date(t.substring(0, space), order);
        LocalTime time = date == null ? null : clock(t.substring(space + 1).trim());
        return time == null ? null : new Parsed(date.atTime(time), null);
    }

    /** A date alone in {@code order} ({@code 2026-12-07}, {@code 07/12/2026}, ...); null when it is not one. */
    public static LocalDate date(String text, DateOrder order) {
        String t = text.trim();
        if (order == DateOrder.ISO) {
            if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
                return null;
            }
            try {
                return LocalDate.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2));
            } catch (DateTimeException | NumberFormatException e) {
                return null;
            }
        }
        int[] f = fields(t);
        if (f == null) {
            return null;
        }
        try {
            return order == DateOrder.DAY_FIRST ? LocalDate.of(f[2], f[1], f[0]) : LocalDate.of(f[2], f[0], f[1]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A time of day in its own column: {@code 08:15}, {@code 8:15:00}, {@code 8:15 AM}, or an interval written as
     * {@code 08:15 - 08:30} (its start); null when it is none of these.
     */
    public static LocalTime timeOfDay(String text) {
        String t = text.trim();
        int dash = t.indexOf('-');
        if (dash > 0) {
            t = t.substring(0, dash).trim();
        }
        return clock(t);
    }

    /**
     * The two leading fields of a day-first or month-first date ({@code 07/12/2026 08:15} gives 7 and 12), for
     * {@link OrderEvidence}; null when {@code text} does not start with such a date.
     */
    public static int[] leadingFields(String text) {
        String t = text.trim();
        int space = t.indexOf(' ');
        return fields(space < 0 ? t : t.substring(0, space));
    }

    /** True when {@code text} starts like a day-first or month-first date ({@code 07/12/2026}). */
    public static boolean looksSlashed(String text) {
        return leadingFields(text) != null;
    }

    /** The date as a planner reads it in a message: {@code 7 December 2026}. */
    public static String spelled(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }

    /** {@code a/b/yyyy} (or with {@code .} or {@code -}) as {a, b, year}; null otherwise. */
    private static int[] fields(String t) {
        int n = t.length();
        if (n < 8 || n > 10) {
            return null;
        }
        char sep = 0;
        int[] out = new int[3];
        int field = 0;
        int value = 0;
        int width = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                width++;
            } else if ((c == '/' || c == '.' || c == '-') && (sep == 0 || c == sep) && field < 2) {
                if (width < 1 || width > 2) {
                    return null;
                }
                sep = c;
                out[field++] = value;
                value = 0;
                width = 0;
            } else {
                return null;
            }
        }
        if (field != 2 || width != 4) {
            return null;
        }
        out[2] = value;
        return out;
    }

    /** {@code H:mm}, {@code HH:mm:ss}, optionally followed by AM or PM; null otherwise. */
    private static LocalTime clock(String text) {
        String t = text;
        int ampm = 0;
        int n = t.length();
        if (n > 2 && (t.charAt(n - 1) == 'M' || t.charAt(n - 1) == 'm')) {
            char ap = Character.toUpperCase(t.charAt(n - 2));
            if (ap == 'A' || ap == 'P') {
                ampm = ap == 'A' ? 1 : 2;
                t = t.substring(0, n - 2).trim();
            }
        }
        int c1 = t.indexOf(':');
        if (c1 < 1 || c1 > 2) {
            return null;
        }
        try {
            int hour = digits(t, 0, c1);
            int minute;
            int second = 0;
            if (t.length() == c1 + 3) {
                minute = digits(t, c1 + 1, 2);
            } else if (t.length() == c1 + 6 && t.charAt(c1 + 3) == ':') {
                minute = digits(t, c1 + 1, 2);
                second = digits(t, c1 + 4, 2);
            } else {
                return null;
            }
            if (ampm != 0) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                hour = hour % 12 + (ampm == 2 ? 12 : 0);
            }
            return LocalTime.of(hour, minute, second);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(t);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Whether a file's dates are day-first or month-first, from all of them: a first field above 12 can only be a
     * day, a second field above 12 only a day too. Fed every date of a file (or until {@link #decided()}); a file
     * whose dates are all ambiguous ({@code 07/12/2026}: 7 December or 12 July) is not guessed.
     */
    public static final class OrderEvidence {
        private int dayFirstLine;
        private String dayFirstText;
        private int monthFirstLine;
        private String monthFirstText;
        private int firstLine;
        private String firstText;

        /** Takes one value; ignored when it is not a day-first or month-first date. */
        public void add(int line, String text) {
            int[] f = leadingFields(text);
            if (f == null) {
                return;
            }
            if (firstText == null) {
                firstLine = line;
                firstText = text;
            }
            if (decided()) {
                return;
            }
            if (f[0] > 12 && f[1] <= 12) {
                dayFirstLine = line;
                dayFirstText = text;
            } else if (f[1] > 12 && f[0] <= 12) {
                monthFirstLine = line;
                monthFirstText = text;
            }
        }

        /**
         * True once one value proves the order: more values cannot change it (a later value of the other order is
         * then a bad value of that row, named by the reader).
         */
        public boolean decided() {
            return dayFirstText != null || monthFirstText != null;
        }

        /** The order proven; null when nothing tells (see {@link #ambiguity()}). */
        public DateOrder order() {
            return dayFirstText != null ? DateOrder.DAY_FIRST : monthFirstText != null ? DateOrder.MONTH_FIRST : null;
        }

        /** Line of the first date, for a message about the whole file's dates. */
        public int firstLine() {
            return firstLine;
        }

        /** "line 2 has 13/12/2026 08:00": the value that proved the order, for messages; null when none did. */
        public String proof() {
            return dayFirstText != null ? "line " + dayFirstLine + " has " + dayFirstText
                    : monthFirstText != null ? "line " + monthFirstLine + " has " + monthFirstText : null;
        }

        /**
         * Null when the order is proven; otherwise both readings of the first date, which nothing in the file tells
         * apart.
         */
        public String ambiguity() {
            if (firstText == null || order() != null) {
                return null;
            }
            String date = firstText.trim().split(" ")[0];
            LocalDate dm = date(date, DateOrder.DAY_FIRST);
            LocalDate md = date(date, DateOrder.MONTH_FIRST);
            return "\"" + firstText + "\" could be " + (dm == null ? "?" : spelled(dm)) + " (dd/MM/yyyy) or "
                    + (md == null ? "?" : spelled(md)) + " (MM/dd/yyyy), and no date in the file has a day above 12"
                    + " to tell which; give the date format (date_format=dd/MM/yyyy or date_format=MM/dd/yyyy)";
        }
    }
}
