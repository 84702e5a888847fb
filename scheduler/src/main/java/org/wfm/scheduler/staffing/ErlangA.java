package org.wfm.scheduler.staffing;

import org.apache.commons.math3.special.Gamma;

/**
 * Erlang A (M/M/N+M): Poisson arrivals at rate λ, exponential handle times (rate μ = 1/AHT), N agents,
 * and callers who hang up after an exponential patience (rate θ = 1/mean patience) if not answered by then.
 *
 * <p>Model and formulas: Palm (1943); Garnett, Mandelbaum &amp; Reiman, "Designing a call center with
 * impatient customers", <i>Manufacturing &amp; Service Operations Management</i> 4(3), 2002; Mandelbaum
 * &amp; Zeltyn, "The M/M/n+G queue: summary of performance measures" (Technion, technical note) and
 * "The impact of customers' patience on delay and abandonment: some empirically-driven experiments with the
 * M/M/n+G queue", <i>Queueing Systems</i> 47, 2004. With
 * {@code H(x) = (1 − e^{−θx})/θ}, {@code E = 1/B(N−1, a)} (Erlang B) and {@code J = ∫₀^∞ e^{λH(x) − Nμx} dx}, the
 * offered wait V (the wait a caller with infinite patience would have) has {@code P(V = 0) = E/(E + λJ)} and
 * density {@code λ·e^{λH(x) − Nμx}/(E + λJ)} for x &gt; 0. A caller is answered iff its patience exceeds V, so
 * <ul>
 *   <li>service level (answered within t, abandoned callers count as late)
 *       {@code = P(V = 0) + ∫₀^t e^{−θx} f_V(x) dx};</li>
 *   <li>abandonment {@code = ∫₀^∞ (1 − e^{−θx}) f_V(x) dx};</li>
 *   <li>ASA (mean wait of answered callers) {@code = ∫₀^∞ x e^{−θx} f_V(x) dx ÷ P(answered)}.</li>
 * </ul>
 *
 * <p>Evaluation without factorials or incomplete-gamma routines: the substitution {@code y = (λ/θ)e^{−θx}} turns
 * each integral into a lower incomplete gamma function, whose power series is the birth–death sum over queue
 * lengths. With {@code s = Nμ/θ}, {@code z = λ/θ} and {@code p_k = z^{k+1}/∏_{i=0..k}(s+1+i)}:
 * {@code λ∫e^{−θx}f = Σ p_k}, abandonment numerator {@code Σ (k+1)p_k / s}, ASA numerator
 * {@code Σ p_k·Σ_{i≤k} 1/(θ(s+1+i))} (the term for a caller who finds k others queued: its expected wait is the
 * sum of the mean stage times {@code 1/(Nμ + (i+1)θ)}), and the part answered after t is
 * {@code e^{z(1−e^{−θt}) − (Nμ+θ)t}·Σ z·w^k/∏_{i=0..k}(s+1+i)} with {@code w = z·e^{−θt}}. The sums run with a
 * running scale factor and are combined in log space, so loads of thousands of Erlangs and heavy over- or
 * under-staffing neither overflow nor lose the probabilities. The work is O(√z + max(0, z − s)) terms; when
 * z − s is huge (heavy overload with patience far longer than the AHT) the negligible rising terms are skipped
 * with one log-gamma jump (firstTermThatCounts).
 */
public final class ErlangA {

    /** Above this a partial sum is renormalised; far from both overflow and underflow. */
    private static final double RESCALE_ABOVE = 1e250;
    private static final double RESCALE_LOG = Math.log(RESCALE_ABOVE);
    private static final double RELATIVE_TOLERANCE = 1e-17;
    private static final double SKIP_ABOVE = 10_000;
    /**
     * A guard, not a tuning: the sums need O(√z + (s − z)⁺) terms, a few hundred thousand at the plausibility
     * limits of the inputs; a series still growing after this many terms has run off the doubles.
     */
    private static final long MAX_TERMS = 50_000_000L;

    private ErlangA() {
    }

    /**
     * All figures for {@code servers} agents offered {@code load} Erlangs (λ·AHT).
     *
     * @param patienceSeconds mean patience, &gt; 0 and finite; use {@link ErlangC} for infinite patience
     */
    public static StaffingResult evaluate(int servers, double load, double ahtSeconds, double patienceSeconds,
                                          double answerSeconds) {
        return evaluate(servers, load, ahtSeconds, patienceSeconds, answerSeconds, Double.NaN);
    }

