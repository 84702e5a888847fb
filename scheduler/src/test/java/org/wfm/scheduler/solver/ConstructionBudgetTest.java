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
     * construction 9 million units of work; with the reserve for the agents it will not reach (5.6 million), the full
     * greedy places a few dozen agents (41) and the quick placement the others. Every agent with a weekly minimum gets shifts, no hard rule is broken, and the construction's
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

    /**
     * Issue 15 item 8: the whole construction, its quick placement included, stays within the construction's share
     * of the CLI's budget (counted work, no clock): 600 agents × 14 days with a 2 s limit. The full greedy stops while
     * the share still holds the reserve of the agent-days not yet reached, so it places some agents, the quick
     * placement the others, and the work of both together is within the share (before, the full greedy spent the
     * whole share and the quick placement came on top of it).
     */
    @Test
    void theWholeConstructionStaysWithinItsShareOfTheBudget() {
        ScheduleInput in = InstanceGenerator.generate(600, 14, 3, true, 13);
        SolveOptions o = new SolveOptions(Duration.ofSeconds(2), 1).calibratedFor(in).withoutBound();
        org.wfm.scheduler.solver.model.Schedule[] built = {null};
        ScheduleOutcome out = new ScheduleSolver().solve(in, o, null, s -> built[0] = s);
        var report = built[0].getCtx().constructionReport();
        long share = built[0].getCtx().constructionLimit().work();
        assertThat(share).isEqualTo((long) (o.moveBudget() * ScheduleSolver.CONSTRUCTION_SHARE
                * org.wfm.scheduler.solver.construct.GreedyConstruction.WORK_PER_MOVE));
        assertThat(report.cut()).isTrue();
        assertThat(report.agentsFull()).isPositive().isLessThan(600);
        assertThat(report.work()).isLessThanOrEqualTo(share);
        assertThat(out.terminatedBy()).isEqualTo(ScheduleSolver.CONSTRUCTION_BUDGET);
        assertThat(out.summary().hardViolations()).isEmpty();
        long withMinimum = in.agents().stream().filter(a -> a.minHoursWeek() > 0).count();
        assertThat(out.rows().stream().map(r -> r.agentId()).distinct().count()).isGreaterThanOrEqualTo(withMinimum);
        System.out.printf("600 agents x 14 days, 2 s: %d by the full greedy, %d by the quick placement, work %,d of a "
                + "share of %,d%n", report.agentsFull(), report.agentsQuick(), report.work(), share);
    }

    /**
     * When even the reserve of every agent-day is more than the share (1,500 agents × 7 days, 1 s), every agent goes
     * to the quick placement at once, and its work stays within the reserve counted for it
     * ({@code RESERVE_PER_AGENT_DAY} an agent-day): what the full greedy's stop relies on.
     */
    @Test
    void withoutRoomForTheFullGreedyEveryAgentIsPlacedQuicklyWithinItsReserve() {
        ScheduleInput in = InstanceGenerator.generate(1500, 7, 3, true, 17);
        SolveOptions o = new SolveOptions(Duration.ofSeconds(1), 1).calibratedFor(in).withoutBound();
        org.wfm.scheduler.solver.model.Schedule[] built = {null};
        ScheduleOutcome out = new ScheduleSolver().solve(in, o, null, s -> built[0] = s);
        var report = built[0].getCtx().constructionReport();
        long agentDays = built[0].getDays().size();
        assertThat(report.agentsFull()).isZero();
        assertThat(report.agentsQuick()).isEqualTo(1500);
        assertThat(report.work()).isLessThanOrEqualTo(
                agentDays * org.wfm.scheduler.solver.construct.GreedyConstruction.RESERVE_PER_AGENT_DAY);
        assertThat(out.summary().hardViolations()).isEmpty();
        System.out.printf("1,500 agents x 7 days, 1 s: all by the quick placement, work %,d (%.0f an agent-day)%n",
                report.work(), report.work() / (double) agentDays);
    }
}
