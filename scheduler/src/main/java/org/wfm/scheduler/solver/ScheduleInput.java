package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.FairnessCount;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/**
 * Everything a scheduling run reads; {@code previous} is the published schedule (empty without --previous),
 * {@code preferences} the agents' wishes (empty without --preferences), {@code carried} each agent's weekend days and
 * late shifts before the horizon (from the previous run's fairness.csv; empty without one).
 */
public record ScheduleInput(ChannelPlan channels, List<Requirement> requirements, List<Agent> agents,
                            List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous,
                            ServiceCurveFactory curves, List<Preference> preferences, List<FairnessCount> carried) {
    public ScheduleInput {
        carried = carried == null ? List.of() : List.copyOf(carried);
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
        requirements = List.copyOf(requirements);
        agents = List.copyOf(agents);
        timeOff = List.copyOf(timeOff);
        previous = previous == null ? List.of() : List.copyOf(previous);
    }

    /** Input without preferences. */
    public ScheduleInput(ChannelPlan channels, List<Requirement> requirements, List<Agent> agents,
                         List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous, ServiceCurveFactory curves) {
        this(channels, requirements, agents, timeOff, rules, previous, curves, List.of(), List.of());
    }

    /** The same input with these preferences. */
    public ScheduleInput withPreferences(List<Preference> prefs) {
        return new ScheduleInput(channels, requirements, agents, timeOff, rules, previous, curves, prefs, carried);
    }

    /** The same input with these weekend days and late shifts carried from earlier runs. */
    public ScheduleInput withCarried(List<FairnessCount> counts) {
        return new ScheduleInput(channels, requirements, agents, timeOff, rules, previous, curves, preferences, counts);
    }
}