    /**
     * As {@link #evaluate(int, double, double, double, double)} with Erlang B of {@code servers − 1} servers given
     * ({@code erlangBBelow}, NaN = compute it): a caller valuing many server counts of one load continues the
     * recursion instead of restarting it ({@link ErlangServiceCurves}); the same value either way.
     */
    static StaffingResult evaluate(int servers, double load, double ahtSeconds, double patienceSeconds,
                                   double answerSeconds, double erlangBBelow) {
        requireArguments(servers, load, ahtSeconds, patienceSeconds, answerSeconds);
        if (load <= 0.0) {
            return new StaffingResult(servers, 1.0, 0.0, 0.0, 0.0);
        }
        if (servers == 0) {
            // Nobody is answered: the mean wait of answered callers is empty and reported as 0.
            return new StaffingResult(0, 0.0, 0.0, 0.0, 1.0);
        }
        Figures f = figures(servers, load, ahtSeconds, patienceSeconds, answerSeconds, erlangBBelow);
        return new StaffingResult(servers, f.serviceLevel, f.asaSeconds,
                Math.min(1.0, load * (1.0 - f.abandonment) / servers), f.abandonment);
    }

    /** Probability that an arriving caller finds all agents busy (and so waits or abandons). */
    public static double probabilityOfWaiting(int servers, double load, double ahtSeconds, double patienceSeconds) {
        requireArguments(servers, load, ahtSeconds, patienceSeconds, 0.0);
        if (load <= 0.0) {
            return 0.0;
        }
        if (servers == 0) {
            return 1.0;
        }
        return figures(servers, load, ahtSeconds, patienceSeconds, 0.0, Double.NaN).probabilityOfWaiting;
    }

