package org.wfm.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wfm.forecast.model.Combination;
import org.wfm.forecast.model.ForecastMethod;
import org.wfm.forecast.model.LeadTimeBlend;
import org.wfm.forecast.model.WeekdayAverage;

/**
 * {@code auto}'s choice per lead-time bucket (day 1, days 2-3, days 4+) from rolling-origin errors.
 *
 * <p>In each bucket the candidates are the base methods and the equal-weight combination of the bucket's
 * two best; the lowest WAPE over all origins wins. The winner is then shrunk toward the weekday average,
 * the planner's baseline, by how clearly it beat it: with d_k the winner's WAPE gain over the weekday
 * average at origin k and t = mean(d) / (sd(d) / √K) over K origins, the winner gets weight
 * max(0, 1 − 1/t²) and the weekday average the rest. This is the positive-part James-Stein factor (James
 * &amp; Stein 1961) applied to the estimated gain, as Diebold &amp; Pauly, "The use of prior information in
 * forecast combination", IJF 6 (1990) 503-508, shrink estimated combination weights toward a prior: a
 * gain of one standard error or less (t ≤ 1) keeps the baseline, a gain of three standard errors gives
 * the winner 0.89. With fewer than {@value #MIN_ORIGINS} origins there is no spread to judge by and the
 * weekday average is used. Origins a week apart overlap in days 8-14 of a two-week horizon, which makes
 * the gains of days 4+ positively correlated and t somewhat optimistic there.
 */
final class LeadTimeSelection {
    static final int MIN_ORIGINS = 3;
    static final String BASELINE = WeekdayAverage.NAME;

    /** One bucket's decision, for the reason line and the benchmark. */
    record Bucket(String name, String best, double bestWape, double baselineWape, double weight, double t, int origins) {
    }

    record Result(LeadTimeBlend blend, List<Bucket> buckets, RollingOrigin.Score score) {
    }

    private LeadTimeSelection() {
    }

