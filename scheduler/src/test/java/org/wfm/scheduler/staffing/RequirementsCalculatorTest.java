package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.ForecastPoint;

class RequirementsCalculatorTest {

    static final Channel VOICE = new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, Double.NaN, Double.NaN, 180,
            1, Double.NaN, 0.3);
    static final Channel CHAT = new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN, 900,
            3, Double.NaN, 0.2);
    static final Channel EMAIL = new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 420, 1, 2.0, 0.25);
    static final ChannelPlan PLAN = new ChannelPlan(ZoneId.of("Europe/London"), 30, 0.3, List.of(VOICE, CHAT, EMAIL));
    static final LocalDateTime NINE = LocalDateTime.of(2026, 1, 5, 9, 0);

    static ForecastPoint point(LocalDateTime t, String channel, double volume, double aht) {
        return new ForecastPoint(t, channel, volume, volume * 0.8, volume * 1.2, aht);
    }

    @Test
    void voiceUsesErlangCAndShrinkage() {
        List<Requirement> rows = RequirementsCalculator.compute(
                List.of(point(NINE, "voice", 100, 0), point(NINE.plusMinutes(30), "voice", 100, 360)), PLAN);
        // 100 calls / 30 min at the channel's 180 s: the classic 14 agents; 14 ÷ 0.7 staff.
        assertThat(rows.get(0).ahtSeconds()).isEqualTo(180);
        assertThat(rows.get(0).requiredAgents()).isEqualTo(14);
        assertThat(rows.get(0).requiredStaff()).isCloseTo(20.0, within(1e-12));
        // The forecast's own AHT wins when given: 20 Erlangs.
        assertThat(rows.get(1).ahtSeconds()).isEqualTo(360);
        assertThat(rows.get(1).requiredAgents())
                .isEqualTo(ErlangC.required(20, 360, 0.8, 20, Double.NaN));
    }

    @Test
    void chatNeedsSlotsDividedByConcurrencyRoundedUp() {
        // 60 chats of 15 min in 30 min = 30 Erlangs of slots.
        int slots = ErlangC.required(30, 900, 0.8, 60, Double.NaN);
        List<Requirement> rows = RequirementsCalculator.compute(List.of(point(NINE, "chat", 60, 0)), PLAN);
        assertThat(rows.get(0).requiredAgents()).isEqualTo(Math.ceil(slots / 3.0));
        assertThat(rows.get(0).requiredStaff()).isCloseTo(Math.ceil(slots / 3.0) / 0.8, within(1e-12));
        StaffingResult r = Staffing.required(60, 900, 30, 0.8, 60, Double.NaN, 3, Double.NaN);
        assertThat(r.agents()).isEqualTo((int) Math.ceil(slots / 3.0));
        assertThat(r.occupancy()).isCloseTo(30.0 / (3 * r.agents()), within(1e-12));
    }

    @Test
    void emailIsSpreadWithinItsResponseWindowAndSorted() {
        // One burst of 40 emails at 09:00, 2-hour window, open 09:00–12:00: due by 11:00, so the four
        // half-hours 09:00–10:30 share it: 40 × 420 s ÷ 1800 s = 9.33 agent-intervals → 2.33 agents each.
        List<ForecastPoint> forecast = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDateTime t = NINE.plusMinutes(30L * i);
            forecast.add(point(t, "email", i == 0 ? 40 : 0, 0));
            forecast.add(point(t, "voice", 10, 0));
            forecast.add(point(t, "sms", 10, 0)); // not in the plan: ignored
        }
        List<Requirement> rows = RequirementsCalculator.compute(forecast, PLAN);
        assertThat(rows).hasSize(12);
        assertThat(rows).extracting(Requirement::channel).containsSequence("email", "voice", "email", "voice");
        List<Requirement> email = rows.stream().filter(r -> r.channel().equals("email")).toList();
        double each = 40 * 420 / 1800.0 / 4;
        assertThat(email).extracting(Requirement::requiredAgents)
                .containsExactly(each, each, each, each, 0.0, 0.0);
        assertThat(email.get(0).forecastVolume()).isEqualTo(40);
        assertThat(email.get(1).requiredStaff()).isCloseTo(each / 0.75, within(1e-12));
        assertThat(RequirementsCalculator.unknownChannels(forecast, PLAN)).containsExactly("sms");

        List<Requirement> asArriving = RequirementsCalculator.compute(forecast, PLAN,
                RequirementsCalculator.DeferredMode.AS_ARRIVING);
        assertThat(asArriving.stream().filter(r -> r.channel().equals("email")))
                .extracting(Requirement::requiredAgents).containsExactly(4 * each, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(asArriving.stream().filter(r -> r.channel().equals("voice")))
                .isEqualTo(rows.stream().filter(r -> r.channel().equals("voice")).toList());

        List<DeferredWork> work = RequirementsCalculator.deferredWork(forecast, PLAN);
        assertThat(work).hasSize(1);
        assertThat(work.get(0).channel()).isEqualTo("email");
        assertThat(work.get(0).intervals()).hasSize(6).startsWith(NINE);
        // 2 h window in half hours from 09:00: the last interval ending by 11:00 is 10:30 (index 3).
        assertThat(work.get(0).deadline()).containsExactly(3, 4, 5, 5, 5, 5);
        assertThat(work.get(0).levelled()).containsExactly(each, each, each, each, 0.0, 0.0);
    }

    @Test
    void occupancyCapOnDeferredWorkAddsAgents() {
        Channel capped = new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, 0.8, 360, 1,
                0.0, Double.NaN);
        List<Requirement> rows = RequirementsCalculator.compute(List.of(point(NINE, "email", 50, 0)),
                new ChannelPlan(ZoneId.of("UTC"), 30, 0.2, List.of(capped)));
        // 50 × 360 ÷ 1800 = 10 agents busy, ÷ 0.8 occupancy = 12.5; the plan's shrinkage 0.2 → 15.625 staff.
        assertThat(rows.get(0).requiredAgents()).isCloseTo(12.5, within(1e-12));
        assertThat(rows.get(0).requiredStaff()).isCloseTo(15.625, within(1e-12));
    }

    @Test
    void emailWorkIsDueBeforeTheChannelCloses() {
        // Arrivals at 17:30 with a 24 h window, open 09:00–18:00 only on this day and the next: the work may
        // wait for the next morning but must be done by 17:30 the next day.
        List<ForecastPoint> forecast = new ArrayList<>();
        for (LocalDate day : List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6))) {
            for (int i = 0; i < 18; i++) {
                LocalDateTime t = day.atTime(9, 0).plusMinutes(30L * i);
                forecast.add(point(t, "email", t.getHour() == 17 && t.getMinute() == 30 && day.getDayOfMonth() == 5
                        ? 90 : 0, 0));
            }
        }
        Channel daily = new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                420, 1, 24.0, 0.25);
        List<Requirement> rows = RequirementsCalculator.compute(forecast,
                new ChannelPlan(PLAN.zone(), 30, 0.3, List.of(daily)));
        // 90 × 420 ÷ 1800 = 21 agent-intervals over 17:30 day 1 plus 09:00–17:00 day 2 (17 intervals).
        double each = 21.0 / 18;
        assertThat(rows.get(17).requiredAgents()).isCloseTo(each, within(1e-12));
        assertThat(rows.get(18).requiredAgents()).isCloseTo(each, within(1e-12));
        assertThat(rows.get(34).requiredAgents()).isCloseTo(each, within(1e-12));
        assertThat(rows.get(35).requiredAgents()).isZero();
        assertThat(rows.subList(0, 17)).allSatisfy(r -> assertThat(r.requiredAgents()).isZero());
    }

    @Test
    void deadlinesCountRealHoursAcrossDst() {
        // 2026-03-29 01:00 in London jumps to 02:00: a 2 h window from 00:00 reaches 03:00 local, not 02:00.
        List<ForecastPoint> forecast = new ArrayList<>();
        LocalDateTime midnight = LocalDateTime.of(2026, 3, 29, 0, 0);
        for (int i = 0; i < 8; i++) {
            LocalDateTime t = midnight.plusMinutes(30L * i);
            if (t.getHour() != 1) { // 01:00–01:59 does not exist that night
                forecast.add(point(t, "email", 0, 0));
            }
        }
        int[] deadline = RequirementsCalculator.deadlines(forecast, EMAIL, PLAN);
        // Intervals: 00:00, 00:30, 02:00, 02:30, 03:00, 03:30. From 00:00 (+2 h real = 03:00 BST) the last
        // interval ending by then is 02:30.
        assertThat(deadline).containsExactly(3, 4, 5, 5, 5, 5);
    }

    @Test
    void zeroVolumeNeedsNobody() {
        List<Requirement> rows = RequirementsCalculator.compute(
                List.of(point(NINE, "voice", 0, 0), point(NINE, "chat", -0.5, 0)), PLAN);
        assertThat(rows).extracting(Requirement::requiredAgents).containsExactly(0.0, 0.0);
        assertThat(rows).extracting(Requirement::forecastVolume).containsExactly(0.0, 0.0);
    }
}
