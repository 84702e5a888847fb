package org.wfm.scheduler.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** rules.yaml. {@code breaks} is null when the file says {@code breaks: none}. */
public record Rules(Horizon horizon, Shifts shifts, Breaks breaks, Training training,
                    Map<String, Integer> siteSeats, Costs costs, Objective objective, Replan replan,
                    Preferences preferences, Fairness fairness, List<Pattern> patterns) {

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

    /**
     * What counts as unpopular work, shared fairly and carried across nightly runs: a shift starting on one of
     * {@code weekendDays} is a weekend day; a shift ending after {@code lateEndMinute} (minutes from its start day's
     * midnight, so a shift past midnight is late) is a late shift. Each agent's count c over the horizon, on top of
     * the count p carried from earlier runs, costs price × ((p + c)² − p²): with the team's total fixed, the sum of
     * squares is least when the counts are equal (Σ(x − mean)² = Σx² − n·mean²), and an agent who already worked many
     * weekends pays more for the next one.
     */
    public record Fairness(java.util.Set<java.time.DayOfWeek> weekendDays, int lateEndMinute, double weekendPrice,
                           double latePrice) {
        /** Saturday and Sunday; late = ending after 20:00; 2.00 and 1.00 per unit of (count)². */
        public static final Fairness DEFAULT = new Fairness(
                java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY), 20 * 60, 2.00, 1.00);

        public Fairness {
            weekendDays = java.util.Set.copyOf(weekendDays);
        }
    }

    /**
     * A working pattern (rules.yaml {@code patterns:}): for the agents it names (empty = all), week k of the cycle
     * (k = whole weeks since {@code anchor}, modulo the number of weeks, shifted by the agent's position among the
     * agents it names when {@code stagger}) allows work only on {@code weeks.get(k)}; other days are days off. Hard:
     * never broken (such days are left out of the agent's shifts); soft: a day worked costs {@code weight} money.
     * {@code line}: where rules.yaml defines it, for messages.
     */
    public record Pattern(String name, List<String> agents, List<java.util.Set<java.time.DayOfWeek>> weeks,
                          LocalDate anchor, boolean stagger, boolean hard, double weight, int line) {
        public Pattern {
            agents = List.copyOf(agents);
            weeks = weeks.stream().map(java.util.Set::copyOf).toList();
        }

        /** Whether the pattern names this agent (no names: every agent). */
        public boolean covers(String agentId) {
            return agents.isEmpty() || agents.contains(agentId);
        }
    }

    public Rules {
        siteSeats = Map.copyOf(siteSeats);
        replan = replan == null ? Replan.DEFAULT : replan;
        preferences = preferences == null ? Preferences.DEFAULT : preferences;
        fairness = fairness == null ? Fairness.DEFAULT : fairness;
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    /** Rules with the default fairness and no patterns. */
    public Rules(Horizon horizon, Shifts shifts, Breaks breaks, Training training, Map<String, Integer> siteSeats,
                 Costs costs, Objective objective, Replan replan, Preferences preferences) {
        this(horizon, shifts, breaks, training, siteSeats, costs, objective, replan, preferences, Fairness.DEFAULT,
                List.of());
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
