package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;

class ScenarioTest {
    static final ChannelPlan PLAN = new ChannelPlan(ZoneId.of("Europe/London"), 15, 0.3, List.of(
            new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, 180, 0.85, 300, 1, Double.NaN, Double.NaN),
            new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 420, 1, 24,
                    Double.NaN)));

    static Scenario.Change change(String channel, double volume, double aht, double sl, double shrinkage,
                                  double uplift, LocalDate from, LocalDate to) {
        return new Scenario.Change(channel, volume, aht, sl, shrinkage, Double.NaN, uplift, from, to);
    }

    @Test
    void volumeAhtAndACampaignUpliftOnItsDatesOnly() {
        LocalDate d = LocalDate.of(2027, 3, 1);
        Scenario s = new Scenario("growth", List.of(
                change("voice", 1.10, 30, Double.NaN, Double.NaN, Double.NaN, null, null),
                change("*", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.5, d, d.plusDays(1))));
        List<ForecastPoint> points = List.of(
                new ForecastPoint(LocalDateTime.of(2027, 2, 28, 9, 0), "voice", 100, 80, 120, Double.NaN),
                new ForecastPoint(LocalDateTime.of(2027, 3, 2, 9, 0), "voice", 100, 80, 120, 280),
                new ForecastPoint(LocalDateTime.of(2027, 3, 3, 9, 0), "email", 10, 8, 12, 400));
        List<ForecastPoint> out = s.apply(points, PLAN);
        // before the campaign: +10 %, and the channel's AHT 300 s + 30 s (the forecast had none)
        assertThat(out.get(0).volume()).isCloseTo(110, within(1e-9));
        assertThat(out.get(0).ahtSeconds()).isEqualTo(330);
        // in the campaign: 100 × 1.1 × 1.5 = 165; AHT 280 + 30
        assertThat(out.get(1).volume()).isCloseTo(165, within(1e-9));
        assertThat(out.get(1).volumeUpper()).isCloseTo(198, within(1e-9));
        assertThat(out.get(1).ahtSeconds()).isEqualTo(310);
        // email the day after the campaign: unchanged
        assertThat(out.get(2)).isEqualTo(points.get(2));
    }

    @Test
    void serviceTargetShrinkageAndAttrition() {
        Scenario s = new Scenario("tighter", List.of(
                change("voice", Double.NaN, Double.NaN, 0.9, 0.35, Double.NaN, null, null),
                new Scenario.Change("*", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.05, Double.NaN, null,
                        null)));
        ChannelPlan p = s.apply(PLAN);
        assertThat(p.channel("voice").orElseThrow().serviceLevel()).isEqualTo(0.9);
        assertThat(p.channel("voice").orElseThrow().shrinkage()).isEqualTo(0.35);
        assertThat(p.channel("email").orElseThrow().shrinkage()).isNaN();
        assertThat(s.apply(Attrition.uniform(0.03)).defaultMonthly()).isEqualTo(0.05);
        assertThat(new Scenario("none", List.of()).apply(Attrition.uniform(0.03)).defaultMonthly()).isEqualTo(0.03);
    }
}
