package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.solver.bench.InstanceGenerator;

/**
 * The work budget of a time limit covers the construction: a problem too large for its limit stops where the budget
 * ends (reproducibly, and says so) instead of running the construction to its end whatever the limit.
 */
class ConstructionBudgetTest {
    private static final ScheduleInput LARGE = InstanceGenerator.generate(60, 7, 3, true, 5);

    @Test
    void aBudgetSmallerThanTheConstructionStopsItAndSaysSo() {
        SolveOptions tiny = new SolveOptions(Duration.ofSeconds(60), 1, 0, 200);
        ScheduleOutcome a = new ScheduleSolver().solve(LARGE, tiny, null);
        ScheduleOutcome b = new ScheduleSolver().solve(LARGE, tiny, null);
        assertThat(a.terminatedBy()).isEqualTo(ScheduleSolver.CONSTRUCTION_BUDGET);
        // Reproducible: the cut is counted in work, not in time.
        assertThat(b.rows()).isEqualTo(a.rows());
        // Some agents were given shifts before the cut, not all of them.
        long agentsWorking = a.rows().stream().map(r -> r.agentId()).distinct().count();
        assertThat(agentsWorking).isPositive().isLessThan(LARGE.agents().size());
        assertThat(a.summary().hardViolations()).isNotEmpty();
    }

    @Test
    void aBudgetThatCoversTheConstructionLetsItFinish() {
        // One second's budget: 15,000 moves, far more than a 10-agent construction's work.
        ScheduleOutcome o = new ScheduleSolver().solve(InstanceGenerator.generate(10, 7, 2, true, 3),
                new SolveOptions(Duration.ofSeconds(1), 1), null);
        assertThat(o.terminatedBy()).isIn(ScheduleSolver.MOVE_BUDGET, ScheduleSolver.UNIMPROVED);
        assertThat(o.summary().hardViolations()).isEmpty();
    }
}
