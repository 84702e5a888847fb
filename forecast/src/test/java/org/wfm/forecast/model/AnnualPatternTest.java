package org.wfm.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

class AnnualPatternTest {
    static final LocalDate START = LocalDate.of(2023, 1, 2);

    /** Two years and a bit of hourly data, halved every year from 20 to 31 December. */
    private static Series withChristmasDip(int days) {
        double[][] v = new double[days][24];
        for (int d = 0; d < days; d++) {
            LocalDate date = START.plusDays(d);
            boolean dip = MonthDay.from(date).isAfter(MonthDay.of(12, 19));
            for (int s = 9; s < 17; s++) {
                v[d][s] = dip ? 50 : 100;
            }
        }
        return new Series(START, 60, v);
    }

    @Test
    void lastYearsDipIsCarriedIntoTheHorizon() {
        // history ends on 2024-12-01: the horizon covers the dip of 2024, seen in 2023
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(START, LocalDate.of(2024, 12, 2));
        Series s = withChristmasDip(days);
        double[] f = AnnualPattern.logFactors(s, 42);
        for (int j = 0; j < 42; j++) {
            LocalDate date = s.date(days + j);
            // 364 days back (weekday-aligned, 2024 is a leap year) and ±3 days: windows fully inside the dip
            if (date.isAfter(LocalDate.of(2024, 12, 21)) && date.isBefore(LocalDate.of(2024, 12, 27))) {
                assertThat(f[j]).as(date.toString()).isCloseTo(Math.log1p(8 * 50) - Math.log1p(8 * 100), within(0.05));
            }
            if (date.isBefore(LocalDate.of(2024, 12, 14))) {
                assertThat(f[j]).as(date.toString()).isCloseTo(0, within(1e-9));
            }
        }
        // Holt-Winters, which sees only the last half year, now forecasts the dip too
        double[][] hw = new DoubleSeasonalHoltWinters().forecast(s, 42);
        int christmasWeek = (int) java.time.temporal.ChronoUnit.DAYS.between(s.date(days), LocalDate.of(2024, 12, 26));
        assertThat(hw[christmasWeek][12]).isCloseTo(50, within(2.5));
    }

    @Test
    void lessThanAYearGivesNoChange() {
        Series s = withChristmasDip(300);
        assertThat(AnnualPattern.logFactors(s, 30)).containsOnly(0.0);
    }
}
