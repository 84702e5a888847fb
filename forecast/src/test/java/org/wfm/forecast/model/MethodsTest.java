package org.wfm.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class MethodsTest {
    static final int SLOTS = 24;
    static final LocalDate MONDAY = LocalDate.of(2025, 1, 6);

    /** Exact weekly season on hourly slots: value = weekday level × hour shape. */
    static double exact(LocalDate date, int slot) {
        int w = date.getDayOfWeek().ordinal();
        return (w == 6 ? 0 : 50 + 10 * w) * (slot >= 8 && slot < 18 ? 1 + (slot - 8) % 5 : 0);
    }

    static Series series(int days, double level) {
        double[][] v = new double[days][SLOTS];
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < SLOTS; s++) {
                v[d][s] = exact(MONDAY.plusDays(d), s) * level;
            }
        }
        return new Series(MONDAY, 60, v);
    }

    static void assertExact(double[][] f, Series history, double level, double tolerance) {
        for (int j = 0; j < f.length; j++) {
            LocalDate date = history.date(history.days() + j);
            for (int s = 0; s < SLOTS; s++) {
                assertThat(f[j][s]).as("day %d slot %d", j, s).isCloseTo(exact(date, s) * level, within(tolerance));
            }
        }
    }

    @Test
    void everyMethodForecastsAnExactWeeklySeriesExactly() {
        Series s = series(7 * 30, 1);
        for (ForecastMethod m : List.of(new SeasonalNaive(), new WeekdayAverage(8), new DoubleSeasonalHoltWinters(),
                new DailyTotalProfile(), new Combination(List.of(new SeasonalNaive(), new DailyTotalProfile())))) {
            assertExact(m.forecast(s, 21), s, 1, 1e-6 * 100);
        }
    }

    @Test
    void seasonalNaiveSkipsAClosedDayToTheWeekBefore() {
        Series s = series(28, 1);
        double[][] v = new double[28][];
        for (int d = 0; d < 28; d++) {
            v[d] = s.day(d).clone();
        }
        v[21] = new double[SLOTS];
        java.util.Arrays.fill(v[21], Double.NaN); // last Monday was a holiday
        v[14][10] = 999; // the Monday before
        double[][] f = new SeasonalNaive().forecast(new Series(MONDAY, 60, v), 7);
        assertThat(f[0][10]).isEqualTo(999);
    }

    @Test
    void weekdayAverageAveragesTheLastWeeksOfTheSameWeekday() {
        double[][] v = new double[21][SLOTS];
        v[0][9] = 10;
        v[7][9] = 20;
        v[14][9] = 60;
        Series s = new Series(MONDAY, 60, v);
        assertThat(new WeekdayAverage(2).forecast(s, 1)[0][9]).isEqualTo(40);
        assertThat(new WeekdayAverage(8).forecast(s, 1)[0][9]).isEqualTo(30);
    }

    @Test
    void holtWintersFollowsALevelShift() {
        Series s = series(7 * 20, 1);
        java.util.Random rnd = new java.util.Random(7);
        double[][] v = new double[s.days()][];
        for (int d = 0; d < s.days(); d++) {
            v[d] = s.day(d).clone();
            for (int i = 0; i < SLOTS; i++) {
                if (exact(s.date(d), i) > 0) {
                    v[d][i] += 5 * rnd.nextGaussian() + (d >= s.days() - 21 ? 40 : 0);
                }
            }
        }
        DoubleSeasonalHoltWinters hw = new DoubleSeasonalHoltWinters();
        double[][] f = hw.forecast(new Series(MONDAY, 60, v), 7);
        double[][] naive = new WeekdayAverage(8).forecast(new Series(MONDAY, 60, v), 7);
        // the 8-week average only sees 3 weeks of the new level; Holt-Winters should be closer to +40
        double errHw = 0;
        double errAvg = 0;
        for (int s2 = 8; s2 < 18; s2++) {
            errHw += Math.abs(f[0][s2] - (exact(MONDAY, s2) + 40));
            errAvg += Math.abs(naive[0][s2] - (exact(MONDAY, s2) + 40));
        }
        assertThat(errHw).isLessThan(errAvg);
    }

    @Test
    void aOneOffSpikeDoesNotBendTheProfileOrTheHoltWintersForecast() {
        Series clean = series(7 * 30, 1);
        double[][] v = new double[clean.days()][];
        for (int d = 0; d < clean.days(); d++) {
            v[d] = clean.day(d).clone();
        }
        int lastMonday = clean.days() - 7;
        v[lastMonday][10] *= 20; // a system glitch logged 20 times the calls in one hour
        Series spiked = new Series(MONDAY, 60, v);
        double expected = exact(MONDAY, 10);
        double[][] profile = new DailyTotalProfile().forecast(spiked, 7);
        double[][] hw = new DoubleSeasonalHoltWinters().forecast(spiked, 7);
        double[][] average = new WeekdayAverage(8).forecast(spiked, 7);
        // clipped at median + 5 Poisson sd (150 + 61), the remainder spread over 12 weeks: about +5
        assertThat(profile[0][10]).isCloseTo(expected + 61.2 / 12, within(1.0));
        assertThat(hw[0][10]).isCloseTo(expected, within(expected * 0.10));
        // the plain average carries an eighth of the spike: the robust methods must do better
        assertThat(Math.abs(average[0][10] - expected)).isGreaterThan(expected);
    }

    @Test
    void dailyProfileLearnsTrendAndWeekdayLevels() {
        int days = 7 * 30;
        double[][] v = new double[days][SLOTS];
        for (int d = 0; d < days; d++) {
            double growth = Math.exp(0.002 * d);
            for (int s = 0; s < SLOTS; s++) {
                v[d][s] = exact(MONDAY.plusDays(d), s) * growth;
            }
        }
        Series s = new Series(MONDAY, 60, v);
        double[][] f = new DailyTotalProfile().forecast(s, 14);
        for (int j = 0; j < 14; j++) {
            LocalDate date = s.date(days + j);
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double expected = exact(date, 10) * Math.exp(0.002 * (days + j));
            // the profile comes from the last 8 weeks, which grew meanwhile; the day total is exact
            double total = java.util.Arrays.stream(f[j]).sum();
            double expectedTotal = 0;
            for (int i = 0; i < SLOTS; i++) {
                expectedTotal += exact(date, i) * Math.exp(0.002 * (days + j));
            }
            assertThat(total).isCloseTo(expectedTotal, within(expectedTotal * 0.01));
            assertThat(f[j][10]).isCloseTo(expected, within(expected * 0.01));
        }
    }
}
