package org.wfm.scheduler.solver.score;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Pause;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.solver.model.TrainingSlot;
import org.wfm.scheduler.staffing.Requirement;

/**
 * One penalizing and one zero case per constraint, with the expected match weight worked out by hand.
 * Rules: 7 days, lengths 4/6/8 h, breaks every 2 h (15 min), lunch 30 min from 6 h, rest 11 h, 5 days in a row,
 * 5 days a week, training 60-min blocks up to 4 h a week, 40 seats, overtime after 40 h at 1.5×, premium 25 %.
 * Agents cost 20/h, so one paid minute is 100/3 cents.
 */
class ScheduleConstraintProviderTest {

    private final ConstraintVerifier<ScheduleConstraintProvider, Schedule> verifier =
            ConstraintVerifier.build(new ScheduleConstraintProvider(), Schedule.class, AgentDay.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private static final Rules RULES = TestData.rules(7, TestData.breaks());
    private static final List<ShiftPattern> PATTERNS = ShiftRules.generate(RULES, 15);

    /** A problem with the given agents, flat voice demand of 2 from 08:00 to 16:00 on day 0, nothing else. */
    private static Schedule problem(Rules rules, List<Agent> agents, List<TimeOff> off, List<ScheduleRow> previous) {
        List<Requirement> reqs = TestData.flat("voice", 1, 8, 16, 2.0);
        return ProblemBuilder.build(TestData.plan(TestData.voice(), TestData.chat()), reqs, agents, off, rules,
                previous, TestData.LINEAR);
    }

    private static Schedule problem(Agent... agents) {
        return problem(RULES, List.of(agents), List.of(), List.of());
    }

    private static Agent voiceAgent(String id) {
        return TestData.agent(id, Employment.FULL_TIME, Map.of("voice", 1.0), 0, 60);
    }

    private static AgentDay day(Schedule s, int agent, int day) {
        return s.getDays().get(agent * s.getCtx().days() + day);
    }

    /** The evenly-spaced pattern starting at hh:mm lasting {@code hours}. */
    private static ShiftPattern at(String hhmm, double hours) {
        int start = LocalTime.parse(hhmm).toSecondOfDay() / 60;
        int len = (int) Math.round(hours * 60);
        return PATTERNS.stream().filter(p -> p.startMinute() == start && p.lengthMinutes() == len).findFirst()
                .orElseThrow();
    }

    private static AgentDay work(Schedule s, int agent, int day, String hhmm, double hours) {
        AgentDay d = day(s, agent, day);
        d.setPattern(at(hhmm, hours));
        return d;
    }

    private static Object[] all(Schedule s) {
        List<Object> out = new ArrayList<>(s.getDays());
        return out.toArray();
    }

    // Hard

    @Test
    void availability() {
        Schedule s = problem(voiceAgent("a"));
        work(s, 0, 0, "04:00", 4); // window opens at 06:00: 120 minutes outside
        verifier.verifyThat(ScheduleConstraintProvider::availability).given(day(s, 0, 0)).penalizesBy(120);
        work(s, 0, 0, "08:00", 4);
        verifier.verifyThat(ScheduleConstraintProvider::availability).given(day(s, 0, 0)).penalizesBy(0);
    }

    @Test
    void availabilityOnAnUnavailableDay() {
        Agent a = voiceAgent("a");
        Agent weekdays = new Agent("a", "a", "london", WorkMode.ONSITE, Employment.FULL_TIME, a.skills(), Map.of(),
                0, 60, 20, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), a.earliestStart(), a.latestEnd());
        Schedule s = problem(weekdays);
        work(s, 0, 5, "08:00", 4); // Saturday
        verifier.verifyThat(ScheduleConstraintProvider::availability).given(day(s, 0, 5)).penalizesBy(240);
    }

