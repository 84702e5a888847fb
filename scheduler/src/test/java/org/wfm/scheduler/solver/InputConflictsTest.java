package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.InputConflict;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;

/** Rules the inputs make impossible are named before solving, and the rest is planned without violations. */
class InputConflictsTest {

    private static Agent agent(String id, Employment e, double min, EnumSet<DayOfWeek> days, LocalTime from,
                               LocalTime to) {
        return new Agent(id, id, "london", WorkMode.ONSITE, e, Map.of("voice", 1.0), Map.of(), min, 40, 20.0, days,
                from, to);
    }

    private static ScheduleInput input(List<Agent> agents, Rules rules) {
        return new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 7, 8, 20, 2.0), agents,
                List.of(), rules, List.of(), TestData.LINEAR);
    }

    @Test
    void aMinimumAboveWhatAvailabilityAllowsIsNamedAndTheRestIsPlanned() {
        // Thursdays 09:00-13:00 only: one 4-hour shift a week (4 h paid, its break is paid), against a 20 h minimum.
        Agent thursday = agent("thu", Employment.PART_TIME, 20, EnumSet.of(DayOfWeek.THURSDAY), LocalTime.of(9, 0),
                LocalTime.of(13, 0));
        Agent full = agent("ft", Employment.FULL_TIME, 24, EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0),
                LocalTime.of(22, 0));
        ScheduleInput in = input(List.of(thursday, full), TestData.rules(7, TestData.breaks()));
        assertThat(ScheduleSolver.build(in).getConflicts()).containsExactly(new InputConflict(
                "Weekly hours at least the contract's", "thu", null, "2026-01-05",
                "minimum 20.00 h but at most 4.00 h can be scheduled (available Thu 09:00-13:00, at most 5 days a"
                        + " week and 5 in a row, time off counted)"));
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(60), 1, 0, 5_000),
                null);
        assertThat(out.conflicts()).hasSize(1);
        // The solver reaches what the inputs allow (0 hard in its score); the evaluator still reports the contract.
        assertThat(out.summary().solver().score()).startsWith("0hard");
        assertThat(out.summary().hardViolations()).extracting(v -> v.constraint() + " " + v.agentId())
                .containsExactly("Weekly hours at least the contract's thu");
        assertThat(out.rows()).filteredOn(r -> r.agentId().equals("thu")).isNotEmpty();
    }

    @Test
    void aWindowNoShiftFitsIsNamed() {
        Agent twoHours = agent("short", Employment.ON_DEMAND, 0, EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0),
                LocalTime.of(11, 0));
        assertThat(ScheduleSolver.build(input(List.of(twoHours), TestData.rules(7, TestData.breaks())))
                .getConflicts()).extracting(InputConflict::constraint, InputConflict::agentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Shift within the agent's availability", "short"));
    }

    @Test
    void seatsBelowTheOnSiteAgentsMinimumsAreNamed() {
        Rules base = TestData.rules(7, TestData.breaks());
        Rules oneSeat = new Rules(base.horizon(), base.shifts(), base.breaks(), base.training(), Map.of("london", 1),
                base.costs(), base.objective());
        // Three on-site agents with 40 h minimums, windows 08:00-20:00 five days: 120 h against 1 seat × 60 h.
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        List<Agent> agents = List.of(
                agent("a", Employment.FULL_TIME, 40, weekdays, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                agent("b", Employment.FULL_TIME, 40, weekdays, LocalTime.of(8, 0), LocalTime.of(20, 0)),
                agent("c", Employment.FULL_TIME, 40, weekdays, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        List<InputConflict> found = ScheduleSolver.build(input(agents, oneSeat)).getConflicts();
        assertThat(found).extracting(InputConflict::constraint, InputConflict::site)
                .contains(org.assertj.core.groups.Tuple.tuple("Seats per site", "london"));
    }

    @Test
    void feasibleInputsHaveNoConflicts() {
        Agent full = agent("ft", Employment.FULL_TIME, 24, EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0),
                LocalTime.of(22, 0));
        assertThat(ScheduleSolver.build(input(List.of(full), TestData.rules(7, TestData.breaks()))).getConflicts())
                .isEmpty();
    }
}
