package org.wfm.scheduler.solver.model;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.wfm.scheduler.domain.InputConflict;

/**
 * The planning solution. Score levels: hard = contract rules (minutes or counts broken); medium = contacts
 * answered late beyond the requirement (×1000, half on the convex envelope of the service curve, see {@link Demand}) in
 * {@code cover} mode; soft = money in cents (wages,
 * overtime, premium, late contacts in {@code balance} mode) plus development, remote and fairness terms.
 */
@PlanningSolution(solutionCloner = ScheduleCloner.class)
public class Schedule {
    @ProblemFactCollectionProperty
    private List<AgentPlan> plans;
    @ProblemFactCollectionProperty
    private List<AgentWeek> weeks;
    @ProblemFactCollectionProperty
    private List<Demand> demands;
    @PlanningEntityCollectionProperty
    private List<AgentDay> days;
    @PlanningScore
    private HardMediumSoftLongScore score;
    private PlanContext ctx;
    private List<InputConflict> conflicts = List.of();

    public Schedule() {
    }

    public Schedule(PlanContext ctx, List<AgentPlan> plans, List<AgentWeek> weeks, List<Demand> demands,
                    List<AgentDay> days) {
        this(ctx, plans, weeks, demands, days, List.of());
    }

    /** {@code conflicts}: rules the inputs make impossible, found before solving (see {@link InputConflicts}). */
    public Schedule(PlanContext ctx, List<AgentPlan> plans, List<AgentWeek> weeks, List<Demand> demands,
                    List<AgentDay> days, List<InputConflict> conflicts) {
        this.conflicts = List.copyOf(conflicts);
        this.ctx = ctx;
        this.plans = plans;
        this.weeks = weeks;
        this.demands = demands;
        this.days = days;
    }

    public List<InputConflict> getConflicts() {
        return conflicts;
    }

    public PlanContext getCtx() {
        return ctx;
    }

    public List<AgentPlan> getPlans() {
        return plans;
    }

    public List<AgentWeek> getWeeks() {
        return weeks;
    }

    public List<Demand> getDemands() {
        return demands;
    }

    public List<AgentDay> getDays() {
        return days;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
