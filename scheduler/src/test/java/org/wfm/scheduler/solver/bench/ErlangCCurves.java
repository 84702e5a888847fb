package org.wfm.scheduler.solver.bench;

import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurve;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/**
 * A self-contained Erlang C service curve for generated benchmark instances (the product's own staffing maths
 * lives in org.wfm.scheduler.staffing; the benchmark must not depend on its progress). Erlang C as in Gans,
 * Koole and Mandelbaum, Telephone call centers: tutorial, review, and research prospects, MSOM 5(2), 2003:
 * SL = 1 − C(N, A)·exp(−(N − A)·T / AHT); chat uses N·concurrency servers. Shrinkage removes agents first.
 */
public final class ErlangCCurves implements ServiceCurveFactory {

    @Override
    public ServiceCurve curve(Channel ch, Requirement r, int intervalMinutes) {
        double aht = r.ahtSeconds() > 0 ? r.ahtSeconds() : ch.ahtSeconds();
        double load = r.forecastVolume() * aht / (intervalMinutes * 60.0);
        int conc = ch.kind() == ChannelKind.CONCURRENT ? ch.concurrency() : 1;
        double shrink = Double.isNaN(ch.shrinkage()) ? 0.0 : ch.shrinkage();
        return new ServiceCurve() {
            @Override
            public double volume() {
                return r.forecastVolume();
            }

            @Override
            public double serviceLevel(double x) {
                double n = x * (1 - shrink) * conc;
                int lo = (int) Math.floor(n);
                double f = n - lo;
                return (1 - f) * sl(lo, load, aht, ch.answerSeconds()) + f * sl(lo + 1, load, aht, ch.answerSeconds());
            }
        };
    }

    public static double sl(int n, double a, double aht, double t) {
        if (a <= 0) {
            return 1.0;
        }
        if (n <= a) {
            return 0.0;
        }
        double b = 1.0;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        double c = n * b / (n - a * (1 - b));
        return Math.max(0.0, 1.0 - c * Math.exp(-(n - a) * t / aht));
    }

    /** Fewest servers reaching the target. */
    public static int servers(double a, double aht, double target, double t) {
        if (a <= 0) {
            return 0;
        }
        int n = Math.max(1, (int) Math.ceil(a));
        while (sl(n, a, aht, t) < target) {
            n++;
        }
        return n;
    }
}
