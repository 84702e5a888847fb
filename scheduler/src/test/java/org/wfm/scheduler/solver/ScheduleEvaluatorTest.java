package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.DeferredQueue;
import org.wfm.scheduler.staffing.Requirement;

class ScheduleEvaluatorTest {
    private static final Rules NO_BREAKS = new Rules(new Rules.Horizon(TestData.MONDAY, 7),
            new Rules.Shifts(List.of(4.0, 8.0), 30, 11, 5, 5), null, new Rules.Training(60, 4), Map.of("london", 40),
            new Rules.Costs(40, 1.5, 0.25), new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));

    private static final Agent A = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40);
    private static final Agent B = TestData.agent("b", Employment.ON_DEMAND, Map.of("voice", 1.0, "email", 1.0), 0, 30);

    private static ScheduleRow row(String agent, int day, String from, String to, Activity a, String ch, String loc) {
        LocalDateTime d = TestData.MONDAY.plusDays(day).atStartOfDay();
        return new ScheduleRow(agent, d.toLocalDate(), d.plus(java.time.Duration.between(LocalTime.MIN,
                LocalTime.parse(from))), d.plus(java.time.Duration.between(LocalTime.MIN, LocalTime.parse(to))), a, ch,
                loc);
    }

    private static ScheduleInput input(List<Requirement> reqs, List<TimeOff> off, Rules rules) {
        return new ScheduleInput(TestData.plan(TestData.voice(), TestData.email(2)), reqs, List.of(A, B), off, rules,
                List.of(), TestData.LINEAR);
    }

    /**
     * Demand 2 from 08:00 to 16:00; a works 08-16 on site, b (on demand) 08-12 at home. Linear curve: SL 1 while
     * both work, 0.5 after; volume 20 per interval.
     */
    @Test
    void coverageCostAndServiceByHand() {
        ScheduleInput in = input(TestData.flat("voice", 1, 8, 16, 2.0), List.of(), NO_BREAKS);
        List<ScheduleRow> rows = List.of(row("a", 0, "08:00", "16:00", Activity.WORK, "voice", "london"),
                row("b", 0, "08:00", "12:00", Activity.WORK, "voice", "home"));
        Evaluation e = ScheduleEvaluator.evaluate(in, rows);
        Summary s = e.summary();
        assertThat(s.hardViolations()).isEmpty();
        assertThat(s.cost().wages()).isCloseTo(160 + 80, within(1e-9));
        assertThat(s.cost().onDemandPremium()).isCloseTo(20, within(1e-9));
        assertThat(s.cost().overtime()).isZero();
        assertThat(s.cost().total()).isCloseTo(260, within(1e-9));
        assertThat(s.serviceLevel().get("voice").planned()).isCloseTo(0.75, within(1e-9));
        assertThat(s.serviceLevel()).doesNotContainKey("email");
        assertThat(s.lateContacts()).isCloseTo(16 * 20 * 0.5, within(1e-9));
        assertThat(s.remoteShare()).isCloseTo(4.0 / 12, within(1e-9));
        assertThat(s.onDemandHours()).isCloseTo(4, within(1e-9));
        assertThat(s.uncoveredIntervals()).hasSize(16);
        assertThat(s.uncoveredIntervals().get(0).intervalStart()).isEqualTo("2026-01-05T12:00");
        CoverageRow nine = e.coverage().stream().filter(c -> c.intervalStart().getHour() == 9).findFirst().orElseThrow();
        assertThat(nine.scheduled()).isEqualTo(2.0);
        assertThat(nine.required()).isEqualTo(2.0);
        assertThat(nine.serviceLevel()).isEqualTo(1.0);
        assertThat(e.coverage()).hasSize(32);
    }

    /**
     * Email (response window 2 h = 8 intervals): 2 agents' work per quarter-hour arrives 08:00-10:00 (16 units), b
     * works email 08:00-12:00 (1 unit per quarter-hour). At the expected work, earliest deadline first, interval k's
     * work is done in intervals 2k and 2k+1: on time for k = 0..6; of the 09:45 work, due by the end of 11:30, one
     * unit makes it and one does not: that interval is short. The queue is longest at 10:00: 16 arrived − 8 done =
     * 8 units = 2 agent-hours. The email b holds at 12:00 is finished after it (one AHT more, in the 11:45
     * interval), too late for the 09:45 work. The share within the window averages random work (contacts × handle
     * times, CV 1) over the scenarios of {@link DeferredQueue#expected}: rebuilt here from the same figures by hand.
     */
    @Test
    void deferredWorkWithinItsWindowAndPeakBacklogByHand() {
        // 6 emails of 300 s a quarter-hour are 2 agents' work (the planned figures read the arrivals, not the staff).
        List<Requirement> email = TestData.flat("email", 1, 8, 10, 2.0).stream()
                .map(r -> new Requirement(r.intervalStart(), r.channel(), 6, 300, 2.0, 2.0)).toList();
        ScheduleInput in = input(email, List.of(), NO_BREAKS);
        List<ScheduleRow> rows = List.of(row("b", 0, "08:00", "12:00", Activity.WORK, "email", "home"));
        Summary s = ScheduleEvaluator.evaluate(in, rows).summary();
        assertThat(s.deferred()).containsOnlyKeys("email");
        assertThat(s.deferred().get("email").peakBacklogHours()).isCloseTo(2.0, within(1e-12));
        assertThat(s.uncoveredIntervals()).extracting(Summary.Uncovered::intervalStart)
                .containsExactly("2026-01-05T09:45");
        assertThat(s.serviceLevel()).doesNotContainKey("email");

        double[] work = new double[96];
        double[] variance = new double[96];
        for (int i = 32; i < 40; i++) {
            work[i] = 2.0;
            variance[i] = 2.0 * 2 * 300 / 900;
        }
        int[] at = new int[16];
        double[] staff = new double[16];
        for (int k = 0; k < 16; k++) {
            at[k] = 32 + k;
            staff[k] = 1.0;
        }
        staff[15] += 300.0 / 900;
        DeferredQueue.Result byHand = DeferredQueue.expected(work, variance,
                List.of(new DeferredQueue.ShiftCapacity(0.0, at, staff)), 8, "email".hashCode());
        assertThat(s.deferred().get("email").withinWindow()).isEqualTo(byHand.withinWindow())
                .isBetween(0.8, 15.0 / 16 + 0.03);
    }

    @Test
    void partIntervalsCountAsTheirFraction() {
        ScheduleInput in = input(TestData.flat("voice", 1, 8, 16, 2.0), List.of(), NO_BREAKS);
        List<ScheduleRow> rows = List.of(row("a", 0, "08:05", "12:05", Activity.WORK, "voice", "london"));
        CoverageRow first = ScheduleEvaluator.evaluate(in, rows).coverage().get(0);
        assertThat(first.scheduled()).isCloseTo(10.0 / 15, within(1e-9));
    }

    @Test
    void detectsBrokenRulesFromRowsAlone() {
        TimeOff dentist = new TimeOff("a", TestData.MONDAY.plusDays(1), LocalTime.of(9, 0), LocalTime.of(10, 0), "dentist");
        ScheduleInput in = input(TestData.flat("voice", 1, 8, 16, 2.0), List.of(dentist), NO_BREAKS);
        List<ScheduleRow> rows = List.of(
                row("a", 0, "08:00", "13:00", Activity.WORK, "voice", "london"),  // 5 h is not an allowed length
                row("a", 1, "08:00", "12:00", Activity.WORK, "voice", "london"),  // during time off
                row("a", 2, "08:00", "12:00", Activity.WORK, "email", "london"),  // no email skill
                row("a", 3, "03:00", "07:00", Activity.WORK, "voice", "london")); // before 06:00
        List<String> broken = ScheduleEvaluator.evaluate(in, rows).summary().hardViolations().stream()
                .map(Summary.Violation::constraint).toList();
        assertThat(broken).containsExactlyInAnyOrder("Allowed shift length and start step", "No shift during time off",
                "Skill for the channel worked", "Shift within the agent's availability");
    }

    @Test
    void weeklyMinimumRestAndBreaks() {
        Agent ft = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 20, 40);
        Rules withBreaks = TestData.rules(7, TestData.breaks());
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), List.of(), List.of(ft), List.of(),
                withBreaks, List.of(), TestData.LINEAR);
        List<ScheduleRow> rows = List.of(
                row("a", 0, "14:00", "18:00", Activity.WORK, "voice", "london"),  // 4 h with no break
                row("a", 1, "04:00", "08:00", Activity.WORK, "voice", "london")); // 10 h after 18:00
        List<String> broken = ScheduleEvaluator.evaluate(in, rows).summary().hardViolations().stream()
                .map(Summary.Violation::constraint).toList();
        assertThat(broken).contains("Breaks and lunch by the rules", "Minimum rest between shifts",
                "Weekly hours at least the contract's");
    }

    /**
     * A published shift before the horizon ends at 23:00 on Sunday: Monday at 06:00 has 7 h rest, named as the
     * score names it ("after the published schedule"), and Tuesday's shift 10 h after Monday's is "between shifts"
     * (an agent available around the clock: a window from midnight to midnight is 24 hours).
     */
    @Test
    void restAfterThePublishedScheduleAndBetweenShifts() {
        LocalDateTime sunday15 = TestData.MONDAY.minusDays(1).atTime(15, 0);
        ScheduleRow sunday = new ScheduleRow("a", sunday15.toLocalDate(), sunday15, sunday15.plusHours(8),
                Activity.WORK, "voice", "london");
        Agent anyTime = new Agent("a", "a", "london", A.workMode(), A.employment(), A.skills(), Map.of(), 0, 40, 20,
                A.availableDays(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), List.of(), List.of(anyTime), List.of(),
                NO_BREAKS, List.of(sunday), TestData.LINEAR);
        List<ScheduleRow> rows = List.of(row("a", 0, "06:00", "14:00", Activity.WORK, "voice", "london"),
                row("a", 1, "00:00", "04:00", Activity.WORK, "voice", "london"));
        List<Summary.Violation> broken = ScheduleEvaluator.evaluate(in, rows).summary().hardViolations();
        assertThat(broken).extracting(Summary.Violation::constraint, Summary.Violation::date, Summary.Violation::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Minimum rest after the published schedule", "2026-01-05",
                                "420 min rest, needs 660"),
                        org.assertj.core.groups.Tuple.tuple("Minimum rest between shifts", "2026-01-06",
                                "600 min rest, needs 660"));
    }

    /** Email due within 2 h (60/7 emails of 420 s: 4 agents' work for an interval): work arriving at 08:00 done 09:00-10:00 is on time, done 10:00-11:00 is late. */
    @Test
    void deferredWorkByDeadline() {
        List<Requirement> reqs = List.of(new Requirement(TestData.MONDAY.atTime(8, 0), "email", 60.0 / 7, 420, 4, 4));
        ScheduleInput in = input(reqs, List.of(), NO_BREAKS);
        Evaluation onTime = ScheduleEvaluator.evaluate(in, List.of(row("b", 0, "07:00", "11:00", Activity.WORK, "email",
                "home")));
        assertThat(onTime.summary().uncoveredIntervals()).isEmpty();
        // Averaged over random work: only the rare scenario with more than twice the mean work is late.
        assertThat(onTime.coverage().stream().filter(c -> c.intervalStart().getHour() == 8).findFirst().orElseThrow()
                .serviceLevel()).isBetween(0.97, 1.0);
        Evaluation late = ScheduleEvaluator.evaluate(in, List.of(row("b", 0, "10:00", "14:00", Activity.WORK, "email",
                "home")));
        assertThat(late.summary().uncoveredIntervals()).extracting(Summary.Uncovered::channel).containsExactly("email");
        CoverageRow arrival = late.coverage().stream().filter(c -> c.intervalStart().getHour() == 8).findFirst()
                .orElseThrow();
        assertThat(arrival.serviceLevel()).isEqualTo(0.0);
    }

    @Test
    void overtimeBeyondTheWeeklyThreshold() {
        ScheduleInput in = input(List.of(), List.of(), NO_BREAKS);
        List<ScheduleRow> rows = new java.util.ArrayList<>();
        for (int d = 0; d < 5; d++) {
            rows.add(row("a", d, "08:00", "16:00", Activity.WORK, "voice", "london"));
        }
        rows.add(row("a", 6, "08:00", "12:00", Activity.WORK, "voice", "london")); // 44 h, 4 over 40
        Summary s = ScheduleEvaluator.evaluate(in, rows).summary();
        assertThat(s.cost().overtime()).isCloseTo(4 * 20 * 0.5, within(1e-9));
        assertThat(s.agents().get(0).overtimeHours()).isCloseTo(4, within(1e-9));
        assertThat(s.hardViolations()).extracting(Summary.Violation::constraint)
                .containsExactly("Weekly hours at most the contract's", "Maximum consecutive working days"
                        .replace("Maximum consecutive working days", "Maximum days per week"));
    }
}
