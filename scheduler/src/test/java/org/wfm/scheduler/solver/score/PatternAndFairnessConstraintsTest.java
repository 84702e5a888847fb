package org.wfm.scheduler.solver.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.FairnessCount;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.PatternRules;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;

/**
 * Patterns (hard and soft days off) and fairness across runs, one penalizing and one zero case each, weights worked
 * out by hand. 7 days from Monday 2026-01-05 (Saturday = day 5, Sunday = day 6); default fairness: weekend 2.00 and
 * late shift (ending after 20:00) 1.00 per unit of (count)².
 */
class PatternAndFairnessConstraintsTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, Schedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), Schedule.class, AgentDay.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private static final Rules BASE = TestData.rules(7, TestData.breaks());
    private static final List<ShiftPattern> PATTERNS = ShiftRules.generate(BASE, 15);
    private static final Agent A = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 60);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> ALL = EnumSet.allOf(DayOfWeek.class);

    private static Rules with(List<Rules.Pattern> patterns) {
        return new Rules(BASE.horizon(), BASE.shifts(), BASE.breaks(), BASE.training(), BASE.siteSeats(),
                BASE.costs(), BASE.objective(), BASE.replan(), BASE.preferences(), BASE.fairness(), patterns);
    }

    private static Schedule problem(Rules rules, List<FairnessCount> carried) {
        return ProblemBuilder.build(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 16, 2.0),
                List.of(A), List.of(), rules, List.of(), TestData.LINEAR, List.of(), carried);
    }

    private static AgentDay work(Schedule s, int day, String hhmm, double hours) {
        int start = LocalTime.parse(hhmm).toSecondOfDay() / 60;
        int len = (int) Math.round(hours * 60);
        AgentDay d = s.getDays().get(day);
        d.setPattern(PATTERNS.stream().filter(p -> p.startMinute() == start && p.lengthMinutes() == len)
                .findFirst().orElseThrow());
        return d;
    }

    private static Object[] all(Schedule s) {
        return s.getDays().toArray();
    }

    @Test
    void patternDaysOff() {
        // weekends off every week, hard: Saturday is a day off, and the builder leaves it no shift to choose
        Rules.Pattern weekendsOff = new Rules.Pattern("weekends off", List.of(), List.of(WEEKDAYS),
                TestData.MONDAY, true, true, 0, 3);
        Schedule s = problem(with(List.of(weekendsOff)), List.of());
        assertThat(s.getDays().get(5).getPatternRange()).isEmpty();
        assertThat(s.getDays().get(4).getPatternRange()).isNotEmpty();
        // a shift there anyway (a published day, say): its 480 minutes
        verifier.verifyThat(ScheduleConstraintProvider::patternDaysOff).given(work(s, 5, "08:00", 8))
                .penalizesBy(480);
        s.getDays().get(5).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::patternDaysOff).given(work(s, 4, "08:00", 8))
                .penalizesBy(0);
    }

    @Test
    void patternDaysOffPriced() {
        // Wednesdays off, soft at 12.50 a day worked
        Set<DayOfWeek> noWednesday = EnumSet.complementOf(EnumSet.of(DayOfWeek.WEDNESDAY));
        Rules.Pattern wednesdays = new Rules.Pattern("wednesdays off", List.of("a"), List.of(noWednesday),
                TestData.MONDAY, true, false, 12.5, 3);
        Schedule s = problem(with(List.of(wednesdays)), List.of());
        assertThat(s.getDays().get(2).getPatternRange()).as("soft: still a choice").isNotEmpty();
        verifier.verifyThat(ScheduleConstraintProvider::patternDaysOffPriced).given(work(s, 2, "08:00", 8))
                .penalizesBy(1250);
        verifier.verifyThat(ScheduleConstraintProvider::patternDaysOffPriced).given(work(s, 1, "08:00", 8))
                .penalizesBy(0);
    }

    @Test
    void fairWeekends() {
        // 3 weekend days carried: Saturday and Sunday cost 200 × ((3 + 2)² − 3²) = 200 × 16
        Schedule s = problem(BASE, List.of(new FairnessCount("a", 3, 0)));
        work(s, 5, "08:00", 8);
        work(s, 6, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::fairWeekends).given(all(s)).penalizesBy(3200);
        // without a carry: 200 × 2²
        Schedule fresh = problem(BASE, List.of());
        work(fresh, 5, "08:00", 8);
        work(fresh, 6, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::fairWeekends).given(all(fresh)).penalizesBy(800);
        fresh.getDays().get(5).setPattern(null);
        fresh.getDays().get(6).setPattern(null);
        work(fresh, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::fairWeekends).given(all(fresh)).penalizesBy(0);
    }

    @Test
    void fairLateShifts() {
        // 14:00-22:00 ends after 20:00; one late shift with 2 carried: 100 × ((2 + 1)² − 2²) = 500
        Schedule s = problem(BASE, List.of(new FairnessCount("a", 0, 2)));
        work(s, 0, "14:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::fairLateShifts).given(all(s)).penalizesBy(500);
        s.getDays().get(0).setPattern(null);
        work(s, 0, "12:00", 8); // ends at 20:00: not late
        verifier.verifyThat(ScheduleConstraintProvider::fairLateShifts).given(all(s)).penalizesBy(0);
    }

    @Test
    void rotationsAreStaggeredAndAnchored() {
        // two weeks, the first with the weekend off; the second agent the pattern names starts a week later
        Rules.Pattern alternate = new Rules.Pattern("alternate weekends", List.of(), List.of(WEEKDAYS, ALL),
                LocalDate.of(2026, 1, 5), true, true, 0, 3);
        LocalDate saturday = LocalDate.of(2026, 1, 10);
        assertThat(PatternRules.dayOff(alternate, 0, saturday)).isTrue();
        assertThat(PatternRules.dayOff(alternate, 1, saturday)).isFalse();
        assertThat(PatternRules.dayOff(alternate, 0, saturday.plusWeeks(1))).isFalse();
        assertThat(PatternRules.dayOff(alternate, 1, saturday.plusWeeks(1))).isTrue();
        // before the anchor the cycle runs backwards in step
        assertThat(PatternRules.dayOff(alternate, 0, saturday.minusWeeks(2))).isTrue();
        assertThat(PatternRules.dayOff(alternate, 0, saturday.minusDays(1))).isFalse();
    }
}
