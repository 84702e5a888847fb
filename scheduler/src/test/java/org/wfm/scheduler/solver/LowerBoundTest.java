package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
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
     * No idle skills (ChannelRedirect): chat 07:00-09:00 and voice 09:00-15:00, one agent skilled for both. One
     * 8-hour shift booked on voice covers it all (chat until voice opens), 160. The bound must count that stretch,
     * else it would ask for a second shift (above the schedule's cost, so no bound would be reported).
     */
    @Test
    void aRedirectedStretchIsCountedByTheBound() {
        List<org.wfm.scheduler.staffing.Requirement> reqs = new java.util.ArrayList<>(
                TestData.flat("chat", 1, 7, 9, 1.0));
        reqs.addAll(TestData.flat("voice", 1, 9, 15, 1.0));
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat()), reqs,
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 1.0), 0, 40)),
                List.of(), EIGHT_HOURS, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.compute(in)).isCloseTo(160.0, within(1.0));
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(5), 1), null);
        assertThat(out.summary().cost().total()).isCloseTo(160.0, within(1e-6));
        assertThat(out.summary().uncoveredIntervals()).isEmpty();
        assertThat(out.summary().lowerBound().cost()).isNotNull().isCloseTo(160.0, within(1.0));
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

    /**
     * Three staff wanted 08:00-16:00, one agent: meeting the requirement would cost at least 3 × 160 = 480, more
     * than the only possible schedule (one shift, 160) costs. The bound reported beside a schedule is on covering
     * what that schedule covers (one staff all day), so it is 160, never above the cost.
     */
    @Test
    void demandBeyondCapacityBoundsWhatTheScheduleCovers() {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 16, 3.0),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40)), List.of(),
                EIGHT_HOURS, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.compute(in)).isGreaterThan(479.0);
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(5), 1), null);
        double cost = out.summary().cost().total();
        assertThat(cost).isCloseTo(160.0, within(1e-6));
        assertThat(out.summary().lowerBound().cost()).isNotNull().isLessThanOrEqualTo(cost)
                .isCloseTo(160.0, within(1.0));
        assertThat(out.summary().lowerBound().gap()).isGreaterThanOrEqualTo(0.0);
    }

    /**
     * Voice 08:00-12:00 and chat 12:00-16:00, one agent with both skills: a day split at the 12:00 lunch covers
     * both (the pauses stay uncovered, so the full requirement cannot be met and only the bound on what the
     * schedule covers exists).
     */
    @Test
    void splitDaysAreInTheModel() {
        Rules rules = new Rules(new Rules.Horizon(TestData.MONDAY, 1), new Rules.Shifts(List.of(8.0), 30, 11, 5, 5),
                TestData.breaks(), new Rules.Training(60, 4), Map.of(), new Rules.Costs(40, 1.5, 0.25),
                new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));
        List<org.wfm.scheduler.staffing.Requirement> reqs = new java.util.ArrayList<>(
                TestData.flat("voice", 1, 8, 12, 1.0));
        reqs.addAll(TestData.flat("chat", 1, 12, 16, 1.0));
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat()), reqs,
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 1.0), 0, 40)),
                List.of(), rules, List.of(), TestData.LINEAR);
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(5), 1), null);
        assertThat(out.rows()).extracting(r -> r.channel()).contains("voice", "chat");
        // 7.5 paid hours (the lunch is unpaid) × 20.
        assertThat(out.summary().cost().total()).isCloseTo(150.0, within(1e-6));
        // Without split columns the LP would need two shifts (300), above the cost, and no bound would show.
        assertThat(out.summary().lowerBound().cost()).isNotNull().isCloseTo(150.0, within(1.0));
    }

    @Test
    void noDemandNoBound() {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), List.of(),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40)), List.of(),
                EIGHT_HOURS, List.of(), TestData.LINEAR);
        assertThat(CoverLowerBound.compute(in)).isNull();
    }
}
