package org.wfm.scheduler.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** rules.yaml. {@code breaks} is null when the file says {@code breaks: none}. */
public record Rules(Horizon horizon, Shifts shifts, Breaks breaks, Training training,
                    Map<String, Integer> siteSeats, Costs costs, Objective objective, Replan replan,
                    Preferences preferences) {

    public record Horizon(LocalDate start, int days) {
        public LocalDate end() {
            return start.plusDays(days);
        }
    }

    public record Shifts(List<Double> lengthsHours, int startStepMinutes, double minRestHours,
                         int maxConsecutiveDays, int maxDaysPerWeek) {
    }

    public record Breaks(double everyHours, int breakMinutes, int lunchMinutes, double lunchAfterHours) {
    }

    public record Training(int blockMinutes, double maxHoursPerWeek) {
    }

    public record Costs(double overtimeAfterHoursWeek, double overtimeMultiplier, double onDemandPremium) {
    }

    public enum ObjectiveMode { COVER, BALANCE }

    /**
     * What the schedule is judged by: {@code mode} (service first, or service priced against wages), the price of a
     * late contact, and {@code spread}, the weight of the starved-interval term that spreads a shortfall over
     * channels and intervals instead of leaving one peak empty (0 = off; see the scheduler's {@code Demand}).
     */
    public record Objective(ObjectiveMode mode, double lateContactCost, double spread) {
        /**
         * At 1 the starved-interval term equals the late contacts of a bucket left empty and stays below them
         * elsewhere, so it at most doubles the price of service and only where a bucket is starved.
         */
        public static final double DEFAULT_SPREAD = 1.0;

        /** The objective with the default spread. */
        public Objective(ObjectiveMode mode, double lateContactCost) {
            this(mode, lateContactCost, DEFAULT_SPREAD);
        }
    }

    /**
     * How a replan treats the published schedule ({@code --previous}): inside the first {@code frozenDays} days of
     * the horizon a published day changes only when it can no longer be worked (new time off, the agent left,
     * availability or shift rules changed); beyond them each changed published day costs {@code changeCost} (money,
     * like wages), traded against service: in {@code cover} mode at the price of a late contact
     * ({@code objective.late_contact_cost}), so a change must save at least changeCost ÷ late_contact_cost late
     * contacts.
     */
    public record Replan(int frozenDays, double changeCost) {
        /** Three days frozen; beyond them a change must save 60.00 of service (40 late contacts at 1.50). */
        public static final Replan DEFAULT = new Replan(3, 60.0);
    }

    /**
     * How agents' preferences (preferences.csv) are priced: each agent's points over the horizon are scaled down so
     * that their total is at most {@code budgetPoints} (one agent cannot outweigh the others by writing large
     * numbers), and a point unmet costs {@code pointValue} money, like wages, so the trade against cost (and, in
     * {@code balance} mode, service) stays explicit.
     */
    public record Preferences(double budgetPoints, double pointValue) {
        /**
         * 100 points per agent at 1.00 each: all of an agent's wishes together weigh at most 100.00, less than a
         * day's wages of most agents, so they shape the schedule among shifts of similar cost and never buy extra
         * staff.
         */
        public static final Preferences DEFAULT = new Preferences(100, 1.00);
    }

    public Rules {
        siteSeats = Map.copyOf(siteSeats);
        replan = replan == null ? Replan.DEFAULT : replan;
        preferences = preferences == null ? Preferences.DEFAULT : preferences;
    }

    /** Rules with the default preference pricing. */
    public Rules(Horizon horizon, Shifts shifts, Breaks breaks, Training training, Map<String, Integer> siteSeats,
                 Costs costs, Objective objective, Replan replan) {
        this(horizon, shifts, breaks, training, siteSeats, costs, objective, replan, Preferences.DEFAULT);
    }

    /** Rules with the default replanning settings. */
    public Rules(Horizon horizon, Shifts shifts, Breaks breaks, Training training, Map<String, Integer> siteSeats,
                 Costs costs, Objective objective) {
        this(horizon, shifts, breaks, training, siteSeats, costs, objective, Replan.DEFAULT);
    }
}
