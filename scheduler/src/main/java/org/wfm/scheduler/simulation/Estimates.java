package org.wfm.scheduler.simulation;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replications' tallies combined: counts averaged, ratios pooled (Σ numerator ÷ Σ denominator, so that
 * {@code service_level = answered_in_target ÷ offered} holds in simulation.csv), each ratio with the
 * ratio-estimator confidence interval over replications (Cochran, Sampling Techniques, 3rd ed. 1977, §6.3–6.4;
 * Law, Simulation Modeling and Analysis, 5th ed. 2015, §9.4): for R = Σx ÷ Σy over n replications the half-width
 * is t(0.975, n−1) · s ÷ (√n · ȳ), s the sample standard deviation of x_r − R·y_r.
 */
final class Estimates {
    private final SimulationModel m;
    private final Tally sum;
    private final Ratio[] cellServiceLevel;
    private final Ratio[] serviceLevel;
    private final Ratio[] abandonment;
    private final Ratio[] asa;
    private final double[] offered;
    private final double[] busy;
    private final double[] available;
    private int replications;

    Estimates(SimulationModel model) {
        this.m = model;
        int cells = model.cellCount();
        sum = new Tally(cells);
        cellServiceLevel = ratios(cells);
        serviceLevel = ratios(model.channelCount);
        abandonment = ratios(model.channelCount);
        asa = ratios(model.channelCount);
        offered = new double[model.channelCount];
        busy = new double[model.channelCount];
        available = new double[model.channelCount];
    }

    private static Ratio[] ratios(int n) {
        Ratio[] r = new Ratio[n];
        for (int i = 0; i < n; i++) {
            r[i] = new Ratio();
        }
        return r;
    }

    void add(Tally t) {
        replications++;
        int channels = m.channelCount;
        double[] inTarget = new double[channels];
        double[] judged = new double[channels];
        double[] arrived = new double[channels];
        double[] abandoned = new double[channels];
        double[] answered = new double[channels];
        double[] waits = new double[channels];
        for (int k = 0; k < sum.offered.length; k++) {
            int c = k % channels;
            cellServiceLevel[k].add(t.inTarget[k], t.judged[k]);
            sum.offered[k] += t.offered[k];
            sum.judged[k] += t.judged[k];
            sum.inTarget[k] += t.inTarget[k];
            sum.abandoned[k] += t.abandoned[k];
            sum.answered[k] += t.answered[k];
            sum.waitSum[k] += t.waitSum[k];
            sum.busy[k] += t.busy[k];
            sum.available[k] += t.available[k];
            inTarget[c] += t.inTarget[k];
            judged[c] += t.judged[k];
            arrived[c] += t.offered[k];
            abandoned[c] += t.abandoned[k];
            answered[c] += t.answered[k];
            waits[c] += t.waitSum[k];
            busy[c] += t.busy[k];
            available[c] += t.available[k];
        }
        for (int c = 0; c < channels; c++) {
            serviceLevel[c].add(inTarget[c], judged[c]);
            abandonment[c].add(abandoned[c], arrived[c]);
            asa[c].add(waits[c], answered[c]);
            offered[c] += arrived[c];
        }
    }

    /** A row per interval and channel with demand or present agents, sorted by time, then channel name. */
    List<SimulationRow> rows() {
        double t = tQuantile();
        double n = replications;
        int channels = m.channelCount;
        List<SimulationRow> rows = new ArrayList<>();
        for (int k = 0; k < sum.offered.length; k++) {
            if (!m.demandCell[k] && sum.available[k] == 0 && sum.offered[k] == 0) {
                continue;
            }
            double sl = serviceLevel(sum.inTarget[k], sum.judged[k], sum.offered[k]);
            double ci = Double.isNaN(sl) ? Double.NaN : sum.judged[k] == 0 ? 0.0 : cellServiceLevel[k].halfWidth(t);
            rows.add(new SimulationRow(m.rowStart[k / channels], m.channelNames[k % channels],
                    sum.offered[k] / n, sum.inTarget[k] / n, sum.abandoned[k] / n, sl, ci,
                    asa(sum.waitSum[k], sum.answered[k], sum.offered[k]),
                    sum.available[k] > 0 ? sum.busy[k] / sum.available[k] : 0.0));
        }
        rows.sort(Comparator.comparing(SimulationRow::intervalStart).thenComparing(SimulationRow::channel));
        return rows;
    }

    Map<String, ChannelSummary> channels() {
        double t = tQuantile();
        Map<String, ChannelSummary> byChannel = new HashMap<>();
        for (int c = 0; c < m.channelCount; c++) {
            Ratio sl = serviceLevel[c];
            double level = serviceLevel(sl.sumX, sl.sumY, offered[c]);
            double levelCi = Double.isNaN(level) ? Double.NaN : sl.sumY == 0 ? 0.0 : sl.halfWidth(t);
            Ratio ab = abandonment[c];
            double abandoned = ab.sumY > 0 ? ab.sumX / ab.sumY : 0.0;
            double abandonedCi = ab.sumY > 0 ? ab.halfWidth(t) : 0.0;
            Ratio w = asa[c];
            double speed = asa(w.sumX, w.sumY, offered[c]);
            double speedCi = Double.isNaN(speed) ? Double.NaN : w.sumY == 0 ? 0.0 : w.halfWidth(t);
            byChannel.put(m.channelNames[c], new ChannelSummary(offered[c] / replications, level, levelCi,
                    abandoned, abandonedCi, speed, speedCi, available[c] > 0 ? busy[c] / available[c] : 0.0));
        }
        return byChannel;
    }

    private double tQuantile() {
        return replications > 1
                ? new TDistribution(null, replications - 1.0).inverseCumulativeProbability(0.975) : Double.NaN;
    }

    /** 1 when nothing arrived (nothing missed); NaN when contacts arrived but none can be judged. */
    private static double serviceLevel(double inTarget, double judged, double offered) {
        if (judged > 0) {
            return inTarget / judged;
        }
        return offered > 0 ? Double.NaN : 1.0;
    }

    /** 0 when nothing arrived; NaN when contacts arrived but none was answered. */
    private static double asa(double waits, double answered, double offered) {
        if (answered > 0) {
            return waits / answered;
        }
        return offered > 0 ? Double.NaN : 0.0;
    }

    /** Sums over replications of a ratio's numerator x and denominator y, for the ratio-estimator variance. */
    private static final class Ratio {
        int n;
        double sumX;
        double sumY;
        double sumXX;
        double sumYY;
        double sumXY;

        void add(double x, double y) {
            n++;
            sumX += x;
            sumY += y;
            sumXX += x * x;
            sumYY += y * y;
            sumXY += x * y;
        }

        /** t · s ÷ (√n · ȳ), s² = Σ(x − R·y)² ÷ (n − 1); NaN below two replications. */
        double halfWidth(double t) {
            if (n < 2 || sumY == 0) {
                return Double.NaN;
            }
            double r = sumX / sumY;
            double ss = Math.max(0, sumXX - 2 * r * sumXY + r * r * sumYY);
            return t * Math.sqrt(ss / (n - 1)) / (Math.sqrt(n) * (sumY / n));
        }
    }
}
