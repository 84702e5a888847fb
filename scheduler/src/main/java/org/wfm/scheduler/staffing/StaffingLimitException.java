package org.wfm.scheduler.staffing;

import org.wfm.forecast.io.Plausible;

/**
 * The load of one interval needs more agents than {@link #MAX_SERVERS}: no contact centre staffs one channel's
 * interval with a million agents, so the input holds a unit slip (a volume of 1e12, an AHT in milliseconds). The
 * staffing searches stop here instead of running for ever or overflowing; the CLI reports it as an input error.
 */
public final class StaffingLimitException extends IllegalArgumentException {
    /** Servers (agents, or chat slots) the searches try at most. */
    public static final int MAX_SERVERS = (int) Plausible.AGENTS.max();

    private final String channel;
    private final java.time.LocalDateTime intervalStart;

    StaffingLimitException(String message) {
        this(message, null, null);
    }

    private StaffingLimitException(String message, String channel, java.time.LocalDateTime intervalStart) {
        super(message);
        this.channel = channel;
        this.intervalStart = intervalStart;
    }

    /** The same limit reached in a row of the forecast: its channel and interval, so a reader can name the line. */
    static StaffingLimitException inRow(String channel, java.time.LocalDateTime intervalStart, StaffingLimitException e) {
        return new StaffingLimitException(channel + " at " + intervalStart + ": " + e.getMessage(), channel, intervalStart);
    }

    /** The channel of the forecast row, or null when the limit was not reached in a row. */
    public String channel() {
        return channel;
    }

    /** The interval of the forecast row, or null. */
    public java.time.LocalDateTime intervalStart() {
        return intervalStart;
    }

    static StaffingLimitException forLoad(double load) {
        return new StaffingLimitException(String.format(java.util.Locale.ROOT,
                "a load of %s Erlangs needs more than %,d agents at once (expected at most %,d; is a volume or"
                        + " an AHT in the wrong unit?)", Plausible.format(load), MAX_SERVERS, MAX_SERVERS));
    }
}
