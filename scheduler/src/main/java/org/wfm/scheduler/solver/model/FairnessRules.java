package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * Weekend days and late shifts (rules.yaml {@code fairness:}): what counts, and what an agent's count costs. Shared
 * by the constraints, the evaluator and the carrying of counts from one nightly run to the next (fairness.csv).
 * The convex price — price × ((carried + c)² − carried²) — is the usual way of sharing unpopular shifts in
 * rostering models (a quadratic deviation from the mean; e.g. the "fairness" constraints of OptaPlanner's employee
 * rostering and of the nurse-rostering benchmarks, which penalize squared load).
 */
public final class FairnessRules {
    private FairnessRules() {
    }

    /** A shift starting on {@code date} is a weekend day. */
    public static boolean weekendDay(Rules.Fairness f, LocalDate date) {
        return f.weekendDays().contains(date.getDayOfWeek());
    }

    /** A shift ending {@code endMinute} minutes after its start day's midnight is late. */
    public static boolean late(Rules.Fairness f, int endMinute) {
        return endMinute > f.lateEndMinute();
    }

    /** Shifts starting before this minute of the day are early (one of the unpopular shifts). */
    public static final int EARLY_START_BEFORE_MINUTE = 6 * 60;

    /**
     * An unpopular shift (the within-horizon "fair share of unpopular shifts"): on a weekend day, late, or
     * starting before {@link #EARLY_START_BEFORE_MINUTE}; weekend and late as rules.yaml {@code fairness:} defines
     * them, so both fairness terms count the same days.
     */
    public static boolean unpopular(Rules.Fairness f, LocalDate date, int startMinute, int endMinute) {
        return weekendDay(f, date) || late(f, endMinute) || startMinute < EARLY_START_BEFORE_MINUTE;
    }

    /** What {@code count} more of a kind cost an agent who carries {@code carried} of it, in cents. */
    public static long cents(double price, int carried, int count) {
        long c = carried;
        long t = carried + (long) count;
        return Math.round(price * 100) * (t * t - c * c);
    }

    /**
     * Weekend days and late shifts per agent in schedule rows whose date is in [{@code from}, {@code to}) (a shift is
     * its rows of one agent and date, from the first start to the last end), agents sorted by id.
     */
    public static Map<String, int[]> count(List<ScheduleRow> rows, Rules.Fairness f, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, LocalDateTime>> ends = new TreeMap<>();
        for (ScheduleRow r : rows) {
            if (r.date().isBefore(from) || !r.date().isBefore(to)) {
                continue;
            }
            ends.computeIfAbsent(r.agentId(), k -> new TreeMap<>()).merge(r.date(), r.end(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, int[]> out = new TreeMap<>();
        ends.forEach((agent, byDate) -> {
            int[] c = new int[2];
            byDate.forEach((date, end) -> {
                if (weekendDay(f, date)) {
                    c[0]++;
                }
                if (late(f, (int) ChronoUnit.MINUTES.between(date.atStartOfDay(), end))) {
                    c[1]++;
                }
            });
            out.put(agent, c);
        });
        return out;
    }

}
