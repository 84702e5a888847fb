package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.Observation;

class GranularityAndAhtTest {
    static final LocalDate START = LocalDate.of(2025, 1, 6);

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 15, 30, 60})
    void exactSeriesAtEachGranularityIsForecastExactly(int minutes) {
        History h = Synthetic.history(minutes, Synthetic.channel("voice", START, 7 * 10, minutes, Synthetic::weekly, d -> false));
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, List.of(), "auto", 80), null);
        int perHour = 60 / minutes;
        assertThat(r.points()).hasSize(5 * 10 * perHour + 4 * perHour);
        for (ForecastPoint p : r.points()) {
            assertThat(p.volume()).isCloseTo(Synthetic.weekly(p.intervalStart()), within(1e-6));
        }
    }

    @Test
    void ahtFollowsTimeOfDayAndWeekday() {
        List<Observation> obs = new ArrayList<>();
        for (int d = 0; d < 7 * 8; d++) {
            LocalDate date = START.plusDays(d);
            for (int hour = 9; hour < 17; hour++) {
                double aht = (hour < 12 ? 240 : 360) * (date.getDayOfWeek() == DayOfWeek.MONDAY ? 1.1 : 1.0);
                obs.add(new Observation(date.atTime(hour, 0), 1000, aht));
            }
        }
        History h = Synthetic.history(60, new ChannelHistory("voice", obs));
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, List.of(), "weekday-average", 80), null);
        LocalDate monday = START.plusDays(7 * 8);
        assertThat(aht(r, monday.atTime(9, 0))).isCloseTo(264, within(1.0));
        assertThat(aht(r, monday.atTime(16, 0))).isCloseTo(396, within(1.0));
        // the 1-2-1 smoothing over neighbouring intervals blends the 11:00 value with 12:00
        assertThat(aht(r, monday.plusDays(1).atTime(11, 0))).isCloseTo((2 * 240 + 240 + 360) / 4.0, within(1.0));
    }

    @Test
    void sparseChannelWithZeroRowsLeftOutStillForecastsItsWholeOpeningSpan() {
        Random rnd = new Random(3);
        ChannelHistory email = Synthetic.channel("email", START, 7 * 10, 60, t -> {
            if (t.getHour() < 8 || t.getHour() >= 18) {
                return Double.NaN;
            }
            double v = Synthetic.poisson(rnd, 1.5);
            return v == 0 ? Double.NaN : v; // the export leaves zero intervals out
        }, d -> false);
        History h = Synthetic.history(60, email);
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, List.of(), "auto", 80), null);
        assertThat(r.points()).hasSize(7 * 10);
        assertThat(r.points().stream().mapToDouble(ForecastPoint::volume).average().orElseThrow()).isCloseTo(1.5, within(0.3));
    }

    @Test
    void backtestOfAnExactSeriesHasNoError() {
        History h = Synthetic.history(30, Synthetic.channel("voice", START, 7 * 12, 30, Synthetic::weekly, d -> false));
        List<BacktestRow> rows = new Backtest().run(h, 3, 14, List.of(), null);
        BacktestRow naive = rows.stream().filter(x -> x.method().equals("seasonal-naive")).findFirst().orElseThrow();
        assertThat(naive.wape()).isZero();
        assertThat(naive.bias()).isZero();
        assertThat(naive.intervalCoverage()).isEqualTo(1.0);
    }

    private static double aht(ForecastResult r, LocalDateTime t) {
        return r.points().stream().filter(p -> p.intervalStart().equals(t)).findFirst().orElseThrow().ahtSeconds();
    }
}
