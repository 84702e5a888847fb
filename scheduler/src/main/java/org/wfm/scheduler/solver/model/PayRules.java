package org.wfm.scheduler.solver.model;

import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;

/**
 * What time costs and what training is worth, as pure functions of minutes and the agent's hourly cost. The
 * score's soft level is in cents: each function rounds once, in the order of operations the score has always
 * used, so the score does not move by a cent; the construction, the rebuild and the bounds price shifts with
 * the same functions. The evaluator reports money in currency units from hours ({@link #money}).
 */
public final class PayRules {
    /**
     * Development value of a training hour toward a goal, as a share of the agent's hourly cost: half, so that
     * training is worth an hour off the phones only where that hour saves less than half its wage.
     */
    public static final double TRAINING_VALUE = 0.5;
    /** Most a training block in the quietest interval is worth, as a share of its wage (scaled by the quiet). */
    public static final double TROUGH_VALUE = 0.25;

    private PayRules() {
    }

    /** Cents one minute of the agent's time costs at the plain hourly rate. */
    public static double centsPerMinute(double hourlyCost) {
        return hourlyCost * 100.0 / 60.0;
    }

    /** Wage of {@code paidMinutes}, in whole cents. */
    public static long wageCents(int paidMinutes, double hourlyCost) {
        return Math.round(paidMinutes * hourlyCost * 100.0 / 60.0);
    }

    /** The on-demand premium on {@code paidMinutes} (0 for contract agents), in whole cents. */
    public static long onDemandPremiumCents(Agent a, int paidMinutes, Rules.Costs costs) {
        return a.employment() == Employment.ON_DEMAND
                ? Math.round(paidMinutes * a.hourlyCost() * costs.onDemandPremium() * 100.0 / 60.0)
                : 0;
    }

    /** Paid minutes of a week beyond the overtime threshold. */
    public static int overtimeMinutes(int weekPaidMinutes, int thresholdMinutes) {
        return (int) overtimeHours(weekPaidMinutes, thresholdMinutes);
    }

    /** The same rule in hours, as the evaluator reports it: the week's paid time beyond the threshold. */
    public static double overtimeHours(double weekPaidHours, double thresholdHours) {
        return Math.max(0, weekPaidHours - thresholdHours);
    }

    /** The overtime supplement (the multiplier less one, {@code extra}) on {@code minutes}, in whole cents. */
    public static long overtimeCents(int minutes, double hourlyCost, double extra) {
        return Math.round(minutes * (centsPerMinute(hourlyCost) * extra));
    }

    /**
     * An hour of the agent at the plain rate, with the on-demand premium: what the construction and the rebuild
     * sort agents by, and what the bounds charge per hour.
     */
    public static double hourlyPrice(Agent a, Rules.Costs costs) {
        return a.hourlyCost() * (a.employment() == Employment.ON_DEMAND ? 1 + costs.onDemandPremium() : 1);
    }

    /** Value of {@code minutes} of training toward a goal, in whole cents (minutes beyond the goal excluded). */
    public static long trainingValueCents(int minutes, int goalMinutes, double hourlyCost) {
        return Math.round(Math.min(minutes, goalMinutes) * centsPerMinute(hourlyCost) * TRAINING_VALUE);
    }

    /** Training beyond the goal is charged at the plain wage: time off the phones with no value, in cents. */
    public static long trainingBeyondGoalCents(int minutes, int goalMinutes, double hourlyCost) {
        return Math.round((minutes - goalMinutes) * centsPerMinute(hourlyCost));
    }

    /** Bonus for a training block of {@code blockMinutes} whose intervals are {@code troughness} quiet on average. */
    public static long trainingTroughCents(int blockMinutes, double hourlyCost, double troughness) {
        return Math.round(hourlyCost * 100.0 * TROUGH_VALUE * blockMinutes / 60.0 * troughness);
    }

    /** Money for {@code hours} at the hourly cost times {@code share} (1 for wages), in currency units. */
    public static double money(double hours, double hourlyCost, double share) {
        return hours * hourlyCost * share;
    }
}
