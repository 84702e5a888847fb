package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/**
 * Everything a scheduling run reads; {@code previous} is the published schedule (empty without --previous),
 * {@code preferences} the agents' wishes (empty without --preferences).
 */
public record ScheduleInput(ChannelPlan channels, List<Requirement> requirements, List<Agent> agents,
                            List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous,
                            ServiceCurveFactory curves, List<Preference> preferences) {
    public ScheduleInput {
        preferences = preferences == null ? List.of() : List.copyOf(preferences);
        requirements = List.copyOf(requirements);
        agents = List.copyOf(agents);
        timeOff = List.copyOf(timeOff);
        previous = previous == null ? List.of() : List.copyOf(previous);
    }

    /** Input without preferences. */
    public ScheduleInput(ChannelPlan channels, List<Requirement> requirements, List<Agent> agents,
                         List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous, ServiceCurveFactory curves) {
        this(channels, requirements, agents, timeOff, rules, previous, curves, List.of());
    }

    /** The same input with these preferences. */
    public ScheduleInput withPreferences(List<Preference> prefs) {
        return new ScheduleInput(channels, requirements, agents, timeOff, rules, previous, curves, prefs);
    }
}
