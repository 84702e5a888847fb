package org.wfm.scheduler.staffing;

/**
 * The planned service level of a large queue: the stationary backlog-carryover approximation (Stolletz, <i>Approximation
 * of the non-stationary M(t)/M(t)/c(t)-queue using stationary queueing models: the stationary backlog-carryover
 * approach</i>, European Journal of Operational Research 190(2), 2008) with the carried backlog following the fluid
 * equation of the queue (Mandelbaum, Massey and Reiman, <i>Strong approximations for Markovian service networks</i>,
 * Queueing Systems 30, 1998): dq/dt = λ − μs − θq while q &gt; 0.
 * <p>
 * {@link CarriedBacklog} propagates the whole distribution of contacts in the system, whose cost grows with the square
 * of the staff (a channel of 1,500 agents: hours). For large systems the law of large numbers makes the queue's
 * carried part nearly deterministic, which is where this approximation is accurate and cheap: per interval, the
 * contacts still waiting from before (b) join the interval's arrivals (λ' = λ + b/T), the interval's service level is
 * Erlang C (no patience) or Erlang A at λ' with the interval's staff (fractional staff interpolated between the
 * whole numbers around it, as CarriedBacklog does), and the backlog carried on is the fluid queue at the interval's
 * end. Shrinkage is treated as CarriedBacklog treats it: the same Gauss–Hermite scenarios of present staff, mixed
 * afresh every {@code independentEvery} intervals (here the backlogs are averaged). {@link CarriedBacklog#evaluate}
 * hands a channel over to this class when its exact propagation would take more than
 * {@link CarriedBacklog#EXACT_WORK_LIMIT} elementary steps; {@code CarriedBacklogTest} measures the two against each
 * other where both run.
 */
final class BacklogCarryover {
    private BacklogCarryover() {
    }

    static CarriedBacklog.Result evaluate(double intervalSeconds, double answerSeconds, double theta, double[] volume,
                                          double[] aht, double[] servers, double[] serversSd, int independentEvery,
                                          double[] nodes, double[] weights) {
        int n = volume.length;
        double[] sl = new double[n];
        double[] end = new double[n];
        double[] backlog = new double[nodes.length];
        for (int i = 0; i < n; i++) {
            if (nodes.length > 1 && independentEvery > 0 && i > 0 && i % independentEvery == 0) {
                double mean = 0;
                for (int q = 0; q < nodes.length; q++) {
                    mean += weights[q] * backlog[q];
                }
                java.util.Arrays.fill(backlog, mean);
            }
            double lambda = volume[i] > 0 && Double.isFinite(volume[i]) ? volume[i] / intervalSeconds : 0.0;
            double mu = aht[i] > 0 ? 1.0 / aht[i] : 0.0;
            for (int q = 0; q < nodes.length; q++) {
                double s = servers[i] + nodes[q] * Math.max(0.0, serversSd[i]);
                s = Double.isFinite(s) ? Math.max(0.0, s) : 0.0;
                double b = backlog[q];
                double arriving = lambda + b / intervalSeconds;
                if (lambda > 0) {
                    sl[i] += weights[q] * serviceLevel(arriving, mu, s, answerSeconds, theta, aht[i]);
                }
                backlog[q] = fluid(b, lambda, mu * s, theta, intervalSeconds);
                end[i] += weights[q] * (backlog[q] + (mu > 0 ? Math.min(s, lambda / mu) : 0.0));
            }
            if (!(lambda > 0)) {
                sl[i] = Double.NaN;
            }
        }
        return new CarriedBacklog.Result(sl, end);
    }

    /** Waiting contacts after {@code t} seconds of dq/dt = λ − c − θq (q ≥ 0), from {@code q0}. */
    static double fluid(double q0, double lambda, double capacity, double theta, double t) {
        double drift = lambda - capacity;
        if (theta <= 0) {
            return Math.max(0.0, q0 + drift * t);
        }
        double limit = drift / theta;
        double q = limit + (q0 - limit) * Math.exp(-theta * t);
        return Math.max(0.0, q);
    }

    /** Stationary service level at arrival rate λ' with s (fractional) servers, interpolated between whole ones. */
    private static double serviceLevel(double lambda, double mu, double s, double tau, double theta, double aht) {
        if (lambda <= 0) {
            return 1.0;
        }
        if (mu <= 0 || s <= 0) {
            return 0.0;
        }
        int lo = (int) Math.floor(s);
        double frac = s - lo;
        double a = stationary(lo, lambda * aht, aht, tau, theta);
        if (frac < 1e-12) {
            return a;
        }
        double b = stationary(lo + 1, lambda * aht, aht, tau, theta);
        return a + frac * (b - a);
    }

    private static double stationary(int servers, double load, double aht, double tau, double theta) {
        if (servers <= 0) {
            return 0.0;
        }
        if (theta > 0) {
            return ErlangA.evaluate(servers, load, aht, 1.0 / theta, tau).serviceLevel();
        }
        return ErlangC.serviceLevel(servers, load, aht, tau);
    }
}