    @Test
    void timeOff() {
        TimeOff dentist = new TimeOff("a", TestData.MONDAY, LocalTime.of(10, 0), LocalTime.of(12, 0), "dentist");
        Schedule s = problem(RULES, List.of(voiceAgent("a")), List.of(dentist), List.of());
        work(s, 0, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::timeOff).given(day(s, 0, 0)).penalizesBy(120);
        work(s, 0, 0, "12:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::timeOff).given(day(s, 0, 0)).penalizesBy(0);
    }

    @Test
    void weeklyHoursMax() {
        Agent a = TestData.agent("a", Employment.PART_TIME, Map.of("voice", 1.0), 0, 10);
        Schedule s = problem(a);
        work(s, 0, 0, "08:00", 8); // 7.5 paid hours each (unpaid lunch)
        work(s, 0, 1, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::weeklyHoursMax).given(all(s)).penalizesBy(900 - 600);
        day(s, 0, 1).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::weeklyHoursMax).given(all(s)).penalizesBy(0);
    }

    @Test
    void weeklyHoursMin() {
        Agent a = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 20, 40);
        Schedule s = problem(a);
        verifier.verifyThat(ScheduleConstraintProvider::weeklyHoursMin).given(all(s)).penalizesBy(1200);
        work(s, 0, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::weeklyHoursMin).given(all(s)).penalizesBy(1200 - 450);
        for (int d = 1; d < 3; d++) {
            work(s, 0, d, "08:00", 8);
        }
        verifier.verifyThat(ScheduleConstraintProvider::weeklyHoursMin).given(all(s)).penalizesBy(0);
    }

    @Test
    void weeklyHoursMinLoweredByAWholeDayOff() {
        Agent a = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 20, 40);
        TimeOff holiday = new TimeOff("a", TestData.MONDAY, null, null, "holiday");
        Schedule s = problem(RULES, List.of(a), List.of(holiday), List.of());
        // 20 h − 20/5 h = 16 h = 960 minutes.
        verifier.verifyThat(ScheduleConstraintProvider::weeklyHoursMin).given(all(s)).penalizesBy(960);
    }

    @Test
    void shiftLengthAndStart() {
        Schedule s = problem(voiceAgent("a"));
        day(s, 0, 0).setPattern(new ShiftPattern(999, 8 * 60 + 15, 300, List.of())); // 5 h from 08:15
        verifier.verifyThat(ScheduleConstraintProvider::shiftLengthAndStart).given(day(s, 0, 0)).penalizesBy(2);
        work(s, 0, 0, "08:30", 6);
        verifier.verifyThat(ScheduleConstraintProvider::shiftLengthAndStart).given(day(s, 0, 0)).penalizesBy(0);
    }

    @Test
    void minimumRest() {
        Schedule s = problem(voiceAgent("a"));
        work(s, 0, 0, "14:00", 8); // ends 22:00
        work(s, 0, 1, "06:00", 8); // 8 h rest, 11 needed
        verifier.verifyThat(ScheduleConstraintProvider::minimumRest).given(all(s)).penalizesBy(180);
        work(s, 0, 1, "09:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::minimumRest).given(all(s)).penalizesBy(0);
    }

    @Test
    void restAfterPublishedSchedule() {
        ScheduleRow lastSunday = new ScheduleRow("a", TestData.MONDAY.minusDays(1),
                TestData.MONDAY.minusDays(1).atTime(15, 0), TestData.MONDAY.minusDays(1).atTime(23, 0),
                Activity.WORK, "voice", "london");
        Schedule s = problem(RULES, List.of(voiceAgent("a")), List.of(), List.of(lastSunday));
        work(s, 0, 0, "06:00", 8); // 7 h after 23:00
        verifier.verifyThat(ScheduleConstraintProvider::restAfterPublishedSchedule).given(day(s, 0, 0))
                .penalizesBy(240);
        work(s, 0, 0, "10:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::restAfterPublishedSchedule).given(day(s, 0, 0))
                .penalizesBy(0);
    }

    @Test
    void maxConsecutiveDays() {
        Schedule s = problem(voiceAgent("a"));
        for (int d = 0; d < 6; d++) {
            work(s, 0, d, "08:00", 4);
        }
        verifier.verifyThat(ScheduleConstraintProvider::maxConsecutiveDays).given(all(s)).penalizesBy(1);
        day(s, 0, 2).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::maxConsecutiveDays).given(all(s)).penalizesBy(0);
    }

    @Test
    void maxDaysPerWeek() {
        Schedule s = problem(voiceAgent("a"));
        for (int d = 0; d < 7; d++) {
            work(s, 0, d, "08:00", 4);
        }
        verifier.verifyThat(ScheduleConstraintProvider::maxDaysPerWeek).given(all(s)).penalizesBy(2);
        day(s, 0, 0).setPattern(null);
        day(s, 0, 1).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::maxDaysPerWeek).given(all(s)).penalizesBy(0);
    }

    @Test
    void breaksAndLunch() {
        Schedule s = problem(voiceAgent("a"));
        day(s, 0, 0).setPattern(new ShiftPattern(999, 8 * 60, 480, List.of(new Pause(240, 30, true))));
        verifier.verifyThat(ScheduleConstraintProvider::breaksAndLunch).given(day(s, 0, 0)).penalizesBy(1);
        work(s, 0, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::breaksAndLunch).given(day(s, 0, 0)).penalizesBy(0);
    }

    @Test
    void trainingHoursMax() {
        Agent a = TestData.withDevelopment(TestData.agent("a", Employment.FULL_TIME,
                Map.of("voice", 1.0, "chat", 0.3), 0, 60), Map.of("chat", 10.0));
        Schedule s = problem(a);
        for (int d = 0; d < 5; d++) {
            work(s, 0, d, "08:00", 8).setTraining(new TrainingSlot("chat", false));
        }
        verifier.verifyThat(ScheduleConstraintProvider::trainingHoursMax).given(all(s)).penalizesBy(300 - 240);
        day(s, 0, 4).setTraining(null);
        verifier.verifyThat(ScheduleConstraintProvider::trainingHoursMax).given(all(s)).penalizesBy(0);
    }

    @Test
    void seatsPerSite() {
        Rules oneSeat = new Rules(RULES.horizon(), RULES.shifts(), RULES.breaks(), RULES.training(),
                Map.of("london", 1), RULES.costs(), RULES.objective());
        Schedule s = problem(oneSeat, List.of(voiceAgent("a"), voiceAgent("b")), List.of(), List.of());
        work(s, 0, 0, "08:00", 8);
        work(s, 1, 0, "12:00", 8); // both at the site 12:00-16:00: 16 intervals one agent over
        verifier.verifyThat(ScheduleConstraintProvider::seatsPerSite).given(all(s)).penalizesBy(16);
        work(s, 1, 0, "16:00", 6);
        verifier.verifyThat(ScheduleConstraintProvider::seatsPerSite).given(all(s)).penalizesBy(0);
    }

    /** An agent whose two shifts overlap (rest already broken) holds one seat, not two. */
    @Test
    void seatsPerSiteCountsAnAgentOnce() {
        Rules oneSeat = new Rules(RULES.horizon(), RULES.shifts(), RULES.breaks(), RULES.training(),
                Map.of("london", 1), RULES.costs(), RULES.objective());
        Schedule s = problem(oneSeat, List.of(voiceAgent("a"), voiceAgent("b")), List.of(), List.of());
        work(s, 0, 0, "18:00", 8); // until 02:00 on day 1
        work(s, 0, 1, "00:00", 4);
        verifier.verifyThat(ScheduleConstraintProvider::seatsPerSite).given(all(s)).penalizesBy(0);
        work(s, 1, 1, "00:00", 4); // b beside a from 00:00 to 04:00: 16 intervals one agent over
        verifier.verifyThat(ScheduleConstraintProvider::seatsPerSite).given(all(s)).penalizesBy(16);
    }

    @Test
    void skillForChannel() {
        Schedule s = problem(voiceAgent("a"));
        AgentDay d = work(s, 0, 0, "08:00", 4); // one 15-min break: 225 minutes of work
        d.setChannels("chat", "chat", "chat");
        verifier.verifyThat(ScheduleConstraintProvider::skillForChannel).given(d).penalizesBy(225);
        d.setChannels("voice", "voice", "voice");
        verifier.verifyThat(ScheduleConstraintProvider::skillForChannel).given(d).penalizesBy(0);
    }

    // Medium and service

    /** Linear curve, R = 2, volume 20: nobody = 20 late contacts beyond the requirement per interval. */
    @Test
    void lateContacts() {
        Schedule s = problem(voiceAgent("a"));
        verifier.verifyThat(ScheduleConstraintProvider::lateContacts).given(s.getDemands().get(0))
                .penalizesBy(20_000);
        Schedule balance = problem(balanceRules(), List.of(voiceAgent("a")), List.of(), List.of());
        verifier.verifyThat(ScheduleConstraintProvider::lateContacts).given(balance.getDemands().get(0))
                .penalizesBy(0);
    }

    @Test
    void lateContactsAvoided() {
        Schedule s = problem(voiceAgent("a"));
        // 08:00-12:00 with a break at 10:00: 15 intervals with one agent (x = 1 → 10 contacts saved each).
        work(s, 0, 0, "08:00", 4);
        verifier.verifyThat(ScheduleConstraintProvider::lateContactsAvoided).given(all(s)).rewardsWith(150_000);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::lateContactsAvoided).given(all(s)).rewardsWith(0);
    }

    private static Rules balanceRules() {
        return new Rules(RULES.horizon(), RULES.shifts(), RULES.breaks(), RULES.training(), RULES.siteSeats(),
                RULES.costs(), new Rules.Objective(Rules.ObjectiveMode.BALANCE, 1.5));
    }

    @Test
    void lateContactsPriced() {
        Schedule s = problem(balanceRules(), List.of(voiceAgent("a")), List.of(), List.of());
        // 20 contacts × 1.50 = 30.00
        verifier.verifyThat(ScheduleConstraintProvider::lateContactsPriced).given(s.getDemands().get(0))
                .penalizesBy(3000);
        Schedule cover = problem(voiceAgent("a"));
        verifier.verifyThat(ScheduleConstraintProvider::lateContactsPriced).given(cover.getDemands().get(0))
                .penalizesBy(0);
    }

    @Test
    void lateContactsPricedAvoided() {
        Schedule s = problem(balanceRules(), List.of(voiceAgent("a")), List.of(), List.of());
        work(s, 0, 0, "08:00", 4);
        verifier.verifyThat(ScheduleConstraintProvider::lateContactsPricedAvoided).given(all(s))
                .rewardsWith(15 * 1500);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::lateContactsPricedAvoided).given(all(s)).rewardsWith(0);
    }

    /** The same bucket, spread 1 (the default): nobody → 20 contacts × 1² = 20 more. */
    @Test
    void starvedIntervals() {
        Schedule s = problem(voiceAgent("a"));
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervals).given(s.getDemands().get(0))
                .penalizesBy(20_000);
        Schedule off = problem(spreadRules(Rules.ObjectiveMode.COVER, 0), List.of(voiceAgent("a")), List.of(),
                List.of());
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervals).given(off.getDemands().get(0))
                .penalizesBy(0);
    }

    @Test
    void starvedIntervalsRelieved() {
        Schedule s = problem(voiceAgent("a"));
        // 15 intervals with one agent of 2: u = ½ leaves 20 × ¼ = 5 of 20, so 15 relieved in each.
        work(s, 0, 0, "08:00", 4);
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervalsRelieved).given(all(s))
                .rewardsWith(15 * 15_000);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervalsRelieved).given(all(s)).rewardsWith(0);
    }

    @Test
    void starvedIntervalsPriced() {
        Schedule s = problem(spreadRules(Rules.ObjectiveMode.BALANCE, 2), List.of(voiceAgent("a")), List.of(),
                List.of());
        // spread 2: 2 × 20 contacts × 1.50 = 60.00
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervalsPriced).given(s.getDemands().get(0))
                .penalizesBy(6000);
        Schedule cover = problem(voiceAgent("a"));
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervalsPriced).given(cover.getDemands().get(0))
                .penalizesBy(0);
    }

    @Test
    void starvedIntervalsPricedRelieved() {
        Schedule s = problem(balanceRules(), List.of(voiceAgent("a")), List.of(), List.of());
        work(s, 0, 0, "08:00", 4);
        // 15 contacts relieved × 1.50 in each of 15 intervals
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervalsPricedRelieved).given(all(s))
                .rewardsWith(15 * 2250);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::starvedIntervalsPricedRelieved).given(all(s))
                .rewardsWith(0);
    }

    private static Rules spreadRules(Rules.ObjectiveMode mode, double spread) {
        return new Rules(RULES.horizon(), RULES.shifts(), RULES.breaks(), RULES.training(), RULES.siteSeats(),
                RULES.costs(), new Rules.Objective(mode, 1.5, spread));
    }

    // Soft

    @Test
    void wages() {
        Schedule s = problem(voiceAgent("a"));
        work(s, 0, 0, "08:00", 8); // 7.5 paid hours × 20
        verifier.verifyThat(ScheduleConstraintProvider::wages).given(all(s)).penalizesBy(15_000);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::wages).given(all(s)).penalizesBy(0);
    }

    @Test
    void overtime() {
        Schedule s = problem(voiceAgent("a"));
        for (int d = 0; d < 6; d++) {
            work(s, 0, d, "08:00", 8); // 45 paid hours: 5 over 40, at 20 × 0.5
        }
        verifier.verifyThat(ScheduleConstraintProvider::overtime).given(all(s)).penalizesBy(5_000);
        day(s, 0, 5).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::overtime).given(all(s)).penalizesBy(0);
    }

    @Test
    void onDemandPremium() {
        Schedule s = problem(TestData.agent("g", Employment.ON_DEMAND, Map.of("voice", 1.0), 0, 30),
                voiceAgent("a"));
        work(s, 0, 0, "08:00", 8); // 7.5 h × 20 × 0.25
        work(s, 1, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::onDemandPremium).given(all(s)).penalizesBy(3_750);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::onDemandPremium).given(all(s)).penalizesBy(0);
    }

    @Test
    void developmentTraining() {
        Agent a = TestData.withDevelopment(TestData.agent("a", Employment.FULL_TIME,
                Map.of("voice", 1.0, "chat", 0.3), 0, 60), Map.of("chat", 1.0));
        Schedule s = problem(a);
        work(s, 0, 0, "08:00", 8).setTraining(new TrainingSlot("chat", false));
        // 60 minutes toward a 60-minute goal, worth half the wage: 60 × 100/3 × 0.5.
        verifier.verifyThat(ScheduleConstraintProvider::developmentTraining).given(all(s)).rewardsWith(1_000);
        day(s, 0, 0).setTraining(null);
        verifier.verifyThat(ScheduleConstraintProvider::developmentTraining).given(all(s)).rewardsWith(0);
    }

    @Test
    void trainingBeyondGoal() {
        Agent a = TestData.withDevelopment(TestData.agent("a", Employment.FULL_TIME,
                Map.of("voice", 1.0, "chat", 0.3), 0, 60), Map.of("chat", 1.0));
        Schedule s = problem(a);
        work(s, 0, 0, "08:00", 8).setTraining(new TrainingSlot("chat", false));
        verifier.verifyThat(ScheduleConstraintProvider::trainingBeyondGoal).given(all(s)).penalizesBy(0);
        // A second hour against a one-hour goal costs the hour's wage: 60 × 100/3.
        work(s, 0, 1, "08:00", 8).setTraining(new TrainingSlot("chat", true));
        verifier.verifyThat(ScheduleConstraintProvider::trainingBeyondGoal).given(all(s)).penalizesBy(2_000);
    }

    @Test
    void trainingInTroughs() {
        Agent a = TestData.withDevelopment(TestData.agent("a", Employment.FULL_TIME,
                Map.of("voice", 1.0, "chat", 0.3), 0, 60), Map.of("chat", 4.0));
        Schedule s = problem(a);
        // 06:00-07:00 has no demand at all (trough 1): a quarter of the wage of the hour, 500 cents.
        work(s, 0, 0, "06:00", 8).setTraining(new TrainingSlot("chat", false));
        verifier.verifyThat(ScheduleConstraintProvider::trainingInTroughs).given(all(s)).rewardsWith(500);
        // 09:00-10:00 is at the flat peak (trough 0).
        work(s, 0, 0, "09:00", 8).setTraining(new TrainingSlot("chat", false));
        verifier.verifyThat(ScheduleConstraintProvider::trainingInTroughs).given(all(s)).rewardsWith(0);
    }

    @Test
    void hybridAtHome() {
        Schedule s = problem(TestData.hybrid(voiceAgent("h")));
        work(s, 0, 0, "08:00", 8).setHome(true);
        verifier.verifyThat(ScheduleConstraintProvider::hybridAtHome).given(all(s)).penalizesBy(1);
        day(s, 0, 0).setHome(false);
        verifier.verifyThat(ScheduleConstraintProvider::hybridAtHome).given(all(s)).penalizesBy(0);
    }

    @Test
    void similarStartTimes() {
        Schedule s = problem(voiceAgent("a"));
        work(s, 0, 0, "08:00", 8);
        work(s, 0, 1, "10:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::similarStartTimes).given(all(s)).penalizesBy(120);
        work(s, 0, 1, "08:00", 6);
        verifier.verifyThat(ScheduleConstraintProvider::similarStartTimes).given(all(s)).penalizesBy(0);
    }

    @Test
    void unpopularShiftsShare() {
        Schedule s = problem(voiceAgent("a"));
        work(s, 0, 5, "08:00", 8); // Saturday
        work(s, 0, 6, "08:00", 8); // Sunday: 2² × 50
        verifier.verifyThat(ScheduleConstraintProvider::unpopularShiftsShare).given(all(s)).penalizesBy(200);
        day(s, 0, 5).setPattern(null);
        day(s, 0, 6).setPattern(null);
        work(s, 0, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::unpopularShiftsShare).given(all(s)).penalizesBy(0);
        // Late as rules.yaml fairness: defines it (after 20:00 by default), the same shift fairLateShifts counts.
        AgentDay late = work(s, 0, 0, "12:30", 8);
        org.assertj.core.api.Assertions.assertThat(late.lateShift()).isTrue();
        verifier.verifyThat(ScheduleConstraintProvider::unpopularShiftsShare).given(all(s)).penalizesBy(50);
    }

    /** The published Monday 08:00-16:00 of agent a, outside any frozen window, at a change cost of 30.00. */
    private static Schedule republished(Rules.ObjectiveMode mode) {
        ScheduleRow published = new ScheduleRow("a", TestData.MONDAY, TestData.MONDAY.atTime(8, 0),
                TestData.MONDAY.atTime(16, 0), Activity.WORK, "voice", "london");
        Rules rules = new Rules(RULES.horizon(), RULES.shifts(), RULES.breaks(), RULES.training(), RULES.siteSeats(),
                RULES.costs(), new Rules.Objective(mode, 1.5), new Rules.Replan(0, 30.0));
        return problem(rules, List.of(voiceAgent("a")), List.of(), List.of(published));
    }

    @Test
    void publishedDayChanged() {
        Schedule s = republished(Rules.ObjectiveMode.COVER);
        // cover mode: 30.00 ÷ 1.50 per late contact = 20 late contacts = 20,000 milli-contacts (medium)
        work(s, 0, 0, "09:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChanged).given(all(s)).penalizesBy(20_000);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChangedPriced).given(all(s)).penalizesBy(0);
        day(s, 0, 0).setPattern(null);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChanged).given(all(s)).penalizesBy(20_000);
        work(s, 0, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChanged).given(all(s)).penalizesBy(0);
    }

    @Test
    void publishedDayChangedPriced() {
        Schedule s = republished(Rules.ObjectiveMode.BALANCE);
        // balance mode: 30.00 = 3,000 cents (soft), beside wages
        work(s, 0, 0, "09:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChangedPriced).given(all(s)).penalizesBy(3_000);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChanged).given(all(s)).penalizesBy(0);
        work(s, 0, 0, "08:00", 8);
        verifier.verifyThat(ScheduleConstraintProvider::publishedDayChangedPriced).given(all(s)).penalizesBy(0);
    }
}
