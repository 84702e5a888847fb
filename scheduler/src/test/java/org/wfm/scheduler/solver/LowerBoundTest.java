package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.bound.CoverLowerBound;

class LowerBoundTest {
    private static final Rules EIGHT_HOURS = new Rules(new Rules.Horizon(TestData.MONDAY, 1),
            new Rules.Shifts(List.of(8.0), 30, 11, 5, 5), null, new Rules.Training(60, 4), Map.of(),
            new Rules.Costs(40, 1.5, 0.25), new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));

    /** One staff from 08:00 to 16:00 needs exactly one 8-hour shift: 8 × 20 = 160. */
    @Test
    void exactForOneShift() {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 16, 1.0),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40)), List.of(),
                EIGHT_HOURS, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.aggregated(in)).isCloseTo(160.0, within(1e-6));
        assertThat(CoverLowerBound.compute(in)).isCloseTo(160.0, within(1.0));
    }

    /**
     * 08:00-20:00: no 8-hour shift covers both 08:00 and 19:45, so even the LP needs two whole shifts: 320
     * (not 12 h × 20 = 240, which a bound ignoring shift shapes would give).
     */
    @Test
    void fractionalCover() {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 20, 1.0),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40),
                        TestData.agent("b", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40)), List.of(),
                EIGHT_HOURS, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.aggregated(in)).isCloseTo(320.0, within(1e-6));
        assertThat(CoverLowerBound.compute(in)).isCloseTo(320.0, within(1.0));
    }

    @Test
    void noDemandNoBound() {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), List.of(),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40)), List.of(),
                EIGHT_HOURS, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.compute(in)).isNull();
    }
}
