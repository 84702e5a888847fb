package org.wfm.forecast.intraday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.Observation;

class IntradayUpdateTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    /** 08:00-18:00 in 15-minute intervals, {@code volume} each, AHT 300 s, interval ±30 %. */
    private static List<ForecastPoint> flatDay(double volume) {
        List<ForecastPoint> out = new ArrayList<>();
        for (LocalDateTime t = DAY.atTime(8, 0); t.isBefore(DAY.atTime(18, 0)); t = t.plusMinutes(15)) {
            out.add(new ForecastPoint(t, "voice", volume, 0.7 * volume, 1.3 * volume, 300));
        }
        return out;
    }

    private static Map<LocalDateTime, Observation> actuals(List<ForecastPoint> day, LocalTime until, double factor,
                                                           double aht) {
        Map<LocalDateTime, Observation> out = new HashMap<>();
        for (ForecastPoint p : day) {
            if (p.intervalStart().toLocalTime().isBefore(until)) {
                out.put(p.intervalStart(), new Observation(p.intervalStart(), p.volume() * factor, aht));
            }
        }
        return out;
    }

    @Test
    void theLevelMovesByTheCredibilityWeightComputedByHand() {
        List<ForecastPoint> day = flatDay(20);
        // 10:00: eight intervals seen, F = 160, S = 8 * 400 = 3200, N = 192 (20 % above).
        IntradayPrior prior = new IntradayPrior(0.01, 0.02, 0, 0, 30);
        IntradayUpdate.Result r = IntradayUpdate.update(day, actuals(day, LocalTime.of(10, 0), 1.2, 300),
                DAY.atTime(10, 0), 15, prior);
        double z = 0.01 / (0.01 + 1 / 160.0 + 0.02 * 3200 / (160.0 * 160.0));
        assertThat(r.weight()).isCloseTo(z, within(1e-12));
        assertThat(r.volumeFactor()).isCloseTo(1 + z * 0.2, within(1e-12));
        assertThat(r.forecastSeen()).isEqualTo(160.0);
        assertThat(r.actualSeen()).isCloseTo(192.0, within(1e-9));
        assertThat(r.rest()).hasSize(32).allSatisfy(p -> {
            assertThat(p.intervalStart()).isAfterOrEqualTo(DAY.atTime(10, 0));
            assertThat(p.volume()).isCloseTo(20 * (1 + z * 0.2), within(1e-9));
            assertThat(p.volumeLower()).isLessThan(p.volume());
            assertThat(p.volumeUpper()).isGreaterThan(p.volume());
        });
    }

    @Test
    void nothingSeenKeepsTheNightsForecastAndItsInterval() {
        List<ForecastPoint> day = flatDay(20);
        IntradayUpdate.Result r = IntradayUpdate.update(day, Map.of(), DAY.atTime(8, 0), 15,
                new IntradayPrior(0.01, 0.02, 0.001, 0.5, 30));
        assertThat(r.weight()).isZero();
        assertThat(r.volumeFactor()).isEqualTo(1.0);
        assertThat(r.ahtFactor()).isEqualTo(1.0);
        assertThat(r.rest()).isEqualTo(day);
    }

    @Test
    void aNoPriorLeavesTheForecastAloneWhateverWasSeen() {
        List<ForecastPoint> day = flatDay(20);
        IntradayUpdate.Result r = IntradayUpdate.update(day, actuals(day, LocalTime.of(12, 0), 2.0, 600),
                DAY.atTime(12, 0), 15, IntradayPrior.NONE);
        assertThat(r.volumeFactor()).isEqualTo(1.0);
        assertThat(r.ahtFactor()).isEqualTo(1.0);
    }

    @Test
    void theWeightGrowsWithTheContactsSeenAndAQuietMorningMovesLittle() {
        IntradayPrior prior = new IntradayPrior(0.02, 0.01, 0, 0, 30);
        List<ForecastPoint> quiet = flatDay(1);
        List<ForecastPoint> busy = flatDay(50);
        double zQuiet = IntradayUpdate.update(quiet, actuals(quiet, LocalTime.of(9, 0), 1.5, 300), DAY.atTime(9, 0), 15,
                prior).weight();
        double zBusy = IntradayUpdate.update(busy, actuals(busy, LocalTime.of(9, 0), 1.5, 300), DAY.atTime(9, 0), 15,
                prior).weight();
        double zBusyLater = IntradayUpdate.update(busy, actuals(busy, LocalTime.of(14, 0), 1.5, 300),
                DAY.atTime(14, 0), 15, prior).weight();
        assertThat(zQuiet).isLessThan(0.1);
        assertThat(zBusy).isGreaterThan(zQuiet);
        assertThat(zBusyLater).isGreaterThan(zBusy).isLessThan(1);
    }

    @Test
    void handlingTimeMovesByItsOwnWeight() {
        List<ForecastPoint> day = flatDay(20);
        // 160 contacts seen at 360 s against 300 forecast: ratio 1.2; t = 0.01, c = 0.25 → Z = 0.01 / (0.01 + 0.25/160).
        IntradayUpdate.Result r = IntradayUpdate.update(day, actuals(day, LocalTime.of(10, 0), 1.0, 360),
                DAY.atTime(10, 0), 15, new IntradayPrior(0, 0, 0.01, 0.25, 30));
        double zh = 0.01 / (0.01 + 0.25 / 160);
        assertThat(r.ahtFactor()).isCloseTo(1 + zh * 0.2, within(1e-12));
        assertThat(r.rest().get(0).ahtSeconds()).isCloseTo(300 * (1 + zh * 0.2), within(1e-9));
        assertThat(r.volumeFactor()).isEqualTo(1.0);
    }

    @Test
    void missingRowsAreNotZeroesAndUnforecastContactsCount() {
        List<ForecastPoint> day = flatDay(20);
        Map<LocalDateTime, Observation> seen = actuals(day, LocalTime.of(10, 0), 1.0, 300);
        seen.remove(DAY.atTime(9, 0));
        seen.put(DAY.atTime(7, 45), new Observation(DAY.atTime(7, 45), 5, 300));
        IntradayUpdate.Result r = IntradayUpdate.update(day, seen, DAY.atTime(10, 0), 15,
                new IntradayPrior(0.01, 0, 0, 0, 30));
        assertThat(r.missing()).isEqualTo(1);
        assertThat(r.unforecast()).isEqualTo(1);
        assertThat(r.forecastSeen()).isEqualTo(140.0);
        assertThat(r.actualSeen()).isEqualTo(145.0);
    }

    /**
     * Days whose level is drawn around 1 with a 20 % standard deviation: the prior finds that spread, and at noon the
     * update's rest-of-day error is well below the night's.
     */
    @Test
    void onDaysWithRealLevelShocksTheUpdateCutsTheRestOfDayErrorByAQuarter() {
        Random rnd = new Random(7);
        List<Observation> obs = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 6, 1);
        for (int d = 0; d < 84; d++) {
            LocalDate date = first.plusDays(d);
            double level = Math.exp(0.2 * rnd.nextGaussian() - 0.02);
            for (LocalDateTime t = date.atTime(8, 0); t.isBefore(date.atTime(18, 0)); t = t.plusMinutes(15)) {
                double shape = 1 + 0.5 * Math.sin(Math.PI * (t.getHour() * 60 + t.getMinute() - 480) / 600.0);
                obs.add(new Observation(t, poisson(rnd, 40 * level * shape), 300));
            }
        }
        ChannelHistory ch = new ChannelHistory("voice", obs);
        IntradayPrior prior = IntradayPrior.estimate(ch, first.plusDays(70));
        assertThat(Math.sqrt(prior.dayVariance())).isBetween(0.12, 0.30);
        History h = new History(ZoneId.of("UTC"), 15, Map.of("voice", ch));
        List<IntradayBacktest.Row> rows = IntradayBacktest.run(h, List.of(), "weekday-average", 80, 14,
                List.of(LocalTime.of(12, 0)));
        assertThat(rows).hasSize(1);
        IntradayBacktest.Row noon = rows.get(0);
        assertThat(noon.days()).isEqualTo(14);
        assertThat(noon.updatedWape()).isLessThan(0.75 * noon.nightWape());
    }

    private static double poisson(Random rnd, double mean) {
        // Knuth's method is slow for large means; a normal approximation with continuity is enough here.
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
    }
}
