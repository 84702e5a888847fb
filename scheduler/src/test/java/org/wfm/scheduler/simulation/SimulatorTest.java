package org.wfm.scheduler.simulation;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wfm.scheduler.simulation.Fixtures.T0;
import static org.wfm.scheduler.simulation.Fixtures.row;

class SimulatorTest {
    private static final LocalDateTime EIGHT = T0.plusHours(8);

    /** Three channels, five agents with breaks, lunch, training and a channel switch. */
    private static SimulationResult mixedDay(long seed, int replications) {
        ChannelPlan plan = Fixtures.plan(0.2, Fixtures.voice(300, 120, 0.2), Fixtures.chat(600, 2, 0.1),
                Fixtures.email(420, 4, 0.3));
        List<Agent> team = Fixtures.agents(5, Map.of("voice", 1.0, "chat", 0.8, "email", 0.7));
        List<ScheduleRow> schedule = new ArrayList<>();
        for (Agent a : team) {
            schedule.add(row(a.id(), EIGHT, EIGHT.plusHours(2), Activity.WORK, "voice"));
            schedule.add(row(a.id(), EIGHT.plusHours(2), EIGHT.plusMinutes(135), Activity.BREAK, null));
            schedule.add(row(a.id(), EIGHT.plusMinutes(135), EIGHT.plusHours(4), Activity.WORK, "chat"));
            schedule.add(row(a.id(), EIGHT.plusHours(4), EIGHT.plusMinutes(270), Activity.LUNCH, null));
            schedule.add(row(a.id(), EIGHT.plusMinutes(270), EIGHT.plusHours(6), Activity.TRAINING, "email"));
            schedule.add(row(a.id(), EIGHT.plusHours(6), EIGHT.plusHours(8), Activity.WORK, "email"));
        }
        List<ForecastPoint> demand = new ArrayList<>();
        demand.addAll(Fixtures.constant("voice", EIGHT, 32, 12, 300));
        demand.addAll(Fixtures.constant("chat", EIGHT, 32, 8, 600));
        demand.addAll(Fixtures.constant("email", EIGHT, 32, 3, 420));
        return new Simulator().run(schedule, team, plan, demand, replications, seed, null);
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        SimulationResult first = mixedDay(7, 5);
        assertThat(mixedDay(7, 5)).isEqualTo(first);
        assertThat(mixedDay(8, 5).rows()).isNotEqualTo(first.rows());
    }

    @Test
    void rowsCoverEveryDemandIntervalSortedByTimeThenChannel() {
        SimulationResult result = mixedDay(1, 3);
        assertThat(result.rows()).hasSize(96);
        assertThat(result.rows()).isSortedAccordingTo(Comparator.comparing(SimulationRow::intervalStart)
                .thenComparing(SimulationRow::channel));
        assertThat(result.rows().get(0).intervalStart()).isEqualTo(EIGHT);
        assertThat(result.rows().get(0).channel()).isEqualTo("chat");
        for (SimulationRow r : result.rows()) {
            if (!r.channel().equals("email")) {
                assertThat(r.serviceLevel()).isCloseTo(r.answeredInTarget() / r.offered(), within(1e-9));
            }
            assertThat(r.occupancy()).isBetween(0.0, 1.0);
        }
        assertThat(result.serviceLevelByChannel()).containsOnlyKeys("voice", "chat", "email");
        assertThat(result.abandonmentByChannel().get("voice")).isGreaterThan(0);
        assertThat(result.abandonmentByChannel().get("email")).isZero();
    }

    @Test
    void workOnOtherChannelsLeavesAChannelUnserved() {
        // Voice is worked only 8:00-10:00: calls from 10:00 find nobody, wait out their patience and abandon.
        SimulationResult result = mixedDay(3, 5);
        SimulationRow late = Fixtures.rowAt(result, EIGHT.plusHours(3), "voice");
        assertThat(late.offered()).isGreaterThan(5);
        assertThat(late.answeredInTarget()).isZero();
        assertThat(late.abandoned()).isEqualTo(late.offered());
        assertThat(late.serviceLevel()).isZero();
        assertThat(late.asaSeconds()).isNaN();
        assertThat(late.occupancy()).isZero();
    }

