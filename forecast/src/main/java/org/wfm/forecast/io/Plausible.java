package org.wfm.forecast.io;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The plausibility ranges of the numbers and dates wfm reads, in one place: every reader (history, forecast and
 * requirements files, channels.yaml, agents.csv, rules.yaml, time off) checks its values against these, and
 * docs/inputs.md lists them. A value outside is an input error (exit 3) naming the file, line, column and the
 * range, because such a value is a unit or typing slip (milliseconds for seconds, a year typed 1900), not a
 * contact centre: read silently it ends in a hang, an overflow, "Infinity" in a report or an empty plan.
 *
 * <p>The bounds are a planner's, generous on purpose: a contact centre with a million contacts in one interval
 * or a handling time above eight hours is not one wfm can plan. They are not fitted to the samples.
 */
public final class Plausible {

    /** A closed range {@code [min, max]} of one kind of value, with its unit for messages. */
    public record Limit(String what, double min, double max, String unit) {
        public boolean contains(double x) {
            return x >= min && x <= max;
        }

        /** "from 1 to 28800 seconds". */
        public String describe() {
            return "from " + format(min) + " to " + format(max) + (unit.isEmpty() ? "" : " " + unit);
        }

        /** Null when {@code x} is in range, else the message: {@code 1e12 is out of range (expected ...)}. */
        public String problem(double x) {
            if (contains(x)) {
                return null;
            }
            return (Double.isFinite(x) ? format(x) : String.valueOf(x)) + " is out of range for " + what
                    + " (expected " + describe() + ")";
        }
    }

    /** A forecast override's factor (overrides.csv): 0 closes the period, 100 is a hundred times the forecast. */
    public static final Limit OVERRIDE_FACTOR = new Limit("an override factor", 0, 100, "times the forecast");
    /** A forecast override's volume: the contacts of its whole period. */
    public static final Limit PERIOD_VOLUME = new Limit("contacts in an override's period", 0, 1_000_000_000,
            "contacts");
    /** Contacts offered in one interval of one channel (history, forecast and requirements files). */
    public static final Limit VOLUME = new Limit("contacts in one interval", 0, 1_000_000, "contacts");
    /** Average handling time: a second to a working day of eight hours. */
    public static final Limit AHT_SECONDS = new Limit("an average handling time", 1, 8 * 3600, "seconds");
    /** An AHT whose channel median is above this is probably milliseconds or minutes mixed up: warned about. */
    public static final double AHT_WARN_SECONDS = 3600;
    /** Agents (or chat slots) needed at once in one interval of one channel; the staffing search stops here. */
    public static final Limit AGENTS = new Limit("agents in one interval", 0, 1_000_000, "agents");
    /** Pay per hour, in the plan's currency. */
    public static final Limit HOURLY_COST = new Limit("an hourly cost", 0, 10_000, "per hour");
    /** Hours in a week. */
    public static final Limit HOURS_PER_WEEK = new Limit("hours in a week", 0, 168, "hours");
    /** Mean patience of a caller before hanging up (Erlang A). */
    public static final Limit PATIENCE_SECONDS = new Limit("a mean patience", 1, 86_400, "seconds");
    /** The answer time of a service-level target. */
    public static final Limit ANSWER_SECONDS = new Limit("an answer time", 0, 86_400, "seconds");
    /** The response window of a deferred channel: up to a year. */
    public static final Limit RESPONSE_HOURS = new Limit("a response window", 0, 8_760, "hours");
    /** Contacts one agent serves at once (chat). */
    public static final Limit CONCURRENCY = new Limit("a concurrency", 1, 50, "contacts at once");
    /** Seats at one site. */
    public static final Limit SEATS = new Limit("seats at a site", 0, 100_000, "seats");
    /** Money: a cost per late contact or per changed published day, a currency amount of a plan. */
    public static final Limit MONEY = new Limit("an amount of money", 0, 1_000_000, "");

    /** Dates of history rows, forecasts, horizons and time off. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** Two rows of one channel further apart than this are a typo in a year, not a history. */
    public static final int MAX_GAP_DAYS = 366;

    private Plausible() {
    }

    /** Null when the date is within {@link #FIRST_DATE}..{@link #LAST_DATE}, else the message. */
    public static String dateProblem(LocalDate d) {
        if (!d.isBefore(FIRST_DATE) && !d.isAfter(LAST_DATE)) {
            return null;
        }
        return d + " is out of range (expected a date " + dateRange() + "; is the year mistyped?)";
    }

    /** "from 1990-01-01 to 2100-12-31". */
    public static String dateRange() {
        return "from " + FIRST_DATE + " to " + LAST_DATE;
    }

    /**
     * The hint for an AHT above the range: read as milliseconds it would be plausible seconds. Empty otherwise.
     */
    public static String ahtUnitHint(double aht) {
        if (aht > AHT_SECONDS.max() && AHT_SECONDS.contains(aht / 1000)) {
            return "; is it in milliseconds? " + format(aht) + " ms = " + format(aht / 1000) + " s";
        }
        return "";
    }

    /** A number for messages: no trailing ".0", no exponent below a million million. */
    public static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%.6f", x).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return Double.toString(x);
    }
}
