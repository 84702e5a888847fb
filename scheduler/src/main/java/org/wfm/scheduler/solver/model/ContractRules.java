package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.IntPredicate;
import org.wfm.scheduler.domain.Rules;

/**
 * The contract's rules across days: rest between shifts, consecutive working days, and the weekly limits of
 * days, paid hours and training, as pure functions of minutes and day numbers. The weekly bounds themselves
 * (proration, time-off credit) are {@link ProblemBuilder#week}. Weeks are 7-day blocks from the horizon start.
 *
 * <p>The score penalises what these return; the construction and the rebuild keep fast counters (minutes and
 * days per week, the shifts of neighbouring days) but ask these functions whether a shift may go in.
 */
public final class ContractRules {
    private ContractRules() {
    }

    /** The 7-day block from the horizon start that day {@code day} falls in. */
    public static int weekOf(int day) {
        return day / 7;
    }

    public static int restMinutes(Rules.Shifts s) {
        return (int) Math.round(s.minRestHours() * 60);
    }

    /**
     * Rest missing between a shift ending at {@code previousEnd} and the next starting at {@code nextStart}
     * (minutes on one clock); overlapping shifts miss the whole rest and more.
     */
    public static int restMissing(int previousEnd, int nextStart, Rules.Shifts s) {
        return Math.max(0, previousEnd + restMinutes(s) - nextStart);
    }

    /**
     * How many days apart two shifts can be and still miss rest: a shift starting at most 23:59 with the
     * longest allowed length, plus the rest, must end past the later day's midnight.
     */
    public static int restReachDays(Rules.Shifts s) {
        return (1439 + ShiftRules.maxLengthMinutes(s) + restMinutes(s) - 1) / 1440;
    }

    /**
     * Length of the run of worked days through {@code day} (taken as worked) among days 0..{@code days}-1,
     * counting the published run of {@code priorRunDays} that ends the day before the horizon when the run
     * reaches day 0.
     */
    public static int runThrough(IntPredicate worked, int day, int days, int priorRunDays) {
        int left = 0;
        int k = day - 1;
        while (k >= 0 && worked.test(k)) {
            left++;
            k--;
        }
        if (k < 0) {
            left += priorRunDays;
        }
        int right = 0;
        for (k = day + 1; k < days && worked.test(k); k++) {
            right++;
        }
        return left + 1 + right;
    }

    /** A run of this many working days breaks the limit. */
    public static boolean runTooLong(int run, Rules.Shifts s) {
        return run > s.maxConsecutiveDays();
    }

    /**
     * Days worked beyond the consecutive-day limit: in every run, each day after the limit counts once; a run
     * starting on day 0 continues the published run of {@code priorRunDays}.
     */
    public static int daysBeyondConsecutive(boolean[] worked, int priorRunDays, Rules.Shifts s) {
        int excess = 0;
        int run = priorRunDays;
        for (boolean w : worked) {
            run = w ? run + 1 : 0;
            if (runTooLong(run, s)) {
                excess++;
            }
        }
        return excess;
    }

    /** Days the published schedule worked in a row up to the day before the horizon starts. */
    public static int priorRunDays(Set<LocalDate> worked, LocalDate horizonStart) {
        int run = 0;
        while (worked.contains(horizonStart.minusDays(run + 1))) {
            run++;
        }
        return run;
    }

    /** Working days of a week beyond its limit. */
    public static int daysBeyond(int daysWorked, AgentWeek w) {
        return Math.max(0, daysWorked - w.maxDays());
    }

    /** Paid minutes of a week beyond the contract's maximum. */
    public static int minutesOverMaximum(int paidMinutes, AgentWeek w) {
        return Math.max(0, paidMinutes - w.maxMinutes());
    }

    /** Paid minutes a week falls short of the contract's (prorated, time-off lowered) minimum. */
    public static int minutesUnderMinimum(int paidMinutes, AgentWeek w) {
        return Math.max(0, w.minMinutes() - paidMinutes);
    }

    /** Training minutes of a week beyond the rules' weekly maximum. */
    public static int trainingOverMaximum(int trainingMinutes, AgentWeek w) {
        return Math.max(0, trainingMinutes - w.trainingMaxMinutes());
    }
}
