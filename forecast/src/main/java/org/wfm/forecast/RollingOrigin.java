package org.wfm.forecast;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.wfm.forecast.model.ForecastMethod;
import org.wfm.forecast.model.LeadTimeBlend;
import org.wfm.forecast.model.Series;

/**
 * Rolling-origin evaluation (Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and
 * review", IJF 16, 2000): the history is cut at several origins a week apart, the last one
 * {@code horizon} days before its end; each method is fitted on the data before the origin and scored
 * on the following {@code horizon} days. Holidays and closed days are not scored; only the intervals the
 * forecast would publish (opening hours) are.
 */
final class RollingOrigin {
    /** The least history a fold is fitted on. */
    static final int MIN_TRAIN_DAYS = 28;
    static final int STEP_DAYS = 7;

    /** One scored (lead day, interval): kept to calibrate intervals and measure their coverage. */
    record Point(int leadDay, int slot, double actual, double forecast) {
    }

    /** A method's results over all folds. */
    static final class Score {
        final String method;
        final List<double[][]> forecasts = new ArrayList<>();
        final List<List<Point>> points = new ArrayList<>();
        /** Per fold and selection bucket: absolute error and actual volume. */
        final List<double[]> bucketAbs = new ArrayList<>();
        final List<double[]> bucketActual = new ArrayList<>();
        /** The method as used at the later origins (parameters estimated at the first one). */
        ForecastMethod frozen;
        double absError;
        double actual;
        double signedError;
        double maseSum;
        int maseFolds;
        /** Day totals: absolute error and actual, the level where methods differ more than noise. */
        double dayAbsError;
        double dayActual;
        double seconds;

        Score(String method) {
            this.method = method;
        }

        double wape() {
            return actual > 0 ? absError / actual : (absError > 0 ? Double.POSITIVE_INFINITY : 0);
        }

        double dayWape() {
            return dayActual > 0 ? dayAbsError / dayActual : 0;
        }

        double bias() {
            return actual > 0 ? signedError / actual : 0;
        }

        /** WAPE in one selection bucket over all folds. */
        double wape(int bucket) {
            double abs = 0;
            double act = 0;
            for (int f = 0; f < bucketAbs.size(); f++) {
                abs += bucketAbs.get(f)[bucket];
                act += bucketActual.get(f)[bucket];
            }
            return act > 0 ? abs / act : (abs > 0 ? Double.POSITIVE_INFINITY : 0);
        }

        double mase() {
            return maseFolds > 0 ? maseSum / maseFolds : Double.NaN;
        }

        IntervalCalibration.Errors errors(int exceptFold, int slots) {
            IntervalCalibration.Errors e = new IntervalCalibration.Errors();
            for (int f = 0; f < points.size(); f++) {
                if (f != exceptFold) {
                    for (Point p : points.get(f)) {
                        e.add(p.leadDay(), p.actual(), p.forecast());
                    }
                }
            }
            return e;
        }

        /** Coverage of intervals calibrated on the other folds (or on all folds when there is only one). */
        double coverage(int slots, double level) {
            long inside = 0;
            long n = 0;
            for (int f = 0; f < points.size(); f++) {
                IntervalCalibration cal = new IntervalCalibration(errors(points.size() > 1 ? f : -1, slots), level);
                for (Point p : points.get(f)) {
                    double[] lu = cal.interval(p.leadDay(), p.forecast());
                    if (p.actual() >= lu[0] - 1e-9 && p.actual() <= lu[1] + 1e-9) {
                        inside++;
                    }
                    n++;
                }
            }
            return n == 0 ? Double.NaN : (double) inside / n;
        }
    }

    private final ChannelData data;
    private final int horizon;
    private final List<Integer> origins = new ArrayList<>();
    private final List<Double> maseScale = new ArrayList<>();
    private final Map<Integer, boolean[]> publishedByDay = new java.util.HashMap<>();

    /** Origins a week apart, the last {@code horizon} days before the end; as many as fit, at most {@code folds}. */
    RollingOrigin(ChannelData data, int horizon, int folds) {
        this.data = data;
        this.horizon = horizon;
        for (int k = folds - 1; k >= 0; k--) {
            int origin = data.days() - horizon - k * STEP_DAYS;
            if (origin >= MIN_TRAIN_DAYS) {
                origins.add(origin);
                maseScale.add(naiveScale(origin));
            }
        }
    }

    int folds() {
        return origins.size();
    }

