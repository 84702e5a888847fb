package org.wfm.capacity;

import java.time.LocalDate;
import java.util.List;

/**
 * The scheduling-efficiency factor: paid hours needed per staff-hour of requirement covered. Shifts come in whole
 * lengths with breaks and lunches, contracts have minimum hours, and a requirement curve with peaks cannot be
 * matched exactly by shifts, so a schedule pays more hours than the requirement's staff-hours; capacity plans
 * multiply the required staff-hours by this factor.
 *
 * @param factor        paid hours ÷ covered required hours (≥ 1 for any real schedule)
 * @param measured      true when measured by scheduling, false when given with --efficiency
 * @param weeks         the weeks scheduled to measure it (empty when given)
 * @param paidHours     paid hours of the measured schedule
 * @param requiredHours required staff-hours of those weeks
 * @param coveredHours  required staff-hours the schedule covered (immediate and concurrent channels interval by
 *                      interval; deferred channels over the week, since their work moves within its window)
 * @param solverStop    why the solver stopped (move budget, unimproved, time limit), or null
 */
public record Efficiency(double factor, boolean measured, List<LocalDate> weeks, double paidHours,
                         double requiredHours, double coveredHours, String solverStop) {
    public Efficiency {
        weeks = List.copyOf(weeks);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the efficiency factor must be > 0: " + factor);
        }
    }

    public static Efficiency given(double factor) {
        return new Efficiency(factor, false, List.of(), Double.NaN, Double.NaN, Double.NaN, null);
    }
}
