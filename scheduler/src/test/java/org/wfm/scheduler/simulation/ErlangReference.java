package org.wfm.scheduler.simulation;

/**
 * Reference queueing formulas for validating the simulation, kept in test code so the tests do not depend on
 * the staffing package.
 *
 * <p>Erlang C (M/M/N): Erlang B by its recursion B(0) = 1, B(n) = A·B(n−1) ÷ (n + A·B(n−1)); then
 * C = N·B ÷ (N − A·(1 − B)), P(W ≤ t) = 1 − C·e^{−(Nμ − λ)t}, E[W] = C ÷ (Nμ − λ) (Gross &amp; Harris,
 * Fundamentals of Queueing Theory, §2.3).
 *
 * <p>Erlang A (M/M/N+M, Palm): the birth–death chain of the number in system, birth λ, death
 * min(n, N)·μ + max(n − N, 0)·θ, truncated where the stationary probabilities vanish and solved directly.
 * An arrival finding k others queued (PASTA) moves up at rate r_j = Nμ + jθ while j are ahead and abandons
 * at rate θ, so it is served with probability Π p_j, p_j = r_j ÷ (r_j + θ), and, given service, waits a sum
 * of independent Exp(r_j + θ) stages (Mandelbaum &amp; Zeltyn, "The M/M/n+G queue", 2004, for the general
 * case). P(wait ≤ t, served) uses that hypoexponential CDF, integrated as its Kolmogorov backward ODE.
 */
final class ErlangReference {
    private ErlangReference() {
    }

    record Figures(double serviceLevel, double asa, double abandonment, double occupancy) {
    }

    static Figures erlangC(int n, double lambda, double mu, double t) {
        double a = lambda / mu;
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        double c = n * b / (n - a * (1 - b));
        double sl = 1 - c * Math.exp(-(n * mu - lambda) * t);
        return new Figures(sl, c / (n * mu - lambda), 0, a / n);
    }

    static Figures erlangA(int n, double lambda, double mu, double theta, double t) {
        int max = n + 2000;
        double[] pi = new double[max + 1];
        pi[0] = 1;
        double total = 1;
        int last = max;
        for (int k = 1; k <= max; k++) {
            double death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
            pi[k] = pi[k - 1] * lambda / death;
            total += pi[k];
            if (k > n && pi[k] < 1e-16 * total) {
                last = k;
                break;
            }
        }
        for (int k = 0; k <= last; k++) {
            pi[k] /= total;
        }
        int queueMax = last - n;
        double[] stage = new double[queueMax + 1];
        for (int j = 0; j <= queueMax; j++) {
            stage[j] = n * mu + j * theta + theta;
        }
        double[] within = hypoexponentialCdf(stage, t);

        double served = 0;
        double inTarget = 0;
        double waitServed = 0;
        double busy = 0;
        for (int k = 0; k < n && k <= last; k++) {
            served += pi[k];
            inTarget += pi[k];
            busy += pi[k] * k;
        }
        double survive = 1;
        double meanStages = 0;
        for (int q = 0; q <= queueMax; q++) {
            double p = pi[n + q];
            busy += p * n;
            double r = n * mu + q * theta;
            survive *= r / (r + theta);
            meanStages += 1 / stage[q];
            served += p * survive;
            inTarget += p * survive * within[q];
            waitServed += p * survive * meanStages;
        }
        return new Figures(inTarget, waitServed / served, 1 - served, busy / n);
    }

    /**
     * cdf[k] = P(Exp(a_0) + … + Exp(a_k) ≤ t), from f_k' = a_k (f_{k−1} − f_k), f_{−1} = 1, f_k(0) = 0, by RK4.
     */
    private static double[] hypoexponentialCdf(double[] a, double t) {
        int m = a.length;
        double[] f = new double[m];
        int steps = 4000;
        double h = t / steps;
        double[] k1 = new double[m];
        double[] k2 = new double[m];
        double[] k3 = new double[m];
        double[] k4 = new double[m];
        double[] tmp = new double[m];
        for (int s = 0; s < steps; s++) {
            derivative(a, f, k1);
            for (int i = 0; i < m; i++) {
                tmp[i] = f[i] + h / 2 * k1[i];
            }
            derivative(a, tmp, k2);
            for (int i = 0; i < m; i++) {
                tmp[i] = f[i] + h / 2 * k2[i];
            }
            derivative(a, tmp, k3);
            for (int i = 0; i < m; i++) {
                tmp[i] = f[i] + h * k3[i];
            }
            derivative(a, tmp, k4);
            for (int i = 0; i < m; i++) {
                f[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return f;
    }

    private static void derivative(double[] a, double[] f, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double previous = i == 0 ? 1 : f[i - 1];
            out[i] = a[i] * (previous - f[i]);
        }
    }
}