    /** Day index (in the channel data) where each fold's forecast starts. */
    List<Integer> origins() {
        return List.copyOf(origins);
    }

    Map<String, Score> evaluate(List<ForecastMethod> methods, Consumer<String> progress) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (ForecastMethod m : methods) {
            scores.put(m.name(), new Score(m.name()));
        }
        for (int f = 0; f < origins.size(); f++) {
            int origin = origins.get(f);
            Series train = data.fit.head(origin);
            progress.accept(data.channel + ": backtest fold " + (f + 1) + "/" + origins.size() + " (origin "
                    + data.date(origin) + ")");
            for (ForecastMethod m : methods) {
                Score s = scores.get(m.name());
                // parameters are estimated at the first origin only; later origins rebuild the state with them
                ForecastMethod use = s.frozen == null ? m : s.frozen;
                long t0 = System.nanoTime();
                double[][] fc = use.forecast(train, horizon);
                if (s.frozen == null) {
                    s.frozen = use.frozen();
                }
                s.seconds += (System.nanoTime() - t0) / 1e9;
                s.forecasts.add(fc);
                score(s, f, fc);
            }
        }
        return scores;
    }

    /** Scores a forecast made elsewhere (e.g. a combination of stored fold forecasts). */
    Score scoreForecasts(String name, List<double[][]> foldForecasts) {
        Score s = new Score(name);
        for (int f = 0; f < foldForecasts.size(); f++) {
            s.forecasts.add(foldForecasts.get(f));
            score(s, f, foldForecasts.get(f));
        }
        return s;
    }

    private void score(Score s, int fold, double[][] fc) {
        int origin = origins.get(fold);
        List<Point> pts = new ArrayList<>();
        double[] bAbs = new double[LeadTimeBlend.EDGES.length + 1];
        double[] bAct = new double[LeadTimeBlend.EDGES.length + 1];
        double abs = 0;
        for (int j = 0; j < horizon && origin + j < data.days(); j++) {
            int t = origin + j;
            // scored against what happened (unusual days included): the errors a planner will meet
            if (!data.observed.open(t)) {
                continue;
            }
            double[] actual = data.observed.day(t);
            double dayF = 0;
            double dayA = 0;
            boolean[] published = published(t);
            for (int i = 0; i < data.slots; i++) {
                if (!published[i]) {
                    continue;
                }
                double f = fc[j][i];
                double a = actual[i];
                abs += Math.abs(a - f);
                s.absError += Math.abs(a - f);
                s.actual += a;
                s.signedError += f - a;
                pts.add(new Point(j, i, a, f));
                bAbs[LeadTimeBlend.bucket(j)] += Math.abs(a - f);
                bAct[LeadTimeBlend.bucket(j)] += a;
                dayF += f;
                dayA += a;
            }
            s.dayAbsError += Math.abs(dayF - dayA);
            s.dayActual += dayA;
        }
        s.points.add(pts);
        s.bucketAbs.add(bAbs);
        s.bucketActual.add(bAct);
        double scale = maseScale.get(fold);
        if (!pts.isEmpty() && scale > 0) {
            s.maseSum += abs / pts.size() / scale;
            s.maseFolds++;
        }
    }

    /** The intervals of day {@code t} a forecast would publish (opening hours, not the spring-forward gap); cached. */
    private boolean[] published(int t) {
        return publishedByDay.computeIfAbsent(t, day -> {
            DayOfWeek wd = data.date(day).getDayOfWeek();
            boolean[] p = new boolean[data.slots];
            for (int i = 0; i < data.slots; i++) {
                p[i] = data.open(wd, i) && ChannelData.multiplicity(data.zone,
                        data.date(day).atStartOfDay().plusMinutes((long) i * data.minutes)) != 0;
            }
            return p;
        });
    }

    /** Mean absolute error of the week-ago naive forecast inside the training data (the MASE scale). */
    private double naiveScale(int origin) {
        double sum = 0;
        long n = 0;
        for (int d = 7; d < origin; d++) {
            if (!data.fit.open(d) || !data.fit.open(d - 7)) {
                continue;
            }
            DayOfWeek wd = data.date(d).getDayOfWeek();
            double[] a = data.fit.day(d);
            double[] b = data.fit.day(d - 7);
            for (int i = 0; i < data.slots; i++) {
                if (data.open(wd, i)) {
                    sum += Math.abs(a[i] - b[i]);
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
