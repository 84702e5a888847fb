package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ErlangATest {

    /**
     * Independent reference: the M/M/N+M birth–death chain truncated at {@code cap} customers, its stationary
     * law solved as a linear system (πQ = 0, Σπ = 1; from its product form in logs when too big for a dense
     * solve); then a tagged arrival (PASTA) followed through its queue
     * by integrating the Kolmogorov equations of "customers ahead of it" (each ahead leaves at Nμ + iθ, it
     * abandons itself at θ) up to the answer time.
     */
    static StaffingResult exact(int n, double load, double aht, double patience, double answer, int cap) {
        double mu = 1 / aht;
        double theta = 1 / patience;
        double lambda = load * mu;
        int states = cap + 1;
        double[] pi = states <= 600 ? stationaryByLinearSolve(n, lambda, mu, theta, cap)
                : stationaryByProducts(n, lambda, mu, theta, cap);
        double immediate = 0;
        for (int k = 0; k < n; k++) {
            immediate += pi[k];
        }
        double queue = 0;
        double answeredLate = 0;
        double waitOfAnswered = 0;
        for (int m = 0; n + m < states; m++) {
            queue += m * pi[n + m];
            double served = 1;
            double meanWait = 0;
            for (int i = 0; i <= m; i++) {
                double move = n * mu + i * theta;
                served *= move / (move + theta);
                meanWait += 1 / (move + theta);
            }
            answeredLate += pi[n + m] * served;
            waitOfAnswered += pi[n + m] * served * meanWait;
        }
        double abandonment = theta * queue / lambda;
        int ahead = states - n;
        double[] p = new double[ahead + 1]; // p[i]: i ahead; p[ahead]: answered by now
        for (int m = 0; m < ahead; m++) {
            p[m] = pi[n + m];
        }
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return ahead + 1;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] dy) {
                for (int i = 0; i < ahead; i++) {
                    double out = n * mu + (i + 1) * theta;
                    dy[i] = -out * y[i] + (i + 1 < ahead ? (n * mu + (i + 1) * theta) * y[i + 1] : 0);
                }
                dy[ahead] = n * mu * y[0];
            }
        };
        if (answer > 0) {
            new DormandPrince853Integrator(1e-9, 100, 1e-14, 1e-14).integrate(ode, 0, p, answer, p);
        }
        double serviceLevel = immediate + p[ahead];
        double asa = waitOfAnswered / (immediate + answeredLate);
        return new StaffingResult(n, serviceLevel, asa, load * (1 - abandonment) / n, abandonment);
    }

    private static double[] stationaryByLinearSolve(int n, double lambda, double mu, double theta, int cap) {
        int states = cap + 1;
        RealMatrix a = new Array2DRowRealMatrix(states, states);
        for (int k = 0; k < states; k++) {
            double death = Math.min(k, n) * mu + Math.max(0, k - n) * theta;
            double birth = k < cap ? lambda : 0;
            // Column k of Qᵀ holds the rates out of state k.
            if (k < cap) {
                a.addToEntry(k + 1, k, birth);
            }
            if (k > 0) {
                a.addToEntry(k - 1, k, death);
            }
            a.addToEntry(k, k, -(birth + death));
        }
        for (int k = 0; k < states; k++) {
            a.setEntry(0, k, 1.0); // replace one balance equation by normalisation
        }
        RealVector rhs = new ArrayRealVector(states);
        rhs.setEntry(0, 1.0);
        return new LUDecomposition(a).getSolver().solve(rhs).toArray();

    }

    /** Product form π_k ∝ Π λ/death(j), in logs: for chains too big for a dense solve. */
    private static double[] stationaryByProducts(int n, double lambda, double mu, double theta, int cap) {
        double[] log = new double[cap + 1];
        double max = 0;
        for (int k = 1; k <= cap; k++) {
            log[k] = log[k - 1] + Math.log(lambda / (Math.min(k, n) * mu + Math.max(0, k - n) * theta));
            max = Math.max(max, log[k]);
        }
        double[] pi = new double[cap + 1];
        double sum = 0;
        for (int k = 0; k <= cap; k++) {
            pi[k] = Math.exp(log[k] - max);
            sum += pi[k];
        }
        for (int k = 0; k <= cap; k++) {
            pi[k] /= sum;
        }
        return pi;
    }

    @ParameterizedTest
    @CsvSource({
        // servers, Erlangs, AHT s, patience s, answer s
        "1, 0.1, 300, 60, 20",
        "2, 0.1, 120, 30, 5",
        "1, 0.5, 300, 60, 20",
        "3, 2.5, 240, 120, 30",
        "10, 10, 180, 180, 20",
        "12, 10, 180, 180, 20",
        "8, 12, 300, 90, 15",
        "20, 18, 300, 600, 0",
        "25, 40, 200, 30, 10",
        "5, 2, 600, 3000, 60",
    })
    void matchesTruncatedBirthDeathChain(int n, double load, double aht, double patience, double answer) {
        StaffingResult exact = exact(n, load, aht, patience, answer, n + 400);
        StaffingResult r = ErlangA.evaluate(n, load, aht, patience, answer);
        assertThat(r.serviceLevel()).isCloseTo(exact.serviceLevel(), within(1e-9));
        assertThat(r.abandonment()).isCloseTo(exact.abandonment(), within(1e-9));
        assertThat(r.asaSeconds()).isCloseTo(exact.asaSeconds(), within(1e-7 * Math.max(1, exact.asaSeconds())));
        assertThat(r.occupancy()).isCloseTo(exact.occupancy(), within(1e-9));
        assertThat(ErlangA.probabilityOfWaiting(n, load, aht, patience))
                .isCloseTo(1 - exact(n, load, aht, patience, 0, n + 400).serviceLevel(), within(1e-9));
    }

    @Test
    void approachesErlangCAsPatienceGrows() {
        StaffingResult c = ErlangC.evaluate(12, 10, 180, 20);
        double previousGap = Double.POSITIVE_INFINITY;
        for (double patience : new double[] {1e2, 1e3, 1e4, 1e5, 1e6, 1e7}) {
            StaffingResult a = ErlangA.evaluate(12, 10, 180, patience, 20);
            double gap = Math.abs(a.serviceLevel() - c.serviceLevel()) + Math.abs(a.asaSeconds() - c.asaSeconds())
                    / c.asaSeconds();
            assertThat(gap).isLessThan(previousGap);
            previousGap = gap;
        }
        StaffingResult far = ErlangA.evaluate(12, 10, 180, 1e8, 20);
        assertThat(far.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-5));
        assertThat(far.asaSeconds()).isCloseTo(c.asaSeconds(), within(1e-4 * c.asaSeconds()));
        assertThat(far.abandonment()).isLessThan(1e-5);
    }

    @Test
    void impatientCallersMakeALossSystem() {
        // With patience → 0 nobody queues: callers finding all busy are lost, with Erlang B probability.
        StaffingResult r = ErlangA.evaluate(10, 8, 300, 1e-6, 0);
        assertThat(r.abandonment()).isCloseTo(ErlangC.erlangB(10, 8), within(1e-6));
        assertThat(r.serviceLevel()).isCloseTo(1 - ErlangC.erlangB(10, 8), within(1e-6));
    }

    @Test
    void overloadAndHugeLoads() {
        // 5 agents for 2000 Erlangs: they answer 5 Erlangs' worth, everyone else hangs up.
        StaffingResult over = ErlangA.evaluate(5, 2000, 300, 180, 20);
        assertThat(over.abandonment()).isCloseTo(1 - 5 / 2000.0, within(1e-6));
        assertThat(over.occupancy()).isCloseTo(1.0, within(1e-9));
        // At 2000 Erlangs with 3-minute patience fewer agents than Erlangs reach 80/20: the ~7 % who abandon
        // keep the queue short, and the rest wait about ln(λ/Nμ)/θ ≈ 15 s (the efficiency-driven regime of
        // Whitt, "Efficiency-driven heavy-traffic approximations for many-server queues with abandonments",
        // Management Science 50(10), 2004). Checked against the exact chain.
        int n = ErlangA.required(2000, 300, 180, 0.8, 20, Double.NaN);
        assertThat(n).isBetween(1800, 1999);
        StaffingResult exact = exact(n, 2000, 300, 180, 20, n + 1500);
        StaffingResult big = ErlangA.evaluate(n, 2000, 300, 180, 20);
        assertThat(big.serviceLevel()).isCloseTo(exact.serviceLevel(), within(1e-8));
        assertThat(big.abandonment()).isCloseTo(exact.abandonment(), within(1e-8));
        assertThat(big.asaSeconds()).isCloseTo(exact.asaSeconds(), within(1e-6));
        StaffingResult r = ErlangA.evaluate(n, 2000, 300, 180, 20);
        assertThat(r.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangA.evaluate(n - 1, 2000, 300, 180, 20).serviceLevel()).isLessThan(0.8);
        StaffingResult calm = ErlangA.evaluate(3000, 1, 300, 180, 20);
        assertThat(calm.serviceLevel()).isEqualTo(1.0);
        assertThat(calm.asaSeconds()).isZero();
        assertThat(ErlangA.evaluate(0, 3, 300, 180, 20).abandonment()).isEqualTo(1.0);
        assertThat(ErlangA.required(0, 300, 180, 0.8, 20, Double.NaN)).isZero();
    }

    @Test
    void heavyOverloadWithVeryLongPatienceFollowsTheFluidLimit() {
        // 100 agents, 333 Erlangs: in overload the agents are always busy, so abandonment = 1 − N/a, and a
        // caller who gets through waited ln(a/N)/θ (Whitt 2004, fluid limit; exact as patience/AHT → ∞). These
        // cases run the series from near its peak, skipping millions of negligible terms.
        for (double patience : new double[] {1e5, 1e7, 1e9}) {
            StaffingResult r = ErlangA.evaluate(100, 333, 300, patience, 20);
            assertThat(r.abandonment()).isCloseTo(1 - 100 / 333.0, within(1e-6));
            assertThat(r.asaSeconds() / patience).isCloseTo(Math.log(3.33), within(2e-3));
            // True SL is ~0; what remains is the rounding of the log-gamma jump (≈ 1e-16 · z·ln z).
            assertThat(r.serviceLevel()).isLessThan(1e-6);
        }
    }

    @Property(tries = 200)
    void moreAgentsNeverHurt(@ForAll @DoubleRange(min = 0.1, max = 400) double load,
                             @ForAll @IntRange(min = 0, max = 500) int agents,
                             @ForAll @DoubleRange(min = 5, max = 1000) double patience,
                             @ForAll @DoubleRange(min = 0, max = 120) double answer) {
        StaffingResult a = ErlangA.evaluate(agents, load, 300, patience, answer);
        StaffingResult b = ErlangA.evaluate(agents + 1, load, 300, patience, answer);
        assertThat(b.serviceLevel()).isGreaterThanOrEqualTo(a.serviceLevel() - 1e-12);
        assertThat(b.abandonment()).isLessThanOrEqualTo(a.abandonment() + 1e-12);
        if (agents > 0) {
            assertThat(b.asaSeconds()).isLessThanOrEqualTo(a.asaSeconds() * (1 + 1e-9) + 1e-12);
            // Occupancy = a(1 − P(ab))/N: in overload 1 − P(ab) is a difference near 0, good to ~1e-13.
            assertThat(b.occupancy()).isLessThanOrEqualTo(a.occupancy() + 1e-9);
        }
    }

    @Property(tries = 200)
    void longerAnswerTimesOnlyAddAnsweredCallers(@ForAll @DoubleRange(min = 0.1, max = 300) double load,
                                                 @ForAll @IntRange(min = 1, max = 400) int agents,
                                                 @ForAll @DoubleRange(min = 5, max = 1000) double patience,
                                                 @ForAll @DoubleRange(min = 0, max = 300) double answer) {
        StaffingResult r = ErlangA.evaluate(agents, load, 300, patience, answer);
        StaffingResult later = ErlangA.evaluate(agents, load, 300, patience, answer + 10);
        StaffingResult forever = ErlangA.evaluate(agents, load, 300, patience, 1e7);
        assertThat(later.serviceLevel()).isGreaterThanOrEqualTo(r.serviceLevel() - 1e-12);
        assertThat(r.serviceLevel()).isLessThanOrEqualTo(1 - r.abandonment() + 1e-12);
        // Waiting long enough, every caller who does not abandon counts as answered in time.
        assertThat(forever.serviceLevel()).isCloseTo(1 - forever.abandonment(), within(1e-9));
        assertThat(later.abandonment()).isEqualTo(r.abandonment());
    }

    @Property(tries = 200)
    void requiredIsTheFewestMeetingTarget(@ForAll @DoubleRange(min = 0.1, max = 800) double load,
                                          @ForAll @DoubleRange(min = 10, max = 600) double patience,
                                          @ForAll @DoubleRange(min = 0.5, max = 0.98) double target) {
        int n = ErlangA.required(load, 300, patience, target, 20, 0.9);
        assertThat(ErlangA.meets(ErlangA.evaluate(n, load, 300, patience, 20), target, 0.9)).isTrue();
        if (n > 1) {
            assertThat(ErlangA.meets(ErlangA.evaluate(n - 1, load, 300, patience, 20), target, 0.9)).isFalse();
        }
    }
}
