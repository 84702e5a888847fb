package org.wfm.scheduler.solver.score;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;

/**
 * The three preference constraints, one penalizing and one zero case each, weights worked out by hand. Default
 * pricing: a point is 1.00 (100 cents), an agent's budget 100 points. Rules as in
 * {@link ScheduleConstraintProviderTest} (7 days from Monday 2026-01-05, breaks every 2 h).
 */
class PreferenceConstraintsTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, Schedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), Schedule.class, AgentDay.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private static final Rules RULES = TestData.rules(7, TestData.breaks());
    private static final List<ShiftPattern> PATTERNS = ShiftRules.generate(RULES, 15);
    private static final Agent A = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 60);

    private static Schedule problem(Preference... prefs) {
        return ProblemBuilder.build(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 16, 2.0),
                List.of(A), List.of(), RULES, List.of(), TestData.LINEAR, List.of(prefs));
    }

    private static Preference onMonday(Preference.Kind kind, String from, String to, double weight) {
        return new Preference("a", TestData.MONDAY, null, kind, from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), weight, 2);
    }

    private static AgentDay work(Schedule s, String hhmm, double hours) {
        int start = LocalTime.parse(hhmm).toSecondOfDay() / 60;
        int len = (int) Math.round(hours * 60);
        AgentDay d = s.getDays().get(0);
        d.setPattern(PATTERNS.stream().filter(p -> p.startMinute() == start && p.lengthMinutes() == len)
                .findFirst().orElseThrow());
        return d;
    }

    @Test
    void requestedDaysOff() {
        Schedule s = problem(onMonday(Preference.Kind.DAY_OFF, null, null, 10));
        // 10 points × 100 cents, the whole wish unmet
        verifier.verifyThat(ScheduleConstraintProvider::requestedDaysOff).given(work(s, "08:00", 8))
                .penalizesBy(1000);
        s.getDays().get(0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::requestedDaysOff).given(s.getDays().get(0)).penalizesBy(0);
    }

    @Test
    void avoidedTimesFree() {
        Schedule s = problem(onMonday(Preference.Kind.AVOID, "14:00", "18:00", 8));
        // 08:00-16:00 works 120 of the window's 240 minutes: 800 cents × 1/2
        verifier.verifyThat(ScheduleConstraintProvider::avoidedTimesFree).given(work(s, "08:00", 8))
                .penalizesBy(400);
        verifier.verifyThat(ScheduleConstraintProvider::avoidedTimesFree).given(work(s, "08:00", 6))
                .penalizesBy(0);
    }

    @Test
    void avoidedTimesFreeOvernightWindow() {
        Schedule s = problem(onMonday(Preference.Kind.AVOID, "22:00", "06:00", 8));
        // 14:00-22:00 touches the window 22:00-06:00 only at its end: nothing worked in it
        verifier.verifyThat(ScheduleConstraintProvider::avoidedTimesFree).given(work(s, "14:00", 8))
                .penalizesBy(0);
        // 18:00-02:00 works 240 of 480 minutes: 800 × 1/2
        verifier.verifyThat(ScheduleConstraintProvider::avoidedTimesFree).given(work(s, "18:00", 8))
                .penalizesBy(400);
    }

    @Test
    void preferredShiftTimes() {
        Schedule s = problem(onMonday(Preference.Kind.PREFER, "08:00", "12:00", 6));
        // 08:00-16:00 spends 240 of its 480 minutes outside 08:00-12:00: 600 cents × 1/2
        verifier.verifyThat(ScheduleConstraintProvider::preferredShiftTimes).given(work(s, "08:00", 8))
                .penalizesBy(300);
        verifier.verifyThat(ScheduleConstraintProvider::preferredShiftTimes).given(work(s, "08:00", 4))
                .penalizesBy(0);
    }

    @Test
    void anAgentsPointsAreScaledToTheBudget() {
        // one Monday in the week at 300 points: scaled to the budget of 100 points, 10,000 cents
        Preference big = new Preference("a", null, DayOfWeek.MONDAY, Preference.Kind.DAY_OFF, null, null, 300, 2);
        Schedule s = problem(big);
        verifier.verifyThat(ScheduleConstraintProvider::requestedDaysOff).given(work(s, "08:00", 8))
                .penalizesBy(10_000);
    }
}
