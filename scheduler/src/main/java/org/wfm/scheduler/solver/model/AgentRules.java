package org.wfm.scheduler.solver.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.TimeOff;

/**
 * When an agent may work and on what: the availability window, time off and skills, as pure functions of the
 * agent's own records. The score, the pattern ranges, the construction, the rebuild, the evaluator and the
 * bounds all ask here, so none of them can allow a shift another one refuses.
 *
 * <p>Times are minutes: of the shift's day for the window, from the horizon's first midnight (local time) for
 * time off, so a shift of day {@code d} starting at minute {@code s} of its day is {@code d * 1440 + s}.
 */
public final class AgentRules {
    private AgentRules() {
    }

    static int minuteOfDay(LocalTime t) {
        return t.toSecondOfDay() / 60;
    }

    /** First minute of the day the agent may work. */
    public static int windowStart(Agent a) {
        return minuteOfDay(a.earliestStart());
    }

    /**
     * Minute the agent must have stopped by, counted from the same midnight as {@link #windowStart}: a latest end
     * at or before the earliest start is an overnight window ending the next day (equal times: 24 hours).
     */
    public static int windowEnd(Agent a) {
        int es = windowStart(a);
        int le = minuteOfDay(a.latestEnd());
        return le <= es ? le + 1440 : le;
    }

    /**
     * Minutes of a shift starting at {@code startMinute} of a day {@code day} outside the agent's window: all of
     * them on a day the agent is not available. The window is anchored on the shift's own day, so a shift at
     * 01:00 is outside a 22:00-06:00 window (it would belong to the previous day's window, which is not checked).
     */
    public static int minutesOutside(Agent a, DayOfWeek day, int startMinute, int lengthMinutes) {
        if (!a.availableDays().contains(day)) {
            return lengthMinutes;
        }
        int from = startMinute;
        int to = startMinute + lengthMinutes;
        return (to - from) - Math.max(0, Math.min(to, windowEnd(a)) - Math.max(from, windowStart(a)));
    }

    /**
     * The shift lies inside the agent's window on an available day: {@link #minutesOutside} is 0 (for a shift of
     * positive length).
     */
    public static boolean available(Agent a, DayOfWeek day, int startMinute, int lengthMinutes) {
        return a.availableDays().contains(day) && startMinute >= windowStart(a)
                && startMinute + lengthMinutes <= windowEnd(a);
    }

    /**
     * A time-off row as {from, to} minutes from the horizon's first midnight {@code h0}: a whole day is that date's
     * 24 hours; a part day whose end is at or before its start runs overnight into the next day.
     */
    public static int[] timeOffRange(TimeOff t, LocalDate h0) {
        int day = (int) ChronoUnit.DAYS.between(h0, t.date());
        if (t.wholeDay()) {
            return new int[] {day * 1440, day * 1440 + 1440};
        }
        int s = day * 1440 + minuteOfDay(t.start());
        int e = day * 1440 + minuteOfDay(t.end());
        return new int[] {s, e <= s ? e + 1440 : e};
    }

    public static List<int[]> timeOffRanges(List<TimeOff> offs, LocalDate h0) {
        List<int[]> out = new ArrayList<>();
        offs.forEach(t -> out.add(timeOffRange(t, h0)));
        return out;
    }

    /** Length of a part-day time off in minutes, overnight included (what the weekly minimum is lowered by). */
    public static int partDayMinutes(TimeOff t) {
        int[] r = timeOffRange(t, t.date());
        return r[1] - r[0];
    }

    /** Minutes of [from, to) that overlap {@code range}. */
    public static int overlap(int from, int to, int[] range) {
        return Math.max(0, Math.min(to, range[1]) - Math.max(from, range[0]));
    }

    /** Minutes of [from, to) that overlap time off, summed over the ranges. */
    public static int timeOffMinutes(int from, int to, List<int[]> ranges) {
        int sum = 0;
        for (int[] r : ranges) {
            sum += overlap(from, to, r);
        }
        return sum;
    }

    /** An agent may work a channel with a proficiency above zero (the proficiency scales capacity). */
    public static boolean skilled(Agent a, String channel) {
        return a.proficiency(channel) > 0;
    }

    /** An agent with no positive proficiency anywhere gets no shifts at all. */
    public static boolean skilledAtAll(Agent a) {
        return a.skills().values().stream().anyMatch(p -> p > 0);
    }
}
