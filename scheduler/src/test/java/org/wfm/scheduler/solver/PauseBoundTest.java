package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.bound.CoverLowerBound;
import org.wfm.scheduler.solver.model.RowWriter;
import org.wfm.scheduler.solver.model.Schedule;

/** The cost lower bound with pauses that move per agent-day within their windows. */
class PauseBoundTest {

    /**
     * One staff 09:00-17:00, only the 09:00 8-hour shift (7.5 paid hours at 20 = 150). Its pauses (60 minutes,
     * 4 intervals) may sit in 18 intervals (break 1 from 10:23 to 11:37, lunch 12:15-13:45, break 2 14:23-15:37:
     * 14 whole intervals and 4 of which 7 minutes). With x shifts, each interval needs x − z ≥ 1, so the pauses
     * fit in 14 (x − 1) + 4 min(7x/15, x − 1) ≥ 4x: x ≥ 18/14 = 9/7, the bound 150 × 9/7. Two agents are needed
     * in truth (300); ignoring the pauses would give 150.
     */
    @Test
    void theLpPlacesPausesWithinTheirWindows() {
        Agent a = new Agent("a", "a", null, WorkMode.REMOTE, Employment.FULL_TIME, Map.of("voice", 1.0), Map.of(),
                0, 40, 20.0, EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(17, 0));
        Rules rules = new Rules(new Rules.Horizon(TestData.MONDAY, 1), new Rules.Shifts(List.of(8.0), 30, 11, 5, 5),
                TestData.breaks(), new Rules.Training(60, 4), Map.of(), new Rules.Costs(40, 1.5, 0.25),
                new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 9, 17, 1.0),
                List.of(a), List.of(), rules, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.aggregated(in)).isCloseTo(150.0 * 9 / 7, within(1e-6));
    }

    /**
     * Any schedule of legal shapes, with pauses anywhere in their windows, costs at least the bound on covering
     * what it covers (the pattern LP; the per-agent bounds assume every rule kept and are not asked here).
     */
    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void noScheduleCostsLessThanTheBound(@ForAll long seed) {
        Random r = new Random(seed);
        ScheduleInput in = RandomProblems.problem(r);
        Schedule s = ScheduleSolver.build(in);
        RandomProblems.scrambleInRange(s, r);
        List<ScheduleRow> rows = RowWriter.rows(s);
        double cost = ScheduleEvaluator.evaluate(in, rows).summary().cost().total();
        Double bound = CoverLowerBound.compute(in, ScheduleEvaluator.weightedCoverage(in, rows), false);
        if (bound != null) {
            assertThat(bound).as("seed %d", seed).isLessThanOrEqualTo(cost + 1e-6 * Math.max(1, cost));
        }
    }
}