    @Test
    void zeroDemand() {
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(300, 120, 0));
        List<Agent> team = Fixtures.agents(3, Map.of("voice", 1.0));
        List<ScheduleRow> schedule = Fixtures.allWork(team, "voice", EIGHT, EIGHT.plusHours(4));
        SimulationResult result = new Simulator().run(schedule, team, plan,
                Fixtures.constant("voice", EIGHT, 16, 0, 300), 4, 1, null);
        assertThat(result.rows()).hasSize(16).allSatisfy(r -> {
            assertThat(r.offered()).isZero();
            assertThat(r.abandoned()).isZero();
            assertThat(r.serviceLevel()).isEqualTo(1.0);
            assertThat(r.serviceLevelCi95()).isZero();
            assertThat(r.asaSeconds()).isZero();
            assertThat(r.occupancy()).isZero();
        });
        assertThat(result.serviceLevelByChannel()).containsEntry("voice", 1.0);
        assertThat(result.abandonmentByChannel()).containsEntry("voice", 0.0);
    }

    @Test
    void agentOnBreakOrTrainingTakesNoContacts() {
        for (Activity pause : List.of(Activity.BREAK, Activity.TRAINING)) {
            ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(60, Double.NaN, 0));
            List<Agent> team = Fixtures.agents(1, Map.of("voice", 1.0));
            List<ScheduleRow> schedule = List.of(
                    row("a0", EIGHT, EIGHT.plusHours(1), Activity.WORK, "voice"),
                    row("a0", EIGHT.plusHours(1), EIGHT.plusMinutes(75), pause,
                            pause == Activity.TRAINING ? "voice" : null),
                    row("a0", EIGHT.plusMinutes(75), EIGHT.plusHours(2), Activity.WORK, "voice"));
            List<ForecastPoint> demand = List.of(
                    new ForecastPoint(EIGHT.plusHours(1), "voice", 6, 6, 6, 60));
            SimulationResult result = new Simulator().run(schedule, team, plan, demand, 200, 5, null);
            SimulationRow pauseRow = Fixtures.rowAt(result, EIGHT.plusHours(1), "voice");
            // Nobody answers before 9:15, so a call is in target only when it arrives in the last 20 seconds.
            assertThat(pauseRow.offered()).isCloseTo(6, within(0.6));
            assertThat(pauseRow.serviceLevel()).as(pause.name()).isLessThan(0.1);
            assertThat(pauseRow.asaSeconds()).as(pause.name()).isGreaterThan(400);
            assertThat(pauseRow.occupancy()).isZero();
            assertThat(Fixtures.rowAt(result, EIGHT.plusMinutes(75), "voice").occupancy()).isGreaterThan(0.2);
        }
    }

    @Test
    void longestIdleAgentTakesTheNextContact() {
        // Two agents, one four times slower; calls are rare and take 60 s (240 s for the slow one). Longest-idle
        // routing alternates between them, so a call costs (60 + 240) ÷ 2 = 150 agent-seconds on average; always
        // preferring one agent would give 60 or 240.
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(60, Double.NaN, 0));
        List<Agent> team = List.of(Fixtures.agent("fast", Map.of("voice", 1.0)),
                Fixtures.agent("slow", Map.of("voice", 0.25)));
        List<ScheduleRow> schedule = Fixtures.allWork(team, "voice", EIGHT, EIGHT.plusHours(2));
        SimulationOptions fixed = new SimulationOptions(SimulationOptions.HandleTimes.LOGNORMAL, 0,
                SimulationOptions.Patience.EXPONENTIAL);
        SimulationResult result = new Simulator(fixed).run(schedule, team, plan,
                Fixtures.constant("voice", EIGHT, 7, 1, 60), 200, 6, null);
        ChannelSummary voice = result.byChannel().get("voice");
        double busySeconds = voice.occupancy() * 2 * 7200;
        assertThat(busySeconds / voice.offered()).isCloseTo(150, within(15.0));
    }

    @Test
    void contactInServiceAtBlockEndIsFinishedButNoNewOneStarts() {
        // A one-hour call taken in a 15-minute block: the agent finishes it and takes no second call, so each
        // replication answers exactly one call if any arrived, P = 1 − e^{−2} with 2 calls expected.
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(3600, Double.NaN, 0));
        List<Agent> team = Fixtures.agents(1, Map.of("voice", 1.0));
        List<ScheduleRow> schedule = List.of(row("a0", EIGHT, EIGHT.plusMinutes(15), Activity.WORK, "voice"));
        SimulationOptions fixed = new SimulationOptions(SimulationOptions.HandleTimes.LOGNORMAL, 0,
                SimulationOptions.Patience.EXPONENTIAL);
        SimulationResult result = new Simulator(fixed).run(schedule, team, plan,
                List.of(new ForecastPoint(EIGHT, "voice", 2, 2, 2, 3600)), 2000, 9, null);
        SimulationRow r = result.rows().get(0);
        assertThat(r.answeredInTarget()).isCloseTo(1 - Math.exp(-2), within(0.03));
        assertThat(r.occupancy()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shrinkageRemovesWholeShiftsAtRandom() {
        ChannelPlan plan = Fixtures.plan(0.5, Fixtures.voice(300, Double.NaN, 0.5));
        List<Agent> team = Fixtures.agents(1, Map.of("voice", 1.0));
        List<ScheduleRow> schedule = List.of(
                row("a0", EIGHT, EIGHT.plusHours(2), Activity.WORK, "voice"),
                row("a0", EIGHT.plusHours(2), EIGHT.plusMinutes(135), Activity.BREAK, null),
                row("a0", EIGHT.plusMinutes(135), EIGHT.plusHours(4), Activity.WORK, "voice"));
        List<ForecastPoint> demand = Fixtures.constant("voice", EIGHT, 16, 2, 300);
        int present = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            SimulationResult result = new Simulator().run(schedule, team, plan, demand, 1, seed, null);
            boolean morning = result.rows().stream()
                    .filter(r -> r.intervalStart().isBefore(EIGHT.plusHours(2)))
                    .anyMatch(r -> r.occupancy() > 0);
            boolean afternoon = result.rows().stream()
                    .filter(r -> r.intervalStart().isAfter(EIGHT.plusHours(2)))
                    .anyMatch(r -> r.occupancy() > 0);
            // Absence takes the whole shift, never a part of it (calls come every few minutes, so a present
            // agent is busy in some interval of each half).
            assertThat(morning).isEqualTo(afternoon);
            if (morning) {
                present++;
            }
        }
        // Binomial(400, 0.5): mean 200, sd 10.
        assertThat(present).isBetween(170, 230);
    }

    @Test
    void shiftAbsenceUsesTheLargestShrinkageOfItsChannels() {
        // Voice has no shrinkage but chat certain absence: a0's shift, working both, is always absent, so the
        // result is the one without a0 (the same contacts: arrivals have their own random stream).
        List<Agent> team = Fixtures.agents(2, Map.of("voice", 1.0, "chat", 1.0));
        List<ScheduleRow> a1 = List.of(row("a1", EIGHT, EIGHT.plusHours(2), Activity.WORK, "voice"));
        List<ScheduleRow> both = new ArrayList<>(a1);
        both.add(row("a0", EIGHT, EIGHT.plusHours(1), Activity.WORK, "voice"));
        both.add(row("a0", EIGHT.plusHours(1), EIGHT.plusHours(2), Activity.WORK, "chat"));
        List<ForecastPoint> demand = Fixtures.constant("voice", EIGHT, 8, 2, 300);
        Simulator simulator = new Simulator();

        ChannelPlan chatAlwaysAbsent = Fixtures.plan(0.0, Fixtures.voice(300, Double.NaN, 0.0),
                Fixtures.chat(600, 2, 1.0));
        assertThat(simulator.run(both, team, chatAlwaysAbsent, demand, 20, 3, null).rows())
                .isEqualTo(simulator.run(a1, team, chatAlwaysAbsent, demand, 20, 3, null).rows());

        ChannelPlan nobodyAbsent = Fixtures.plan(0.0, Fixtures.voice(300, Double.NaN, 0.0),
                Fixtures.chat(600, 2, 0.0));
        assertThat(simulator.run(both, team, nobodyAbsent, demand, 20, 3, null).rows())
                .isNotEqualTo(simulator.run(a1, team, nobodyAbsent, demand, 20, 3, null).rows());
    }

    @Test
    void deferredWorkIsJudgedAgainstItsResponseWindowInsideTheHorizon() {
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.email(600, 2, 0));
        List<Agent> team = Fixtures.agents(1, Map.of("email", 1.0));
        SimulationOptions fixed = new SimulationOptions(SimulationOptions.HandleTimes.LOGNORMAL, 0,
                SimulationOptions.Patience.EXPONENTIAL);
        List<ForecastPoint> demand = List.of(new ForecastPoint(EIGHT, "email", 3, 3, 3, 600),
                new ForecastPoint(EIGHT.plusHours(15), "email", 3, 3, 3, 600));

        // Worked at once: every email of 8:00 done within 2 hours; 23:00 emails are due after the horizon (the
        // midnight after the schedule's last day), so not judged.
        SimulationResult early = new Simulator(fixed).run(
                List.of(row("a0", EIGHT, EIGHT.plusHours(8), Activity.WORK, "email")), team, plan, demand, 20, 1,
                null);
        SimulationRow first = Fixtures.rowAt(early, EIGHT, "email");
        assertThat(first.serviceLevel()).isGreaterThan(0.99);
        assertThat(first.abandoned()).isZero();
        SimulationRow last = Fixtures.rowAt(early, EIGHT.plusHours(15), "email");
        assertThat(last.offered()).isGreaterThan(1);
        assertThat(last.serviceLevel()).isNaN();
        assertThat(last.answeredInTarget()).isZero();

        // Worked only from noon: 8:00 emails are done after their 10:00-ish deadline.
        SimulationResult late = new Simulator(fixed).run(
                List.of(row("a0", EIGHT.plusHours(4), EIGHT.plusHours(8), Activity.WORK, "email")), team, plan,
                demand, 20, 1, null);
        SimulationRow waited = Fixtures.rowAt(late, EIGHT, "email");
        assertThat(waited.serviceLevel()).isZero();
        assertThat(waited.asaSeconds()).isGreaterThan(3.7 * 3600);
        assertThat(late.serviceLevelByChannel().get("email")).isZero();
    }

    /**
     * The horizon is the schedule's whole day, not its last shift's end: emails due at 13:00 and nobody working after
     * 12:00 are late (the planned figures count them so), not left out.
     */
    @Test
    void deferredWorkDueAfterTheLastShiftButInsideTheDayIsLate() {
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.email(600, 1, 0));
        List<Agent> team = Fixtures.agents(1, Map.of("email", 1.0));
        List<ForecastPoint> demand = List.of(new ForecastPoint(EIGHT.plusHours(3).plusMinutes(45), "email", 6, 6, 6,
                600));
        SimulationResult r = new Simulator().run(
                List.of(row("a0", EIGHT, EIGHT.plusHours(4), Activity.WORK, "email")), team, plan, demand, 20, 1, null);
        // 6 emails of 10 minutes arriving 11:45-12:00, one agent until 12:00: at most two are finished.
        assertThat(r.serviceLevelByChannel().get("email")).isLessThan(0.4);
    }

    @Test
    void confidenceIntervalShrinksWithReplications() {
        SimulationRow few = Fixtures.rowAt(mixedDay(11, 4), EIGHT.plusHours(1), "voice");
        SimulationRow many = Fixtures.rowAt(mixedDay(11, 64), EIGHT.plusHours(1), "voice");
        assertThat(few.serviceLevelCi95()).isPositive();
        assertThat(many.serviceLevelCi95()).isLessThan(few.serviceLevelCi95());
        assertThat(Fixtures.rowAt(mixedDay(11, 1), EIGHT.plusHours(1), "voice").serviceLevelCi95()).isNaN();
    }

    @Test
    void unknownNamesAreRejected() {
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(300, Double.NaN, 0));
        List<Agent> team = Fixtures.agents(1, Map.of("voice", 1.0));
        Simulator simulator = new Simulator();
        assertThatThrownBy(() -> simulator.run(List.of(row("zz", EIGHT, EIGHT.plusHours(1), Activity.WORK,
                "voice")), team, plan, List.of(), 1, 1, null)).hasMessageContaining("'zz'");
        assertThatThrownBy(() -> simulator.run(List.of(row("a0", EIGHT, EIGHT.plusHours(1), Activity.WORK,
                "fax")), team, plan, List.of(), 1, 1, null)).hasMessageContaining("'fax'");
        assertThatThrownBy(() -> simulator.run(List.of(), team, plan,
                Fixtures.constant("fax", EIGHT, 1, 1, 300), 1, 1, null)).hasMessageContaining("'fax'");
        assertThatThrownBy(() -> simulator.run(List.of(), team, plan, List.of(), 0, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressReportsEachReplication() {
        List<String> lines = new ArrayList<>();
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(300, Double.NaN, 0));
        new Simulator().run(List.of(), List.of(), plan, Fixtures.constant("voice", EIGHT, 2, 1, 300), 3, 1,
                lines::add);
        assertThat(lines).containsExactly("simulation: replication 1 of 3", "simulation: replication 2 of 3",
                "simulation: replication 3 of 3");
    }

    @Test
    void repeatedAutumnHourIsOneRowAndSimulatedTwice() {
        // Europe/London falls back at 02:00 BST on 2026-10-25: 01:00-02:00 local happens twice. The night shift
        // 22:00-06:00 lasts nine real hours; the forecast names 01:00 once, so the repeated hour is one row.
        ZoneId london = ZoneId.of("Europe/London");
        ChannelPlan plan = new ChannelPlan(london, 15, 0.0, List.of(Fixtures.voice(300, Double.NaN, 0)));
        LocalDateTime start = LocalDateTime.of(2026, 10, 24, 22, 0);
        List<Agent> team = Fixtures.agents(2, Map.of("voice", 1.0));
        List<ScheduleRow> schedule = Fixtures.allWork(team, "voice", start, start.plusHours(8));
        List<ForecastPoint> demand = Fixtures.constant("voice", start, 32, 3, 300);
        SimulationResult result = new Simulator().run(schedule, team, plan, demand, 40, 2, null);
        assertThat(result.rows()).hasSize(32);
        assertThat(result.rows()).extracting(SimulationRow::intervalStart).doesNotHaveDuplicates();
        assertThat(result.byChannel().get("voice").offered()).isCloseTo(96, within(4.0));
        // Arrivals only in the first 01:45 (the forecast's), but agents work both, and the second has no work
        // left over from the empty 01:30 before it: half the occupancy of an ordinary interval.
        SimulationRow repeated = Fixtures.rowAt(result, LocalDateTime.of(2026, 10, 25, 1, 45), "voice");
        SimulationRow normal = Fixtures.rowAt(result, LocalDateTime.of(2026, 10, 25, 3, 45), "voice");
        assertThat(repeated.offered()).isCloseTo(3, within(0.8));
        assertThat(repeated.occupancy()).isCloseTo(normal.occupancy() / 2, within(0.06));
    }

    @Test
    void overlappingShiftsDoNotLoseTheAgent() {
        // Bad input: a night shift and the next day's shift overlap. The later block takes over, and the end of
        // the earlier one must not take the agent off the channel.
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(300, Double.NaN, 0));
        List<Agent> team = Fixtures.agents(1, Map.of("voice", 1.0));
        LocalDateTime night = T0.plusHours(20);
        List<ScheduleRow> schedule = List.of(
                row("a0", night, night.plusHours(8), Activity.WORK, "voice"),
                new ScheduleRow("a0", T0.toLocalDate().plusDays(1), night.plusHours(6), night.plusHours(14),
                        Activity.WORK, "voice", "home"));
        List<ForecastPoint> demand = Fixtures.constant("voice", night.plusHours(9), 4, 1, 300);
        SimulationResult overlapping = new Simulator().run(schedule, team, plan, demand, 20, 4, null);
        // The same contacts served by the same agent present throughout: the same figures as one long shift.
        SimulationResult single = new Simulator().run(List.of(row("a0", night, night.plusHours(14),
                Activity.WORK, "voice")), team, plan, demand, 20, 4, null);
        assertThat(overlapping.serviceLevelByChannel()).isEqualTo(single.serviceLevelByChannel());
        assertThat(overlapping.serviceLevelByChannel().get("voice")).isGreaterThan(0.5);
    }

    @Test
    void worstGapsListsIntervalsFarthestUnderTarget() {
        ChannelPlan plan = Fixtures.plan(0.0, Fixtures.voice(300, Double.NaN, 0), Fixtures.email(600, 2, 0));
        List<SimulationRow> rows = List.of(
                new SimulationRow(EIGHT, "voice", 10, 7.9, 0, 0.79, 0.01, 10, 0.8),
                new SimulationRow(EIGHT.plusMinutes(15), "voice", 10, 5, 1, 0.5, 0.05, 60, 0.9),
                new SimulationRow(EIGHT.plusMinutes(30), "voice", 10, 7, 0, 0.7, 0.05, 30, 0.9),
                new SimulationRow(EIGHT.plusMinutes(45), "voice", 0, 0, 0, 1.0, 0.0, 0, 0.0),
                new SimulationRow(EIGHT, "email", 10, 0, 0, 0.0, 0.0, 9000, 0.9));
        List<ServiceGap> gaps = Simulator.worstGaps(rows, plan, 0.05, 0);
        assertThat(gaps).extracting(g -> g.row().intervalStart())
                .containsExactly(EIGHT.plusMinutes(15), EIGHT.plusMinutes(30));
        assertThat(gaps.get(0).gap()).isCloseTo(0.3, within(1e-12));
        assertThat(Simulator.worstGaps(rows, plan, 0.05, 1)).hasSize(1);
        assertThat(Simulator.worstGaps(rows, r -> 0.95, 0.05, 0)).hasSize(4);
    }

    @Test
    void worstGapsAgainstThePlannedServiceLevel() {
        List<SimulationRow> rows = List.of(
                new SimulationRow(EIGHT, "voice", 10, 6, 0, 0.6, 0.05, 30, 0.9),
                new SimulationRow(EIGHT.plusMinutes(15), "voice", 10, 6, 0, 0.6, 0.05, 30, 0.9),
                new SimulationRow(EIGHT.plusMinutes(30), "voice", 10, 6, 0, 0.6, 0.05, 30, 0.9));
        List<CoverageRow> coverage = List.of(
                new CoverageRow(EIGHT, "voice", 10, 3, 3, 0.9, 0.8),
                new CoverageRow(EIGHT.plusMinutes(15), "voice", 10, 3, 3, 0.62, 0.8),
                new CoverageRow(EIGHT.plusMinutes(30), "voice", 10, 3, 3, Double.NaN, 0.8));
        List<ServiceGap> gaps = Simulator.worstGapsAgainstPlan(rows, coverage, 0.05, 10);
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).reference()).isEqualTo(0.9);
        assertThat(gaps.get(0).gap()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void requirementsBecomeDemand() {
        List<ForecastPoint> demand = Simulator.demandOf(List.of(new Requirement(EIGHT, "voice", 12.5, 280, 4, 6)));
        assertThat(demand).containsExactly(new ForecastPoint(EIGHT, "voice", 12.5, 12.5, 12.5, 280));
    }
}
