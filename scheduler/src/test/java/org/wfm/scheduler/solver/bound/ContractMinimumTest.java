package org.wfm.scheduler.solver.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.TestData;

class ContractMinimumTest {
    private static final Rules EIGHT_HOURS = new Rules(new Rules.Horizon(TestData.MONDAY, 1),
            new Rules.Shifts(List.of(8.0), 30, 11, 5, 5), null, new Rules.Training(60, 4), Map.of(),
            new Rules.Costs(40, 1.5, 0.25), new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));

    private static ScheduleInput twoAgents(int fromHour, int toHour, double staff) {
        return new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, fromHour, toHour, staff),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 32, 40),
                        TestData.agent("b", Employment.FULL_TIME, Map.of("voice", 1.0), 32, 40)), List.of(),
                EIGHT_HOURS, List.of(), TestData.LINEAR);
    }

    /**
     * Two full-time agents with a 32-hour week, one day: each must be paid the prorated minimum, 274 minutes
     * (32 h × 1/7, in whole minutes as the solver keeps it), whatever the demand: 2 × 274/60 × 20 = 182.67,
     * above the pattern LP for 4 hours of demand (one 8-hour shift, 160). The per-agent (Lagrangian) bound goes
     * further: each day's minimum needs a whole 8-hour shift (2 × 160).
     */
    @Test
    void minimumPayWhateverTheDemand() {
        ScheduleInput in = twoAgents(8, 12, 1.0);
        assertThat(CoverLowerBound.contractMinimum(in, null)).isCloseTo(2 * 274 / 60.0 * 20, within(1e-9));
        assertThat(CoverLowerBound.aggregated(in)).isCloseTo(160.0, within(1e-6));
        assertThat(CoverLowerBound.compute(in)).isCloseTo(320.0, within(1.0));
    }

    /** Demand beyond the minimums: 2 staff for 12 hours = 24 h, of which 24 − 9.13 beyond them at 20 an hour. */
    @Test
    void hoursBeyondTheMinimumsAtTheCheapestPrice() {
        ScheduleInput in = twoAgents(8, 20, 2.0);
        assertThat(CoverLowerBound.contractMinimum(in, null)).isCloseTo(24 * 20.0, within(1e-9));
    }
}
