package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.history.History;

class ForecastEngineTest {
    static final LocalDate START = LocalDate.of(2025, 1, 6); // a Monday

    private static History exactHistory(int days, int minutes) {
        return Synthetic.history(minutes, Synthetic.channel("voice", START, days, minutes, Synthetic::weekly, d -> false));
    }

    @Test
    void exactSeriesIsForecastExactlyOnOpenIntervalsOnly() {
        History h = exactHistory(7 * 12, 15);
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 14, List.of(), "auto", 80), s -> { });
        LocalDate first = START.plusDays(7 * 12);
        assertThat(r.points()).isNotEmpty();
        assertThat(r.points().get(0).intervalStart()).isEqualTo(first.atTime(8, 0));
        for (ForecastPoint p : r.points()) {
            double expected = Synthetic.weekly(p.intervalStart());
            assertThat(expected).as("forecast only where open: %s", p.intervalStart()).isNotNaN();
            assertThat(p.volume()).isCloseTo(expected, within(1e-6));
            assertThat(p.volumeLower()).isLessThanOrEqualTo(p.volume());
            assertThat(p.volumeUpper()).isGreaterThanOrEqualTo(p.volume());
            assertThat(p.ahtSeconds()).isCloseTo(300, within(1e-9));
        }
        // 5 weekdays × 40 + Saturday 16 intervals, two weeks; no Sunday rows
        assertThat(r.points()).hasSize(2 * (5 * 40 + 16));
        assertThat(r.methodByChannel()).containsKey("voice");
        assertThat(r.reasonByChannel().get("voice")).contains("WAPE");
    }

    /**
     * The series forecast apart (as Spark tasks forecast them) and assembled in any order are the forecast made in
     * one piece: the same points, peaks, methods and reasons. Chat's history ends two weeks before voice's, so a
     * series forecast alone would start earlier if it did not take the whole history's range.
     */
    @Test
    void seriesForecastApartAndAssembledAreTheForecastInOnePiece() {
        History h = Synthetic.history(30,
                Synthetic.channel("voice", START, 7 * 12, 30, Synthetic::weekly, d -> false),
                Synthetic.channel("chat", START, 7 * 10, 30, t -> 0.5 * Synthetic.weekly(t), d -> false),
                Synthetic.channel("email", START.plusDays(14), 7 * 10, 30, t -> 0.3 * Synthetic.weekly(t), d -> false));
        ForecastOptions o = new ForecastOptions(null, 7, List.of(), "seasonal-naive", 80);
        ForecastResult whole = new ForecastEngine().forecast(h, o, null);
        assertThat(ForecastEngine.series(h)).containsExactly("chat", "email", "voice");
        List<ForecastEngine.SeriesForecast> parts = new ArrayList<>();
        for (String channel : List.of("voice", "email", "chat")) {
            parts.add(new ForecastEngine().forecastSeries(h, o, channel, null));
        }
        ForecastResult assembled = ForecastEngine.assemble(parts);
        assertThat(assembled.points()).isEqualTo(whole.points());
        assertThat(assembled.peaks()).isEqualTo(whole.peaks());
        assertThat(assembled.methodByChannel()).isEqualTo(whole.methodByChannel());
        assertThat(assembled.reasonByChannel()).isEqualTo(whole.reasonByChannel());
        assertThat(whole.points()).extracting(ForecastPoint::channel).contains("chat", "email", "voice");
        assertThatThrownBy(() -> new ForecastEngine().forecastSeries(h, o, "sms", null))
                .hasMessageContaining("no series sms");
    }

    @Test
    void closedHolidayHasNoRowsAndMissingHistoryDaysAreLeftOutOfFitting() {
        LocalDate missing = START.plusDays(7 * 10 + 2); // a Wednesday absent from the export
        History h = Synthetic.history(30, Synthetic.channel("voice", START, 7 * 12, 30, Synthetic::weekly,
                d -> d.equals(missing)));
        LocalDate christmas = START.plusDays(7 * 12 + 1);
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7,
                List.of(new Holiday(christmas, "Christmas Day", 0.0)), "weekday-average", 80), null);
        Set<LocalDate> days = r.points().stream().map(p -> p.intervalStart().toLocalDate()).collect(Collectors.toSet());
        assertThat(days).doesNotContain(christmas).hasSize(5);
        LocalDate wednesday = START.plusDays(7 * 12 + 2);
        // the missing Wednesday must not drag the average down: still the exact value
        ForecastPoint p = r.points().stream().filter(x -> x.intervalStart().equals(wednesday.atTime(12, 0))).findFirst().orElseThrow();
        assertThat(p.volume()).isCloseTo(Synthetic.weekly(wednesday.atTime(12, 0)), within(1e-9));
    }

    @Test
    void holidayFactorScalesAndUnknownEffectIsLearntFromHistory() {
        LocalDate pastHoliday = START.plusDays(7 * 8); // a Monday in the history
        History h = Synthetic.history(60, Synthetic.channel("voice", START, 7 * 12, 60,
                t -> t.toLocalDate().equals(pastHoliday) ? Synthetic.weekly(t) * 0.5 : Synthetic.weekly(t), d -> false));
        LocalDate futureHoliday = START.plusDays(7 * 12); // Monday
        LocalDate tuesday = futureHoliday.plusDays(1);
        List<Holiday> holidays = List.of(new Holiday(pastHoliday, "Bank holiday", Double.NaN),
                new Holiday(futureHoliday, "Bank holiday", Double.NaN), new Holiday(tuesday, "Half day", 0.6));
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, holidays, "seasonal-naive", 80), null);
        assertThat(volumeAt(r, futureHoliday.atTime(12, 0))).isCloseTo(Synthetic.weekly(futureHoliday.atTime(12, 0)) * 0.5, within(1e-6));
        assertThat(volumeAt(r, tuesday.atTime(12, 0))).isCloseTo(Synthetic.weekly(tuesday.atTime(12, 0)) * 0.6, within(1e-6));
    }

    @Test
    void dayAfterAHolidayGetsTheCatchUpLearntFromHistory() {
        Set<LocalDate> pastHolidays = Set.of(START.plusDays(7 * 4), START.plusDays(7 * 8)); // Mondays
        History h = Synthetic.history(60, Synthetic.channel("voice", START, 7 * 12, 60,
                t -> pastHolidays.contains(t.toLocalDate().minusDays(1)) ? Synthetic.weekly(t) * 1.2 : Synthetic.weekly(t),
                pastHolidays::contains));
        LocalDate futureHoliday = START.plusDays(7 * 12);
        List<Holiday> holidays = new ArrayList<>();
        pastHolidays.forEach(d -> holidays.add(new Holiday(d, "Bank holiday", 0.0)));
        holidays.add(new Holiday(futureHoliday, "Bank holiday", 0.0));
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, holidays, "weekday-average", 80), null);
        LocalDateTime tuesdayNoon = futureHoliday.plusDays(1).atTime(12, 0);
        assertThat(volumeAt(r, tuesdayNoon)).isCloseTo(Synthetic.weekly(tuesdayNoon) * 1.2, within(1e-6));
        assertThat(r.reasonByChannel().get("voice")).contains("after a holiday");
        assertThat(r.points()).noneMatch(p -> p.intervalStart().toLocalDate().equals(futureHoliday));
    }

    @Test
    void twentyFourHourChannelOverDstHasTwentyThreeAndTwentyFiveHourDays() {
        // constant 4 per 15 minutes, around the clock; history ends the day before the UK spring change
        LocalDate springChange = LocalDate.of(2025, 3, 30);
        LocalDate first = springChange.minusDays(7 * 10);
        History h = Synthetic.history(15, Synthetic.channel("chat", first, 7 * 10, 15, t -> 4.0, d -> false));
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 2, List.of(), "weekday-average", 80), null);
        long springRows = r.points().stream().filter(p -> p.intervalStart().toLocalDate().equals(springChange)).count();
        assertThat(springRows).isEqualTo(92);
        assertThat(r.points().stream().filter(p -> p.intervalStart().toLocalDate().equals(springChange))
                .mapToDouble(ForecastPoint::volume).sum()).isCloseTo(92 * 4, within(1e-6));

        LocalDate fallChange = LocalDate.of(2025, 10, 26);
        ForecastResult autumn = new ForecastEngine().forecast(h, new ForecastOptions(fallChange, 1, List.of(), "weekday-average", 80), null);
        assertThat(autumn.points()).hasSize(96);
        // the repeated hour is one local interval carrying two real intervals' volume
        assertThat(volumeAt(autumn, fallChange.atTime(1, 15))).isCloseTo(8, within(1e-6));
        assertThat(autumn.points().stream().mapToDouble(ForecastPoint::volume).sum()).isCloseTo(100 * 4, within(1e-6));
    }

    @Test
    void peaksNameTheBusiestHourAndDay() {
        History h = exactHistory(7 * 10, 15);
        ForecastResult r = new ForecastEngine().forecast(h, new ForecastOptions(null, 7, List.of(), "seasonal-naive", 80), null);
        LocalDate monday = START.plusDays(70);
        Peak peak = r.peaks().stream().filter(p -> p.kind().equals("peak") && p.start().toLocalDate().equals(monday))
                .findFirst().orElseThrow();
        // the sine shape peaks at 13:00 on a 08:00-18:00 day: the best hour is centred on it
        assertThat(peak.start()).isEqualTo(monday.atTime(12, 30));
        assertThat(peak.end()).isEqualTo(monday.atTime(13, 30));
        // shape 1 + 0.6 sin: peak 1.6 against a mean of 1 + 1.2/π ≈ 1.38
        assertThat(peak.ratioToAverage()).isCloseTo(1.6 / (1 + 1.2 / Math.PI), within(0.02));
        Peak trough = r.peaks().stream().filter(p -> p.kind().equals("trough") && p.start().toLocalDate().equals(monday))
                .findFirst().orElseThrow();
        assertThat(trough.ratioToAverage()).isLessThan(1);
        assertThat(r.peaks()).filteredOn(p -> p.kind().equals("peak-day")).singleElement()
                .satisfies(p -> assertThat(p.start().toLocalDate().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(r.peaks()).filteredOn(p -> p.kind().equals("trough-day")).singleElement()
                .satisfies(p -> assertThat(p.start().toLocalDate().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
    }

    @Test
    void noisyHistoryGetsCalibratedIntervalsAndAutoBeatsTheBaselines() {
        Random rnd = new Random(42);
        History h = Synthetic.history(30, Synthetic.channel("voice", START, 7 * 40, 30,
                t -> {
                    double m = Synthetic.weekly(t);
                    return Double.isNaN(m) ? m : Synthetic.poisson(rnd, 4 * m);
                }, d -> false));
        List<BacktestRow> rows = new Backtest().run(h, 4, 14, List.of(), null);
        assertThat(rows).extracting(BacktestRow::method).contains("auto", "seasonal-naive", "weekday-average", "holt-winters",
                "daily-profile");
        double naive = rows.stream().filter(x -> x.method().equals("seasonal-naive")).findFirst().orElseThrow().wape();
        for (BacktestRow row : rows) {
            assertThat(row.wape()).isBetween(0.0, 1.0);
            assertThat(row.intervalCoverage()).as(row.method()).isBetween(0.6, 0.95);
            if (!row.method().equals("seasonal-naive")) {
                assertThat(row.wape()).as(row.method()).isLessThan(naive);
            }
        }
    }

    @Test
    void unknownMethodOrStartBeforeHistoryIsRejected() {
        History h = exactHistory(14, 60);
        assertThatThrownBy(() -> new ForecastEngine().forecast(h, new ForecastOptions(null, 7, List.of(), "magic", 80), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown method");
        assertThatThrownBy(() -> new ForecastEngine().forecast(h, new ForecastOptions(START.minusDays(3), 7, List.of(), "auto", 80), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ForecastEngine.methodNames()).startsWith("auto");
    }

    private static double volumeAt(ForecastResult r, LocalDateTime t) {
        List<ForecastPoint> found = new ArrayList<>();
        r.points().stream().filter(p -> p.intervalStart().equals(t)).forEach(found::add);
        assertThat(found).hasSize(1);
        return found.get(0).volume();
    }
}