    static Result select(RollingOrigin ro, List<ForecastMethod> methods, Map<String, RollingOrigin.Score> scores,
                         int horizon, int slots) {
        int nb = LeadTimeBlend.EDGES.length + 1;
        int base = -1;
        for (int m = 0; m < methods.size(); m++) {
            base = methods.get(m).name().equals(BASELINE) ? m : base;
        }
        if (base < 0) {
            throw new IllegalArgumentException("the baseline " + BASELINE + " must be among the methods");
        }
        RollingOrigin.Score baseline = scores.get(BASELINE);
        double[][] weights = new double[nb][methods.size()];
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            final int bucket = b;
            List<Integer> ranked = new ArrayList<>();
            for (int m = 0; m < methods.size(); m++) {
                ranked.add(m);
            }
            // stable sort: ties keep the methods' order, so the choice does not depend on anything else
            ranked.sort(Comparator.comparingDouble(m -> scores.get(methods.get(m).name()).wape(bucket)));
            int first = ranked.get(0);
            int second = ranked.get(1);
            List<double[][]> combo = new ArrayList<>();
            for (int f = 0; f < ro.folds(); f++) {
                combo.add(Combination.add(Combination.add(null, scores.get(methods.get(first).name()).forecasts.get(f), 2),
                        scores.get(methods.get(second).name()).forecasts.get(f), 2));
            }
            String comboName = new Combination(List.of(methods.get(first), methods.get(second))).name();
            RollingOrigin.Score comboScore = ro.scoreForecasts(comboName, combo);
            boolean useCombo = comboScore.wape(b) < scores.get(methods.get(first).name()).wape(b);
            RollingOrigin.Score best = useCombo ? comboScore : scores.get(methods.get(first).name());
            double t = pairedT(baseline, best, b);
            int origins = countedOrigins(baseline, b);
            double w;
            if (!useCombo && first == base) {
                w = 0;
            } else if (origins < MIN_ORIGINS || !(t > 1)) {
                w = 0;
            } else {
                w = 1 - 1 / (t * t);
            }
            if (useCombo) {
                weights[b][first] += w / 2;
                weights[b][second] += w / 2;
            } else {
                weights[b][first] += w;
            }
            weights[b][base] += 1 - w;
            buckets.add(new Bucket(LeadTimeBlend.BUCKET_NAMES.get(b), best.method, best.wape(b), baseline.wape(b), w, t,
                    origins));
        }
        List<ForecastMethod> members = new ArrayList<>();
        for (ForecastMethod m : methods) {
            RollingOrigin.Score s = scores.get(m.name());
            members.add(s.frozen == null ? m : s.frozen);
        }
        LeadTimeBlend blend = new LeadTimeBlend(members, weights);
        List<double[][]> blended = new ArrayList<>();
        for (int f = 0; f < ro.folds(); f++) {
            List<double[][]> fold = new ArrayList<>();
            for (ForecastMethod m : methods) {
                fold.add(scores.get(m.name()).forecasts.get(f));
            }
            blended.add(blend.blend(fold, horizon, slots));
        }
        return new Result(blend, buckets, ro.scoreForecasts(ForecastEngine.AUTO, blended));
    }

    /** Paired t statistic of the per-origin WAPE gain of {@code best} over {@code baseline} in one bucket. */
    static double pairedT(RollingOrigin.Score baseline, RollingOrigin.Score best, int bucket) {
        List<Double> d = new ArrayList<>();
        for (int f = 0; f < baseline.bucketAbs.size(); f++) {
            double actual = baseline.bucketActual.get(f)[bucket];
            if (actual > 0) {
                d.add((baseline.bucketAbs.get(f)[bucket] - best.bucketAbs.get(f)[bucket]) / actual);
            }
        }
        int k = d.size();
        if (k < 2) {
            return 0;
        }
        double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = d.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (k - 1);
        if (var <= 0) {
            return mean > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return mean / Math.sqrt(var / k);
    }

    private static int countedOrigins(RollingOrigin.Score s, int bucket) {
        int k = 0;
        for (double[] a : s.bucketActual) {
            k += a[bucket] > 0 ? 1 : 0;
        }
        return k;
    }

    /** The reason line's account of the choice. */
    static String describe(Result r, int origins, int horizon, Map<String, RollingOrigin.Score> scores) {
        List<String> parts = new ArrayList<>();
        for (int b = 0; b < r.buckets().size(); b++) {
            Bucket k = r.buckets().get(b);
            String mix = r.blend().describe(b);
            if (k.best().equals(BASELINE)) {
                parts.add(String.format(Locale.ROOT, "%s %s (best, %.1f%%)", k.name(), mix, 100 * k.baselineWape()));
            } else if (k.weight() == 0) {
                parts.add(String.format(Locale.ROOT, "%s %s (%s %.1f%% against %.1f%%, not clearly better: t %.1f over %d origins)",
                        k.name(), mix, k.best(), 100 * k.bestWape(), 100 * k.baselineWape(), k.t(), k.origins()));
            } else {
                parts.add(String.format(Locale.ROOT, "%s %s (%s %.1f%% against %s %.1f%%, t %.1f over %d origins)",
                        k.name(), mix, k.best(), 100 * k.bestWape(), BASELINE, 100 * k.baselineWape(), k.t(), k.origins()));
            }
        }
        StringBuilder overall = new StringBuilder();
        scores.values().stream().sorted(Comparator.comparingDouble(RollingOrigin.Score::wape))
                .forEach(s -> overall.append(String.format(Locale.ROOT, ", %s %.1f%%", s.method, 100 * s.wape())));
        return String.format(Locale.ROOT, "chosen by lead time in a rolling-origin backtest (%d origins × %d days, WAPE;"
                + " the winner shrunk toward %s when its gain is thin): %s; overall auto %.1f%% (day totals %.1f%%)%s",
                origins, horizon, BASELINE, String.join("; ", parts), 100 * r.score().wape(), 100 * r.score().dayWape(),
                overall);
    }
}
