package org.wfm.scheduler.solver;

import java.util.List;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/** Everything a scheduling run reads; {@code previous} is the published schedule (empty without --previous). */
public record ScheduleInput(ChannelPlan channels, List<Requirement> requirements, List<Agent> agents,
                            List<TimeOff> timeOff, Rules rules, List<ScheduleRow> previous,
                            ServiceCurveFactory curves) {
    public ScheduleInput {
        requirements = List.copyOf(requirements);
        agents = List.copyOf(agents);
        timeOff = List.copyOf(timeOff);
        previous = previous == null ? List.of() : List.copyOf(previous);
    }
}
