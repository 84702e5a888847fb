package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class IntervalCalibrationTest {

    /** Negative-binomial count: Poisson with a gamma(shape 1/κ, mean m) rate, so variance m + κm². */
    private static double negBinomial(Random rnd, double mean, double kappa) {
        double shape = 1 / kappa;
        double rate = gamma(rnd, shape) * mean / shape;
        return Synthetic.poisson(rnd, rate);
    }

    /** Marsaglia-Tsang gamma(shape, 1). */
    private static double gamma(Random rnd, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(rnd.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    @Test
    void calibratedOnOneLevelMixTheIntervalsCoverEightyPercentAtLevelsTwentyTimesApart() {
        Random rnd = new Random(7);
        double kappa = 0.04;
        IntervalCalibration.Errors errors = new IntervalCalibration.Errors();
        // the backtest saw a channel whose intervals run from 1 to 60 contacts
        for (int k = 0; k < 20_000; k++) {
            double m = 1 + 59 * rnd.nextDouble();
            errors.add(k % 14, negBinomial(rnd, m, kappa), m);
        }
        IntervalCalibration cal = new IntervalCalibration(errors, 80);
        assertThat(cal.empirical()).isTrue();
        assertThat(cal.kappa(0)).isCloseTo(kappa, within(0.01));
        // the future holds a quiet and a busy level, a factor 20 apart: both must be covered about 80 %
        for (double level : new double[] {4, 80}) {
            int inside = 0;
            int n = 20_000;
            for (int k = 0; k < n; k++) {
                double a = negBinomial(rnd, level, kappa);
                double[] lu = cal.interval(k % 14, level);
                inside += a >= lu[0] && a <= lu[1] ? 1 : 0;
            }
            assertThat((double) inside / n).as("level %s", level).isBetween(0.76, 0.86);
        }
    }

    @Test
    void conformalOrderStatisticsUseTheFiniteSampleRank() {
        double[] z = new double[99];
        for (int i = 0; i < z.length; i++) {
            z[i] = i + 1; // 1..99
        }
        // n = 99, α = 0.2: lower rank ⌊100 × 0.1⌋ = 10, upper rank ⌈100 × 0.9⌉ = 90
        assertThat(IntervalCalibration.lower(z, 0.2)).isEqualTo(10);
        assertThat(IntervalCalibration.upper(z, 0.2)).isEqualTo(90);
    }

    @Test
    void withoutErrorsTheIntervalIsPoissonAndSaysSo() {
        IntervalCalibration cal = new IntervalCalibration(new IntervalCalibration.Errors(), 80);
        assertThat(cal.empirical()).isFalse();
        double[] lu = cal.interval(0, 100);
        assertThat(lu[0]).isCloseTo(100 - 1.2816 * 10, within(0.01));
        assertThat(lu[1]).isCloseTo(100 + 1.2816 * 10, within(0.01));
    }
}
