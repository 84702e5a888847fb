package org.wfm.scheduler.solver.model;

import java.util.List;
import java.util.Map;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.WorkMode;

/**
 * An agent with what the solver derives once: channels by proficiency, training choices and goals in minutes,
 * time off as minute ranges, and the published history before the horizon ({@code priorRunDays} consecutive
 * days worked up to the horizon, {@code priorLastEnd} the last shift's end, minutes from the horizon start) and the
 * weekend days and late shifts carried from earlier runs (fairness.csv).
 */
public record AgentPlan(Agent agent, int index, List<String> channels, List<TrainingSlot> trainings,
                        Map<String, Integer> goalMinutes, List<int[]> offRanges, int priorRunDays,
                        Integer priorLastEnd, int carriedWeekendDays, int carriedLateShifts) {

    /** A plan carrying no weekend days or late shifts from earlier runs. */
    public AgentPlan(Agent agent, int index, List<String> channels, List<TrainingSlot> trainings,
                     Map<String, Integer> goalMinutes, List<int[]> offRanges, int priorRunDays, Integer priorLastEnd) {
        this(agent, index, channels, trainings, goalMinutes, offRanges, priorRunDays, priorLastEnd, 0, 0);
    }

    public AgentPlan {
        channels = List.copyOf(channels);
        trainings = List.copyOf(trainings);
        goalMinutes = Map.copyOf(goalMinutes);
        offRanges = List.copyOf(offRanges);
    }

    public String id() {
        return agent.id();
    }

    public boolean onDemand() {
        return agent.employment() == Employment.ON_DEMAND;
    }

    /** Site of a day at the office, or null for a home-based agent. */
    public String site() {
        String s = agent.site();
        return agent.workMode() == WorkMode.REMOTE || s == null || s.isBlank() || s.equals("home") ? null : s;
    }

    public int goalMinutes(String channel) {
        return goalMinutes.getOrDefault(channel, 0);
    }

    /** Minutes of [from, to) that overlap time off. */
    public int offOverlap(int from, int to) {
        return AgentRules.timeOffMinutes(from, to, offRanges);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentPlan p && p.index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return agent.id();
    }
}
