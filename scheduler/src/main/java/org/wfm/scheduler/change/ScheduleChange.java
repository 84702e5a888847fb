package org.wfm.scheduler.change;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One change to one agent's day. {@code from} and {@code to} describe the day's part before and after, written as
 * {@code yyyy-MM-dd HH:mm-HH:mm} (the end's date is implied: an end at or before the start is the next day), with the
 * channel after the times for {@link Kind#CHANNEL_SWITCHED}, and several blocks joined by {@code "; "}. An empty
 * {@code from} means the part was added, an empty {@code to} that it was removed.
 */
public record ScheduleChange(String agentId, LocalDate date, Kind kind, String from, String to) {

    /** The kinds of change, in the order they are listed for one agent-day. */
    public enum Kind {
        SHIFT_ADDED, SHIFT_REMOVED, SHIFT_MOVED, SHIFT_EXTENDED, SHIFT_SHORTENED,
        BREAK_MOVED, LUNCH_MOVED, TRAINING_MOVED, CHANNEL_SWITCHED, LOCATION_CHANGED;

        /** The name written in CSV files: {@code shift_moved}, {@code channel_switched}... */
        public String csv() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
