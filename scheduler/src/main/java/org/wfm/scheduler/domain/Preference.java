package org.wfm.scheduler.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A row of preferences.csv: what an agent would like on one date ({@code date}) or on every such weekday of the
 * horizon ({@code weekday}; exactly one of the two is set). {@code start}/{@code end} are the local time window of a
 * {@code prefer} or {@code avoid} row (an end at or before the start runs into the next day) and null for
 * {@code day_off}. {@code weight} is in points, before the per-agent budget scales it
 * ({@link Rules.Preferences#budgetPoints()}); {@code line} is the file's line, for messages.
 */
public record Preference(String agentId, LocalDate date, DayOfWeek weekday, Kind kind, LocalTime start,
                         LocalTime end, double weight, int line) {

    /** {@code prefer}: work inside the window if working; {@code avoid}: no work in it; {@code day_off}: no shift. */
    public enum Kind { PREFER, AVOID, DAY_OFF }

    /** Whether this row speaks about {@code day}. */
    public boolean appliesTo(LocalDate day) {
        return date != null ? date.equals(day) : day.getDayOfWeek() == weekday;
    }
}
