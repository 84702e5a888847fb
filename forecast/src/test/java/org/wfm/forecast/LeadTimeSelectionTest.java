package org.wfm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.wfm.forecast.model.ForecastMethod;
import org.wfm.forecast.model.LeadTimeBlend;
import org.wfm.forecast.model.Series;
import org.wfm.forecast.model.WeekdayAverage;

class LeadTimeSelectionTest {
    static final LocalDate START = LocalDate.of(2025, 1, 6);

    /** Knows the truth; adds a lead-dependent relative error (deterministic per origin, day and interval). */
    private record Oracle(String name, double[] errorByBucket, double noise) implements ForecastMethod {
        @Override
        public double[][] forecast(Series history, int horizonDays) {
            double[][] out = new double[horizonDays][history.slots()];
            Random rnd = new Random(history.days() * 31L + name.hashCode());
            for (int j = 0; j < horizonDays; j++) {
                double e = errorByBucket[LeadTimeBlend.bucket(j)] * (1 + noise * rnd.nextGaussian());
                for (int i = 0; i < out[j].length; i++) {
                    double truth = Synthetic.weekly(history.date(history.days() + j).atStartOfDay().plusMinutes(30L * i));
                    out[j][i] = Double.isNaN(truth) ? 0 : truth * (1 + e);
                }
            }
            return out;
        }
    }

    /** Exact at origins in even weeks, 19 % too high in odd ones. */
    private record Alternating() implements ForecastMethod {
        @Override
        public String name() {
            return "noisy";
        }

        @Override
        public double[][] forecast(Series history, int horizonDays) {
            double e = history.days() / 7 % 2 == 0 ? 0 : 0.19;
            return new Oracle("noisy", new double[] {e, e, e}, 0).forecast(history, horizonDays);
        }
    }

    private static ChannelData exact(int days) {
        return new ChannelData(Synthetic.channel("voice", START, days, 30, Synthetic::weekly, d -> false), Synthetic.LONDON,
                30, START, START.plusDays(days - 1L), java.util.Set.of());
    }

    @Test
    void eachLeadBucketGetsItsOwnWinnerAndAThinGainStaysWithTheWeekdayAverage() {
        ChannelData data = exact(7 * 20);
        RollingOrigin ro = new RollingOrigin(data, 14, 8);
        assertThat(ro.folds()).isEqualTo(8);
        // "short" is 2 % off on day 1 but 30 % on days 4+, "long" the reverse; on days 2-3 they err on opposite
        // sides, so their combination wins there. The weekday average would be exact on
        // this periodic series, so a method must also beat it: make it worse by wrapping it with a 10 % error
        ForecastMethod shortM = new Oracle("short", new double[] {0.02, 0.04, 0.30}, 0.1);
        ForecastMethod longM = new Oracle("long", new double[] {0.30, -0.05, 0.02}, 0.1);
        ForecastMethod baseline = new Oracle(WeekdayAverage.NAME, new double[] {0.10, 0.10, 0.10}, 0.1);
        List<ForecastMethod> methods = List.of(shortM, baseline, longM);
        Map<String, RollingOrigin.Score> scores = ro.evaluate(methods, s -> { });
        LeadTimeSelection.Result r = LeadTimeSelection.select(ro, methods, scores, 14, data.slots);
        assertThat(r.buckets()).extracting(LeadTimeSelection.Bucket::best)
                .containsExactly("short", "combination(short+long)", "long");
        assertThat(r.blend().describe(0)).contains("short").doesNotContain("long");
        assertThat(r.blend().describe(2)).contains("long").doesNotContain("short");
        // a clear, consistent gain: nearly all weight on the winner
        assertThat(r.buckets().get(0).weight()).isGreaterThan(0.9);
        assertThat(r.score().wape()).isLessThan(scores.get("short").wape()).isLessThan(scores.get("long").wape());

        // a lower WAPE overall, but exact at every other origin and 19 % off at the rest: a gain no larger
        // than its origin-to-origin spread, so the weekday average keeps the weight
        ForecastMethod noisy = new Alternating();
        List<ForecastMethod> two = List.of(noisy, baseline);
        Map<String, RollingOrigin.Score> s2 = ro.evaluate(two, s -> { });
        LeadTimeSelection.Result r2 = LeadTimeSelection.select(ro, two, s2, 14, data.slots);
        for (LeadTimeSelection.Bucket b : r2.buckets()) {
            assertThat(b.best()).as(b.name()).isEqualTo("noisy");
            assertThat(b.weight()).as(b.name()).isLessThan(0.5);
        }
    }

    @Test
    void shrinkageIsThePositivePartJamesSteinFactorOfThePairedT() {
        RollingOrigin.Score base = new RollingOrigin.Score(WeekdayAverage.NAME);
        RollingOrigin.Score best = new RollingOrigin.Score("m");
        double[] gains = {0.02, 0.04, 0.03, 0.05};
        for (double g : gains) {
            base.bucketAbs.add(new double[] {10, 0, 0});
            base.bucketActual.add(new double[] {100, 0, 0});
            best.bucketAbs.add(new double[] {10 - 100 * g, 0, 0});
            best.bucketActual.add(new double[] {100, 0, 0});
        }
        double mean = Arrays.stream(gains).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(gains).map(g -> (g - mean) * (g - mean)).sum() / 3);
        assertThat(LeadTimeSelection.pairedT(base, best, 0)).isCloseTo(mean / (sd / 2), within(1e-9));
        assertThat(LeadTimeSelection.pairedT(base, best, 1)).isZero(); // no volume in that bucket: no evidence
    }

    @Test
    void tooShortForABacktestFallsBackToTheWeekdayAverageAndSaysSo() {
        ChannelData data = exact(30);
        ForecastEngine.Choice c = ForecastEngine.choose(data, 14, s -> { });
        assertThat(c.method().name()).isEqualTo(WeekdayAverage.NAME);
        assertThat(c.reason()).contains("history too short");
    }
}
