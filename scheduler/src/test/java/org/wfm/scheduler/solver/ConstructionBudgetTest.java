package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.solver.bench.InstanceGenerator;

/**
 * The work budget of a time limit covers the construction: a problem too large for its limit spends the
 * construction's share of the budget on the full greedy, then gives the agents not yet reached the hours of their
 * contract by the quick placement (reproducibly, and says so) instead of running the full greedy to its end whatever
 * the limit, or leaving agents without shifts.
 */
class ConstructionBudgetTest {
    private static final ScheduleInput LARGE = InstanceGenerator.generate(60, 7, 3, true, 5);

    @Test
    void aBudgetSmallerThanTheConstructionPlacesTheRestQuicklyAndSaysSo() {
        // without the cost bound, which is not what this checks (it took 25 s of the test on a loaded machine)
        SolveOptions tiny = new SolveOptions(Duration.ofSeconds(60), 1, 0, 200).withoutBound();
        ScheduleOutcome a = new ScheduleSolver().solve(LARGE, tiny, null);
        ScheduleOutcome b = new ScheduleSolver().solve(LARGE, tiny, null);
        assertThat(a.terminatedBy()).isEqualTo(ScheduleSolver.CONSTRUCTION_BUDGET);
        // Reproducible: the switch is counted in work, not in time.
        assertThat(b.rows()).isEqualTo(a.rows());
        // Every agent with a weekly minimum was given shifts, and no hard rule is broken.
        long withMinimum = LARGE.agents().stream().filter(x -> x.minHoursWeek() > 0).count();
        long agentsWorking = a.rows().stream().map(r -> r.agentId()).distinct().count();
        assertThat(agentsWorking).isGreaterThanOrEqualTo(withMinimum);
        assertThat(a.summary().hardViolations()).isEmpty();
    }

    @Test
    void aBudgetThatCoversTheConstructionLetsItFinish() {
        // One second's budget: 15,000 moves, far more than a 10-agent construction's work.
        ScheduleOutcome o = new ScheduleSolver().solve(InstanceGenerator.generate(10, 7, 2, true, 3),
                new SolveOptions(Duration.ofSeconds(1), 1).withoutBound(), null);
        assertThat(o.terminatedBy()).isIn(ScheduleSolver.MOVE_BUDGET, ScheduleSolver.UNIMPROVED);
        assertThat(o.summary().hardViolations()).isEmpty();
    }

    /**
     * Issue 15 item 8: 1,000 agents × 7 days × 3 channels with a 2 s limit. Its default budget (30,000 moves) gives the
     * construction's full greedy 9 million units of work, a few hundred agents' worth; the others are placed by the
     * quick placement. Every agent with a weekly minimum gets shifts, no hard rule is broken, and the construction's
     * whole work stays within a small multiple of the budget (counted work, not seconds: the machine does not matter).
     */
    @Test
    void aThousandAgentsArePlacedWithinTheDefaultBudgetOfAShortLimit() {
        ScheduleInput in = InstanceGenerator.generate(1000, 7, 3, true, 11);
        SolveOptions o = new SolveOptions(Duration.ofSeconds(2), 1).withoutBound();
        org.wfm.scheduler.solver.model.Schedule[] built = {null};
        ScheduleOutcome out = new ScheduleSolver().solve(in, o, null, s -> built[0] = s);
        var report = built[0].getCtx().constructionReport();
        assertThat(report.agents()).isEqualTo(1000);
        assertThat(report.cut()).isTrue();
        assertThat(report.agentsFull()).isPositive().isLessThan(1000);
        assertThat(out.terminatedBy()).isEqualTo(ScheduleSolver.CONSTRUCTION_BUDGET);
        long withMinimum = in.agents().stream().filter(a -> a.minHoursWeek() > 0).count();
        long placed = out.rows().stream().map(r -> r.agentId()).distinct().count();
        assertThat(placed).isGreaterThanOrEqualTo(withMinimum);
        assertThat(out.summary().hardViolations()).isEmpty();
        // the quick placement costs about 30,000 units an agent (an ordinary move is worth 600)
        long budgetWork = o.moveBudget() * org.wfm.scheduler.solver.construct.GreedyConstruction.WORK_PER_MOVE;
        assertThat(report.work()).isLessThan(10 * budgetWork);
        System.out.printf("1,000 agents x 7 days: %d placed by the full greedy, %d by the quick placement, work %,d "
                + "(budget %,d)%n", report.agentsFull(), report.agentsQuick(), report.work(), budgetWork);
    }
}
