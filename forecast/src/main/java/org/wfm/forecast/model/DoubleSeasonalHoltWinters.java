package org.wfm.forecast.model;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Double-seasonal Holt-Winters exponential smoothing with a within-day and a within-week cycle and a
 * first-order autoregressive adjustment of the one-step error, after J.W. Taylor, "Short-term
 * electricity demand forecasting using double seasonal exponential smoothing", JORS 54 (2003) 799-805,
 * and its application to intraday call arrivals in J.W. Taylor, "A comparison of univariate time series
 * methods for forecasting intraday arrivals at a call center", Management Science 54(2) (2008) 253-265.
 *
 * <p>Differences from Taylor (2003), stated here because they are choices: seasonality is additive
 * (Taylor's is multiplicative; both were tried on the samples and gave the same WAPE within 0.1 point,
 * and additive indices stay finite for intervals with zero volume); there is no trend term, which over
 * lead times of weeks mostly extrapolates noise; positions of the week that never have volume in the
 * fitted window (nights, closed days) are skipped, so that only opening hours are smoothed. The
 * smoothing parameters (level α, daily δ, weekly ω, AR φ) minimise the in-sample sum of squared
 * one-step errors with BOBYQA (Powell 2009) from Commons Math, with α bounded so that the level
 * remembers at least two days. Outliers are damped in the state updates with a Huber-type
 * cleaning of the error, as in Gelper, Fried &amp; Croux, "Robust forecasting with exponential and
 * Holt-Winters smoothing", J. Forecasting 29 (2010) 285-300.
 *
 * <p>Assumptions: the recent {@value #FIT_WEEKS} weeks set the level and the daily and weekly shapes;
 * the annual cycle, which a half-year fit cannot see, is added afterwards from the same dates in earlier
 * years ({@link AnnualPattern}; over December origins on the samples this cut the day-total WAPE from
 * 22 % to 13 %). Closed days are imputed from neighbouring weeks before smoothing.
 */
public final class DoubleSeasonalHoltWinters implements ForecastMethod {
    public static final String NAME = "holt-winters";
    /**
     * Weeks fitted: half a year lets the weekly indices settle (WAPE 29.0 % against 29.4 % with 16 weeks
     * on the samples) and is still fast.
     */
    static final int FIT_WEEKS = 26;
    /** At most this many intervals are smoothed per evaluation: 26 weeks of 15-minute data, 8 of 5-minute. */
    static final int FIT_POINTS = 18_000;
    private static final double HUBER_K = 3.0;

    private double[] lastParameters;
    /** Parameters held fixed (no estimation), or null to estimate them on every call. */
    private final double[] fixedParameters;

    public DoubleSeasonalHoltWinters() {
        this(null);
    }

    /** With fixed (α, δ, ω, φ): the smoother runs on each history without re-estimating them. */
    public DoubleSeasonalHoltWinters(double[] parameters) {
        this.fixedParameters = parameters == null ? null : parameters.clone();
    }

    @Override
    public ForecastMethod frozen() {
        double[] p = fixedParameters != null ? fixedParameters : lastParameters;
        return p == null ? this : new DoubleSeasonalHoltWinters(p);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The fitted (α, δ, ω, φ) of the last call, for reporting and tests. */
    public double[] lastParameters() {
        return lastParameters == null ? null : lastParameters.clone();
    }

    @Override
    public double[][] forecast(Series history, int horizonDays) {
        int s = history.slots();
        double[][] filled = history.filled();
        int weeks = Math.min(Math.min(FIT_WEEKS, Math.max(3, FIT_POINTS / (7 * s))), filled.length / 7);
        if (weeks < 3) {
            return new WeekdayAverage(8).forecast(history, horizonDays);
        }
        int firstDay = filled.length - weeks * 7;
        double[] y = new double[weeks * 7 * s];
        for (int d = 0; d < weeks * 7; d++) {
            System.arraycopy(filled[firstDay + d], 0, y, d * s, s);
        }
        // The level's memory (1/α intervals) must span two days or more: forecasts are days ahead, and with
        // the freely fitted α (≈0.09 per 15 minutes on the samples) the level followed the intraday shape
        // and the forecast inherited Saturday evening's level (bias -6.7 %; -1.5 % with this bound).
        // The optimiser works on α / αmax so that all four parameters live on [0, 1].
        double alphaMax = 1.0 / (2 * s);
        double[] best = fixedParameters != null ? fixedParameters.clone() : estimate(y, s, alphaMax);
        lastParameters = best;
        double[][] out = new double[horizonDays][s];
        run(y, s, best, out);
        // The smoother has no annual cycle; last year's change from these weeks to the target days adds it.
        double[] annual = AnnualPattern.logFactors(history, horizonDays);
        for (int j = 0; j < horizonDays; j++) {
            double f = Math.exp(annual[j]);
            for (int i = 0; i < s; i++) {
                out[j][i] *= f;
            }
        }
        return out;
    }

    /** (α, δ, ω, φ) minimising the one-step SSE; α is searched as a share of {@code alphaMax}. */
    private static double[] estimate(double[] y, int s, double alphaMax) {
        MultivariateFunction sse = p -> run(y, s, new double[] {p[0] * alphaMax, p[1], p[2], p[3]}, null);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(9, 0.1, 1e-4);
        double[] unit;
        try {
            PointValuePair opt = optimizer.optimize(new MaxEval(400), new ObjectiveFunction(sse), GoalType.MINIMIZE,
                    new InitialGuess(new double[] {0.5, 0.1, 0.1, 0.5}),
                    new SimpleBounds(new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 0.99}));
            unit = opt.getPoint();
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            // Too many evaluations, or BOBYQA's "trust region step has failed to reduce Q" on a flat objective
            // (a constant series: every smoothing parameter fits equally well): the initial guess is as good.
            unit = new double[] {0.5, 0.1, 0.1, 0.5};
        }
        return new double[] {unit[0] * alphaMax, unit[1], unit[2], unit[3]};
    }

    /**
     * Runs the smoother over {@code y}; returns the SSE of one-step forecasts after the two start-up
     * weeks, and when {@code out} is given fills it with the forecasts that follow the series.
     */
    static double run(double[] y, int s, double[] p, double[][] out) {
        int week0 = 7 * s;
        boolean[] active = new boolean[week0];
        for (int t = 0; t < y.length; t++) {
            active[t % week0] |= y[t] > 0;
        }
        return run(y, s, p, out, active);
    }

    /**
     * Closed positions of the week (never any volume in the window: nights, Sundays) are skipped, as
     * Taylor's series held only the centre's opening hours; otherwise the level would swing between the
     * open day and the empty night.
     */
    private static double run(double[] y, int s, double[] p, double[][] out, boolean[] active) {
        double alpha = p[0];
        double delta = p[1];
        double omega = p[2];
        double phi = p[3];
        int week = 7 * s;
        double level = 0;
        int activeCount = 0;
        for (int t = 0; t < 2 * week; t++) {
            if (active[t % week]) {
                level += y[t];
                activeCount++;
            }
        }
        level /= Math.max(1, activeCount);
        double[] w = new double[week];
        double[] d = new double[s];
        double[] scale = new double[s];
        for (int i = 0; i < week; i++) {
            w[i] = (y[i] + y[i + week]) / 2 - level;
            scale[i % s] += (Math.abs(y[i] - y[i + week]) + 1.0) / 14;
        }
        double sse = 0;
        double e = 0;
        for (int t = 0; t < y.length; t++) {
            int is = t % s;
            int iw = t % week;
            if (!active[iw]) {
                continue;
            }
            double base = level + d[is] + w[iw];
            double err = y[t] - base;
            if (t >= 2 * week) {
                double oneStep = err - phi * e;
                sse += oneStep * oneStep;
            }
            double bound = HUBER_K * scale[is];
            double clean = Math.max(-bound, Math.min(bound, err));
            scale[is] = 0.9 * scale[is] + 0.1 * Math.min(Math.abs(err), bound) * 1.25 + 1e-9;
            double yc = base + clean;
            double newLevel = alpha * (yc - d[is] - w[iw]) + (1 - alpha) * level;
            double newD = delta * (yc - newLevel - w[iw]) + (1 - delta) * d[is];
            w[iw] = omega * (yc - newLevel - d[is]) + (1 - omega) * w[iw];
            d[is] = newD;
            level = newLevel;
            e = clean;
        }
        if (out != null) {
            int n = y.length;
            double ar = e;
            for (int j = 0; j < out.length; j++) {
                for (int i = 0; i < s; i++) {
                    int t = n + j * s + i;
                    if (!active[t % week]) {
                        continue;
                    }
                    ar *= phi;
                    out[j][i] = Math.max(0, level + d[t % s] + w[t % week] + ar);
                }
            }
        }
        return sse;
    }
}
