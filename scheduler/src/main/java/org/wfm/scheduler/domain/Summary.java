package org.wfm.scheduler.domain;

import java.util.List;
import java.util.Map;

/**
 * summary.json. Component names map to the contract's keys in snake_case (the writer uses Jackson's
 * SNAKE_CASE naming). Every figure is recomputable from schedule.csv and the inputs.
 */
public record Summary(Cost cost, Map<String, ServiceLevel> serviceLevel, double lateContacts,
                      List<TrainingDelivered> training, double remoteShare, double onDemandHours,
                      double paidHours, List<Violation> hardViolations, List<Uncovered> uncoveredIntervals,
                      LowerBound lowerBound, SolverInfo solver, Map<String, String> inputs,
                      String previous, String version, List<AgentTotals> agents, Map<String, Deferred> deferred,
                      Preferences preferences, Fairness fairness) {

    public Summary {
        preferences = preferences == null ? Preferences.NONE : preferences;
    }

    /** A summary without the fairness figures. */
    public Summary(Cost cost, Map<String, ServiceLevel> serviceLevel, double lateContacts,
                   List<TrainingDelivered> training, double remoteShare, double onDemandHours,
                   double paidHours, List<Violation> hardViolations, List<Uncovered> uncoveredIntervals,
                   LowerBound lowerBound, SolverInfo solver, Map<String, String> inputs,
                   String previous, String version, List<AgentTotals> agents, Map<String, Deferred> deferred,
                   Preferences preferences) {
        this(cost, serviceLevel, lateContacts, training, remoteShare, onDemandHours, paidHours, hardViolations,
                uncoveredIntervals, lowerBound, solver, inputs, previous, version, agents, deferred, preferences, null);
    }

    /**
     * Weekend days and late shifts (rules.yaml {@code fairness:}): per agent in this horizon and carried from earlier
     * runs (summary.json {@code fairness}; fairness.csv in the run folder carries them to the next run), with the
     * team's mean and largest count in the horizon; {@code countedFrom}: the horizon's first day (the carried counts
     * are of the days before it). Null in runs written before it existed.
     */
    public record Fairness(String countedFrom, Spread weekendDays, Spread lateShifts, List<AgentFairness> agents) {
        public Fairness {
            agents = agents == null ? List.of() : List.copyOf(agents);
        }
    }

    /** The team's mean and largest count of one kind. */
    public record Spread(double mean, int max) {
    }

    /** One agent's counts in the horizon and carried into it. */
    public record AgentFairness(String agentId, int weekendDays, int lateShifts, int carriedWeekendDays,
                                int carriedLateShifts) {
    }

    /** A summary without the preferences figures (runs without preferences.csv). */
    public Summary(Cost cost, Map<String, ServiceLevel> serviceLevel, double lateContacts,
                   List<TrainingDelivered> training, double remoteShare, double onDemandHours,
                   double paidHours, List<Violation> hardViolations, List<Uncovered> uncoveredIntervals,
                   LowerBound lowerBound, SolverInfo solver, Map<String, String> inputs,
                   String previous, String version, List<AgentTotals> agents, Map<String, Deferred> deferred) {
        this(cost, serviceLevel, lateContacts, training, remoteShare, onDemandHours, paidHours, hardViolations,
                uncoveredIntervals, lowerBound, solver, inputs, previous, version, agents, deferred,
                Preferences.NONE, null);
    }

    /**
     * Agents' preferences (summary.json {@code preferences}): each preference on each day it applies to counts once;
     * {@code met} those fully met (by the rule of the scheduler's {@code PreferenceRules}, the one the constraints
     * price), {@code share} = met ÷ total (null without preferences), {@code unmetCost} the money the unmet part is
     * priced at (points after the budget × point value × share unmet), per agent in {@code agents}.
     */
    public record Preferences(int met, int total, Double share, double unmetCost, List<AgentPreferences> agents) {
        public static final Preferences NONE = new Preferences(0, 0, null, 0, List.of());

        public Preferences {
            agents = agents == null ? List.of() : List.copyOf(agents);
        }
    }

    /** One agent's preferences met; {@code share} null when the agent stated none. */
    public record AgentPreferences(String agentId, int met, int total, Double share, double unmetCost) {
    }

    /**
     * A deferred channel's figures (contract: summary.json {@code deferred}): {@code withinWindow} the share of the
     * work falling due inside the horizon that is done within {@code response_hours} (null when none falls due
     * inside it), {@code peakBacklogHours} the most work waiting at the end of an interval, in hours of work at
     * proficiency 1. Computed by {@link org.wfm.scheduler.staffing.DeferredQueue}. {@code simulated}, the same share
     * in the simulation (contacts finished within the window), is null until {@code wfm simulate} fills it.
     */
    public record Deferred(Double withinWindow, double peakBacklogHours, Double simulated) {
        public Deferred(Double withinWindow, double peakBacklogHours) {
            this(withinWindow, peakBacklogHours, null);
        }
    }

    /** Per-agent totals (an extra key of summary.json, used by the Agents sheet of plan.xlsx). */
    public record AgentTotals(String agentId, String name, String site, String employment, int days,
                              double paidHours, double workHours, double trainingHours, double homeHours,
                              double overtimeHours, double cost) {
    }

    public record Cost(double total, double wages, double overtime, double onDemandPremium) {
    }

    /** {@code simulated} is null until {@code wfm simulate} fills it. */
    public record ServiceLevel(double target, double planned, Double simulated) {
    }

    public record TrainingDelivered(String agentId, double wantedHours, double deliveredHours) {
    }

    public record Violation(String constraint, String agentId, String date, String detail) {
    }

    public record Uncovered(String intervalStart, String channel, double required, double scheduled) {
    }

    /** {@code cost} is null when no bound could be computed; {@code gap} = (cost − bound) ÷ bound. */
    /**
     * The lower bound on cost and the gap to it; {@code note} says why there is none when the run skipped it on
     * purpose (a problem too large for it), null otherwise.
     */
    public record LowerBound(Double cost, Double gap, String note) {
        public LowerBound(Double cost, Double gap) {
            this(cost, gap, null);
        }
    }

    public record SolverInfo(String score, double seconds, long seed) {
    }
}
