package org.wfm.scheduler.solver.model;

/**
 * One agent in one 7-day block from the horizon start. {@code minMinutes} is already prorated for a short last
 * block and lowered for time off (a whole day by min ÷ 5, a part day by its length) as the
 * contract says. {@code overtimeExtra} is the overtime multiplier less one.
 */
public record AgentWeek(AgentPlan plan, int week, int days, int minMinutes, int maxMinutes, int maxDays,
                        int overtimeAfterMinutes, double overtimeExtra, int trainingMaxMinutes) {

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentWeek w && w.week == week && w.plan.index() == plan.index();
    }

    @Override
    public int hashCode() {
        return plan.index() * 31 + week;
    }

    @Override
    public String toString() {
        return plan + "/w" + week;
    }
}
