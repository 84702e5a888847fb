package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.PublishedChange;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;

/**
 * The next night's run: published days are kept unless they can no longer be worked (frozen window) or the change
 * saves more than replan.change_cost (beyond it).
 */
class ReplanTest {
    private static final SolveOptions BUDGET = new SolveOptions(Duration.ofSeconds(120), 5, 0, 20_000);

    /** Six agents, 10 days, a demand slightly above what they can cover, so service pulls on every shift. */
    private static ScheduleInput centre(List<TimeOff> off, List<ScheduleRow> previous, Rules.Replan replan) {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(TestData.agent("a" + i, i < 4 ? Employment.FULL_TIME : Employment.PART_TIME,
                    Map.of("voice", 1.0), i < 4 ? 24 : 8, 40));
        }
        Rules r = TestData.rules(10, TestData.breaks());
        Rules rules = new Rules(r.horizon(), r.shifts(), r.breaks(), r.training(), r.siteSeats(), r.costs(),
                r.objective(), replan);
        return new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 10, 8, 20, 3.0), agents, off,
                rules, previous, TestData.LINEAR);
    }

    @Test
    void identicalInputsTheNextNightChangeNothing() {
        ScheduleOutcome first = new ScheduleSolver().solve(centre(List.of(), List.of(), Rules.Replan.DEFAULT), BUDGET,
                null);
        assertThat(first.summary().hardViolations()).isEmpty();
        ScheduleOutcome second = new ScheduleSolver().solve(centre(List.of(), first.rows(), Rules.Replan.DEFAULT),
                BUDGET, null);
        assertThat(second.publishedChanges()).isEmpty();
        // Every shift starts and ends as published (breaks inside a kept shift may still move for service).
        assertThat(spans(second.rows())).isEqualTo(spans(first.rows()));
    }

    /**
     * Every published day frozen and one agent off sick for a whole day: nothing is left to choose, so no search
     * runs (it would draw only undoable moves, which advance neither the move budget nor the step count, and ran
     * into the wall-clock net: 124 s for a 2 s limit). The sick day is emptied, the rest kept as published.
     */
    @Test
    void aFullyFrozenReplanEndsWithoutASearch() {
        Rules.Replan allFrozen = new Rules.Replan(10, 60);
        ScheduleOutcome first = new ScheduleSolver().solve(centre(List.of(), List.of(), allFrozen), BUDGET, null);
        String agent = first.rows().get(0).agentId();
        LocalDate day = first.rows().get(0).date();
        List<TimeOff> sick = List.of(new TimeOff(agent, day, null, null, "sick"));
        ScheduleOutcome second = new ScheduleSolver().solve(centre(sick, first.rows(), allFrozen), BUDGET, null);
        assertThat(second.terminatedBy()).isEqualTo(ScheduleSolver.NOTHING_TO_CHANGE);
        assertThat(second.rows()).noneMatch(r -> r.agentId().equals(agent) && r.date().equals(day));
        List<String> kept = spans(first.rows()).stream().filter(x -> !x.startsWith(agent + " " + day)).toList();
        assertThat(spans(second.rows())).containsExactlyElementsOf(kept);
    }

    /** Agent, date, first start and last end of each shift. */
    private static java.util.Set<String> spans(List<ScheduleRow> rows) {
        java.util.Map<String, String[]> m = new java.util.TreeMap<>();
        for (ScheduleRow r : rows) {
            m.merge(r.agentId() + " " + r.date(), new String[] {r.start().toString(), r.end().toString()},
                    (a, b) -> new String[] {a[0].compareTo(b[0]) < 0 ? a[0] : b[0], a[1].compareTo(b[1]) > 0 ? a[1] : b[1]});
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        m.forEach((k, v) -> out.add(k + " " + v[0] + " " + v[1]));
        return out;
    }

    /**
     * With changes priced above what a shift can save (demand here exceeds the staff, so an agent's freed day is
     * worth ~300 late contacts elsewhere at the default price), only the sick day changes.
     */
    @Test
    void aSickDayChangesOnlyThatDay() {
        ScheduleOutcome first = new ScheduleSolver().solve(centre(List.of(), List.of(), Rules.Replan.DEFAULT), BUDGET,
                null);
        // An agent who works the second day of the horizon (inside the frozen window) phones in sick for it: the
        // first by id among those the first schedule has working that day (whichever the search chose).
        LocalDate sick = TestData.MONDAY.plusDays(1);
        String agent = first.rows().stream().filter(r -> r.date().equals(sick)).map(ScheduleRow::agentId).sorted()
                .findFirst().orElseThrow();
        List<TimeOff> off = List.of(new TimeOff(agent, sick, null, null, "sick"));
        ScheduleOutcome second = new ScheduleSolver().solve(centre(off, first.rows(), new Rules.Replan(3, 1000)),
                BUDGET, null);
        assertThat(second.publishedChanges()).containsExactly(new PublishedChange(agent, sick.toString(),
                PublishedChange.TIME_OFF));
        assertThat(second.summary().hardViolations()).isEmpty();
    }

    @Test
    void frozenDaysArePinnedToThePublishedShift() {
        ScheduleOutcome first = new ScheduleSolver().solve(centre(List.of(), List.of(), Rules.Replan.DEFAULT), BUDGET,
                null);
        Schedule problem = ScheduleSolver.build(centre(List.of(), first.rows(), new Rules.Replan(2, 60)));
        for (AgentDay d : problem.getDays()) {
            assertThat(d.isPinned()).as(d.toString()).isEqualTo(d.getDay() < 2);
        }
        // Pinned days give back exactly the published rows.
        List<ScheduleRow> pinnedRows = new ArrayList<>();
        problem.getDays().stream().filter(AgentDay::isPinned)
                .forEach(d -> pinnedRows.addAll(org.wfm.scheduler.solver.model.RowWriter.rows(d)));
        assertThat(pinnedRows).containsExactlyInAnyOrderElementsOf(first.rows().stream()
                .filter(r -> r.date().isBefore(TestData.MONDAY.plusDays(2))).toList());
    }

    /** Beyond the frozen window a change is worth its price: free changes let the solver move published days. */
    @Test
    void theChangeCostIsTradedAgainstService() {
        ScheduleOutcome first = new ScheduleSolver().solve(centre(List.of(), List.of(), Rules.Replan.DEFAULT),
                new SolveOptions(Duration.ofSeconds(120), 5, 0, 2_000), null);
        ScheduleOutcome free = new ScheduleSolver().solve(centre(List.of(), first.rows(), new Rules.Replan(0, 0)),
                BUDGET, null);
        ScheduleOutcome dear = new ScheduleSolver().solve(centre(List.of(), first.rows(), new Rules.Replan(0, 1000)),
                BUDGET, null);
        assertThat(free.publishedDaysChanged()).isGreaterThan(dear.publishedDaysChanged());
        assertThat(dear.publishedDaysChanged()).isZero();
        assertThat(free.summary().lateContacts()).isLessThan(first.summary().lateContacts());
        assertThat(free.publishedChanges()).allMatch(c -> c.reason().equals(PublishedChange.REPLANNED));
    }
}