    /**
     * Fewest agents (at least 1 when there is load) with service level ≥ {@code targetSl} and occupancy ≤
     * {@code maxOccupancy} (NaN = no cap). Relies on the service level rising and the occupancy falling with
     * more agents (both checked by property tests), so a doubling then bisection search needs
     * O(log N) evaluations.
     *
     * @throws StaffingLimitException when more than {@link StaffingLimitException#MAX_SERVERS} would be needed
     */
    public static int required(double load, double ahtSeconds, double patienceSeconds, double targetSl,
                               double answerSeconds, double maxOccupancy) {
        requireArguments(0, load, ahtSeconds, patienceSeconds, answerSeconds);
        Staffing.requireTarget(targetSl, maxOccupancy);
        if (load <= 0.0) {
            return 0;
        }
        int max = StaffingLimitException.MAX_SERVERS;
        if (load > max) {
            throw StaffingLimitException.forLoad(load);
        }
        int lo = 0; // known to fail (0 agents answer nobody); ok only if target is 0 and no cap, handled below
        int hi = Math.max(1, (int) Math.ceil(load));
        while (!meets(evaluate(hi, load, ahtSeconds, patienceSeconds, answerSeconds), targetSl, maxOccupancy)) {
            if (hi >= max) {
                throw StaffingLimitException.forLoad(load);
            }
            lo = hi;
            hi = (int) Math.min(max, 2L * hi);
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (meets(evaluate(mid, load, ahtSeconds, patienceSeconds, answerSeconds), targetSl, maxOccupancy)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    static boolean meets(StaffingResult r, double targetSl, double maxOccupancy) {
        return r.serviceLevel() >= targetSl && (Double.isNaN(maxOccupancy) || r.occupancy() <= maxOccupancy);
    }

    private record Figures(double probabilityOfWaiting, double serviceLevel, double abandonment,
                           double asaSeconds) {
    }

    /** The sums of the class comment, all in log space; {@code servers ≥ 1}, {@code load > 0}. */
    private static Figures figures(int servers, double load, double aht, double patience, double answer,
                                   double erlangBBelow) {
        double mu = 1.0 / aht;
        double theta = 1.0 / patience;
        double lambda = load * mu;
        double s = servers * mu / theta;
        double z = lambda / theta;
        if (!Double.isFinite(s) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("patience of " + patience + " s is too long against an AHT of " + aht
                    + " s for Erlang A (callers that never hang up: use Erlang C)");
        }

        // log E = −log B(N−1, a); B may underflow to 0 when heavily overstaffed: log E = +∞ then gives
        // P(wait) = 0, SL = 1, ASA = 0, the right limits.
        double logE = -Math.log(Double.isNaN(erlangBBelow) ? ErlangC.erlangB(servers - 1, load) : erlangBBelow);

        // One pass over p_k for Σp_k, Σ(k+1)p_k and Σ p_k·H_k, with a shared scale.
        long k0 = firstTermThatCounts(z, s);
        double term = 1.0;
        double logScale = (k0 + 1) * Math.log(z) - logRisingFactorial(s + 1.0, k0 + 1);
        double harmonic = k0 == 0 ? 0.0 : Gamma.digamma(s + k0 + 2.0) - Gamma.digamma(s + 1.0) - 1.0 / (s + 1.0 + k0);
        double sumP = 0.0;
        double sumKP = 0.0;
        double sumHP = 0.0;
        for (long k = k0; ; k++) {
            double denom = s + 1.0 + k;
            if (k > k0) {
                term *= z / denom;
            }
            harmonic += 1.0 / denom;
            sumP += term;
            sumKP += (k + 1) * term;
            sumHP += harmonic * term;
            if (sumKP > RESCALE_ABOVE) {
                term /= RESCALE_ABOVE;
                sumP /= RESCALE_ABOVE;
                sumKP /= RESCALE_ABOVE;
                sumHP /= RESCALE_ABOVE;
                logScale += RESCALE_LOG;
            }
            // Past the peak (ratio < 1) the remaining terms fall at least geometrically.
            if (z < denom + 1.0 && (k + 1) * term <= RELATIVE_TOLERANCE * sumKP) {
                break;
            }
            requireConverging(k - k0);
        }
        double logAnsweredLate = Math.log(sumP) + logScale;        // λ∫e^{−θx} f, answered after a wait
        double logAbandon = Math.log(sumKP / s) + logScale;
        double logWaitWeighted = Math.log(sumHP / theta) + logScale;
        double logWaiting = logSumExp(logAnsweredLate, logAbandon); // λJ
        double logTotal = logSumExp(logE, logWaiting);

        double logLateAnswered = logAnsweredAfter(answer, z, s, servers * mu, theta, logAnsweredLate);
        double probabilityOfWaiting = Math.exp(logWaiting - logTotal);
        double abandonment = Math.exp(logAbandon - logTotal);
        double notInTime = Math.exp(logSumExp(logAbandon, logLateAnswered) - logTotal);
        double asa = Math.exp(logWaitWeighted - logSumExp(logE, logAnsweredLate));
        return new Figures(Math.min(1.0, probabilityOfWaiting), clamp01(1.0 - notInTime), clamp01(abandonment),
                asa);
    }

    /** log of λ∫_t^∞ e^{−θx} e^{λH(x) − Nμx} dx, the callers answered but only after t. */
    private static double logAnsweredAfter(double t, double z, double s, double serviceRate, double theta,
                                           double logAnsweredLate) {
        if (t <= 0.0) {
            return logAnsweredLate;
        }
        double w = z * Math.exp(-theta * t);
        double logPrefix = z * -Math.expm1(-theta * t) - (serviceRate + theta) * t;
        long k0 = firstTermThatCounts(w, s);
        double term = 1.0;
        double logScale = Math.log(z) + (k0 == 0 ? 0.0 : k0 * Math.log(w)) - logRisingFactorial(s + 1.0, k0 + 1);
        double sum = 0.0;
        for (long k = k0; ; k++) {
            double denom = s + 1.0 + k;
            if (k > k0) {
                term *= w / denom;
            }
            sum += term;
            if (sum > RESCALE_ABOVE) {
                term /= RESCALE_ABOVE;
                sum /= RESCALE_ABOVE;
                logScale += RESCALE_LOG;
            }
            if (w < denom + 1.0 && term <= RELATIVE_TOLERANCE * sum) {
                break;
            }
            requireConverging(k - k0);
        }
        return logPrefix + Math.log(sum) + logScale;
    }

    /**
     * Where to start a series with term ratio {@code x/(s+1+k)}: its terms rise until k ≈ x − s and are
     * log-concave with width ≈ √x, so those more than 12 widths before the peak add less than e^{−72} of the
     * sum. Skipping them keeps heavy overload with very long patience (x − s in the millions) fast; below 10,000
     * skipped terms the exact ratios are used from k = 0 instead, since the jump costs a log-gamma whose
     * rounding (≈ 1e-16 of a value ~ x·ln x, so ~1e-8 at x = 1e7) would then be the larger error.
     */
    private static long firstTermThatCounts(double x, double s) {
        double k0 = Math.floor(x - s - 1.0 - 12.0 * Math.sqrt(x));
        return k0 > SKIP_ABOVE ? (long) k0 : 0L;
    }

    /** log of s(s+1)…(s+m−1). */
    private static double logRisingFactorial(double s, long m) {
        if (m == 1) {
            return Math.log(s);
        }
        return Gamma.logGamma(s + m) - Gamma.logGamma(s);
    }

    private static double logSumExp(double x, double y) {
        if (x == Double.POSITIVE_INFINITY || y == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double max = Math.max(x, y);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(x, y) - max));
    }

    private static void requireConverging(long terms) {
        if (terms > MAX_TERMS) {
            throw new IllegalArgumentException("Erlang A series did not converge in " + MAX_TERMS + " terms");
        }
    }

    private static double clamp01(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }

    private static void requireArguments(int servers, double load, double aht, double patience, double answer) {
        if (servers < 0) {
            throw new IllegalArgumentException("servers must be ≥ 0: " + servers);
        }
        if (!(load >= 0.0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("load must be a finite number ≥ 0: " + load);
        }
        if (!(aht > 0.0) || Double.isInfinite(aht)) {
            throw new IllegalArgumentException("AHT must be a finite number > 0: " + aht);
        }
        if (!(patience > 0.0) || Double.isInfinite(patience)) {
            throw new IllegalArgumentException("patience must be a finite number > 0 (use Erlang C otherwise): "
                    + patience);
        }
        if (!(answer >= 0.0) || Double.isInfinite(answer)) {
            throw new IllegalArgumentException("answer time must be a finite number ≥ 0: " + answer);
        }
    }
}
