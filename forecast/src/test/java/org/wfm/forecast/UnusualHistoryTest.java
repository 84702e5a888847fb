package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.model.DoubleSeasonalHoltWinters;
import org.wfm.forecast.model.LevelShift;
import org.wfm.forecast.model.Series;

/** Outages, spikes and level shifts in the history; determinism across channels run in parallel. */
class UnusualHistoryTest {
    static final LocalDate START = LocalDate.of(2025, 1, 6); // a Monday

    private static double noisy(Random rnd, LocalDateTime t, double factor) {
        double m = Synthetic.weekly(t);
        return Double.isNaN(m) ? m : Synthetic.poisson(rnd, 3 * m * factor);
    }

    @Test
    void outageDaySpikeAndPartialOutageAreLeftOutAndNamedButALevelShiftIsNot() {
        LocalDate outage = START.plusDays(7 * 10 + 2); // a Wednesday at a third of its volume
        LocalDate partial = START.plusDays(7 * 12 + 1); // a Tuesday with 10:00-12:00 empty
        LocalDateTime spike = START.plusDays(7 * 14 + 3).atTime(11, 0); // Thursday 11:00 at five times
        LocalDate shift = START.plusDays(7 * 18); // from here on 40 % busier, for the last four weeks
        Random rnd = new Random(3);
        ChannelHistory ch = Synthetic.channel("voice", START, 7 * 22, 30, t -> {
            LocalDate d = t.toLocalDate();
            double f = d.equals(outage) ? 0.33 : t.equals(spike) ? 5 : !d.isBefore(shift) ? 1.4 : 1;
            if (d.equals(partial) && t.getHour() >= 10 && t.getHour() < 12) {
                f = 0;
            }
            return noisy(rnd, t, f);
        }, d -> false);
        ChannelData data = new ChannelData(ch, Synthetic.LONDON, 30, START, START.plusDays(7 * 22 - 1), java.util.Set.of());
        Anomalies.Report r = data.unusual;
        assertThat(r.lowDays()).containsExactly(outage);
        assertThat(r.partialOutages()).containsExactly(partial);
        assertThat(r.spikes()).isEqualTo(1);
        assertThat(r.highDays()).isEmpty(); // the shifted weeks are a new level, not 28 outliers
        assertThat(data.fit.open(data.days() - 2)).isTrue(); // the last Saturday, in the new level
        assertThat(r.describe()).contains("1 unusually low day (" + outage + ")").contains("partial outage (" + partial + ")")
                .contains("1 spike interval");
        // backtests still score against what happened
        assertThat(data.observed.open((int) java.time.temporal.ChronoUnit.DAYS.between(START, outage))).isTrue();

        ChannelData kept = new ChannelData(ch, Synthetic.LONDON, 30, START, START.plusDays(7 * 22 - 1), java.util.Set.of(), false);
        assertThat(kept.unusual.isEmpty()).isTrue();
        assertThat(kept.fit.open((int) java.time.temporal.ChronoUnit.DAYS.between(START, outage))).isTrue();

        LevelShift.Shift s = LevelShift.detect(data.fit);
        assertThat(s).isNotNull();
        assertThat(data.date(s.from())).isBetween(shift.minusDays(2), shift.plusDays(2));
        assertThat(s.percent()).isCloseTo(40, within(8.0));
    }

    @Test
    void aRecentLevelShiftIsFollowedByEveryMethodAndReported() {
        LocalDate shift = START.plusDays(7 * 17);
        Random rnd = new Random(5);
        History h = Synthetic.history(30, Synthetic.channel("voice", START, 7 * 20, 30,
                t -> noisy(rnd, t, t.toLocalDate().isBefore(shift) ? 1 : 1.3), d -> false));
        for (String method : List.of("weekday-average", "auto")) {
            ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, List.of(), method, 80), null);
            double forecast = r.points().stream().mapToDouble(ForecastPoint::volume).sum();
            double expected = 0;
            for (ForecastPoint p : r.points()) {
                expected += 3 * 1.3 * Synthetic.weekly(p.intervalStart());
            }
            assertThat(forecast / expected).as(method).isCloseTo(1, within(0.05));
            assertThat(r.reasonByChannel().get("voice")).as(method).contains("level shift of +");
        }
        // a steady history has none
        Random rnd2 = new Random(5);
        History steady = Synthetic.history(30, Synthetic.channel("voice", START, 7 * 20, 30, t -> noisy(rnd2, t, 1), d -> false));
        ForecastResult r = new ForecastEngine().forecast(steady, new ForecastOptions(null, 7, List.of(), "auto", 80), null);
        assertThat(r.reasonByChannel().get("voice")).doesNotContain("level shift");
    }

    @Test
    void channelsInParallelGiveTheSameForecastAsEachChannelAlone() {
        Random rnd = new Random(11);
        ChannelHistory a = Synthetic.channel("voice", START, 7 * 16, 30, t -> noisy(rnd, t, 1), d -> false);
        ChannelHistory b = Synthetic.channel("chat", START, 7 * 16, 30, t -> noisy(rnd, t, 0.3), d -> false);
        ChannelHistory c = Synthetic.channel("email", START, 7 * 16, 30, t -> noisy(rnd, t, 2), d -> false);
        ForecastOptions o = new ForecastOptions(null, 14, List.of(), "auto", 80);
        ForecastResult all = new ForecastEngine().forecast(Synthetic.history(30, a, b, c), o, null);
        for (ChannelHistory one : List.of(a, b, c)) {
            ForecastResult alone = new ForecastEngine().forecast(Synthetic.history(30, one), o, null);
            List<ForecastPoint> part = all.points().stream().filter(p -> p.channel().equals(one.channel())).toList();
            assertThat(part).isEqualTo(alone.points());
            assertThat(all.reasonByChannel().get(one.channel())).isEqualTo(alone.reasonByChannel().get(one.channel()));
        }
        assertThat(all.methodByChannel().keySet()).containsExactly("chat", "email", "voice");
    }

    @Test
    void frozenHoltWintersReusesTheEstimatedParametersExactly() {
        Random rnd = new Random(2);
        ChannelHistory ch = Synthetic.channel("voice", START, 7 * 12, 30, t -> noisy(rnd, t, 1), d -> false);
        ChannelData data = new ChannelData(ch, Synthetic.LONDON, 30, START, START.plusDays(7 * 12 - 1), java.util.Set.of());
        Series s = data.fit;
        DoubleSeasonalHoltWinters hw = new DoubleSeasonalHoltWinters();
        double[][] fitted = hw.forecast(s, 7);
        double[][] again = hw.frozen().forecast(s, 7);
        for (int j = 0; j < 7; j++) {
            assertThat(again[j]).containsExactly(fitted[j]);
        }
        // at an earlier origin the frozen copy keeps the parameters; a fresh fit there would estimate others
        Series earlier = s.head(s.days() - 14);
        DoubleSeasonalHoltWinters frozen = (DoubleSeasonalHoltWinters) hw.frozen();
        frozen.forecast(earlier, 7);
        assertThat(frozen.lastParameters()).containsExactly(hw.lastParameters());
        DoubleSeasonalHoltWinters fresh = new DoubleSeasonalHoltWinters();
        fresh.forecast(earlier, 7);
        assertThat(fresh.lastParameters()).isNotEqualTo(hw.lastParameters());
    }
}
