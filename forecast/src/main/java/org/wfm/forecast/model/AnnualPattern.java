package org.wfm.forecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Year-over-year seasonal change: how much busier each forecast day was, in earlier years, than the four
 * weeks before the forecast origin, on the same weekday-aligned dates (364 days back). It carries sharp
 * recurring features a few harmonics cannot (the Christmas-week dip, the first working days of January)
 * into methods whose level only reflects recent weeks. This is the ratio-to-last-year idea behind the
 * seasonal factors of X-11 (Shiskin, Young &amp; Musgrave 1967) applied locally: log daily totals are
 * weekday-adjusted, averaged over a week around the same date last year, and compared with the same
 * last-year stretch that precedes the origin. With several years the median is used; with less than a
 * year of history the factors are zero (no change).
 */
public final class AnnualPattern {
    static final int YEAR = 364;
    static final int REFERENCE_DAYS = 28;
    static final int HALF_WINDOW = 3;

    private AnnualPattern() {
    }

    /** Log factors for days {@code history.days() .. + horizonDays - 1}, relative to the last four weeks. */
    public static double[] logFactors(Series history, int horizonDays) {
        double[] z = weekdayAdjustedLogTotals(history);
        int n = history.days();
        double[] out = new double[horizonDays];
        for (int j = 0; j < horizonDays; j++) {
            List<Double> changes = new ArrayList<>();
            for (int k = 1; n + j - k * YEAR - HALF_WINDOW >= 0; k++) {
                double target = mean(z, n + j - k * YEAR - HALF_WINDOW, n + j - k * YEAR + HALF_WINDOW, 2);
                double reference = mean(z, n - k * YEAR - REFERENCE_DAYS, n - k * YEAR - 1, REFERENCE_DAYS / 4);
                if (!Double.isNaN(target) && !Double.isNaN(reference)) {
                    changes.add(target - reference);
                }
            }
            out[j] = changes.isEmpty() ? 0 : Medians.of(changes);
        }
        return out;
    }

    /** log(1 + total) minus the median of that weekday's values: NaN for closed days. */
    static double[] weekdayAdjustedLogTotals(Series history) {
        int n = history.days();
        double[] z = new double[n];
        List<List<Double>> byWeekday = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            byWeekday.add(new ArrayList<>());
        }
        for (int d = 0; d < n; d++) {
            if (history.open(d)) {
                z[d] = Math.log1p(history.total(d));
                byWeekday.get(history.weekday(d).ordinal()).add(z[d]);
            } else {
                z[d] = Double.NaN;
            }
        }
        double[] centre = new double[7];
        for (int w = 0; w < 7; w++) {
            centre[w] = byWeekday.get(w).isEmpty() ? 0 : Medians.of(byWeekday.get(w));
        }
        for (int d = 0; d < n; d++) {
            if (!Double.isNaN(z[d])) {
                // a weekday that is almost always closed (zero totals) carries no seasonal information
                z[d] = history.total(d) <= 0 ? Double.NaN : z[d] - centre[history.weekday(d).ordinal()];
            }
        }
        return z;
    }

    /** Mean of the open days in [from, to]; NaN with fewer than {@code minCount} (holidays, closed days). */
    private static double mean(double[] z, int from, int to, int minCount) {
        double s = 0;
        int c = 0;
        for (int d = Math.max(0, from); d <= Math.min(z.length - 1, to); d++) {
            if (!Double.isNaN(z[d])) {
                s += z[d];
                c++;
            }
        }
        return c >= minCount ? s / c : Double.NaN;
    }

}
