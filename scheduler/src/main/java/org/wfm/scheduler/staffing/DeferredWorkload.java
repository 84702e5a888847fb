package org.wfm.scheduler.staffing;

import java.util.Arrays;

/**
 * Spreads deferred work (email, back office) over the open intervals before its deadlines, as flat as the
 * deadlines allow.
 *
 * <p>Rule: let U(k) be the work arrived in the first k open intervals (it cannot be done before it arrives)
 * and L(k) the work whose deadline falls within the first k open intervals (it must be done by then). Every
 * feasible plan has a cumulative amount done X(k) with L(k) ≤ X(k) ≤ U(k). We take the <em>taut string</em>:
 * the shortest path from (0, 0) to (K, total) between the two curves. It is the "optimal smoothing" of
 * Salehi, Zhang, Kurose &amp; Towsley ("Supporting stored video: reducing rate variability and end-to-end
 * resource requirements through optimal smoothing", ACM SIGMETRICS 1996): among all plans meeting every
 * deadline it has the lowest peak, the lowest variance and, in fact, the lowest sum of any convex function of
 * the per-interval work (it is majorization-minimal), so it moves work into troughs exactly as far as the
 * deadlines permit and never past them. It is computed greedily: follow the widest straight cone that stays
 * between the curves; when the cone closes, bend at the constraint corner that closed it.
 * O(K) in practice (segments are about a response window long), O(K²) at worst.
 */
public final class DeferredWorkload {

    private DeferredWorkload() {
    }

    /**
     * Work to do in each interval.
     *
     * @param work     work arriving in each open interval (any unit, e.g. agent-intervals), ≥ 0
     * @param deadline for each interval i, the last interval index (≥ i, &lt; work.length) by whose end the work
     *                 arriving in interval i must be done
     * @return work done in each interval; same total as {@code work}; every prefix between L and U
     */
    public static double[] level(double[] work, int[] deadline) {
        int n = work.length;
        if (deadline.length != n) {
            throw new IllegalArgumentException("work and deadline lengths differ");
        }
        double[] upper = new double[n + 1];
        double[] dueBy = new double[n + 1];
        for (int i = 0; i < n; i++) {
            if (!(work[i] >= 0.0) || Double.isInfinite(work[i])) {
                throw new IllegalArgumentException("work must be finite and ≥ 0 at " + i + ": " + work[i]);
            }
            if (deadline[i] < i || deadline[i] >= n) {
                throw new IllegalArgumentException("deadline of interval " + i + " out of range: " + deadline[i]);
            }
            upper[i + 1] = upper[i] + work[i];
            dueBy[deadline[i] + 1] += work[i];
        }
        double[] lower = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            // Summation order differs from upper's: clamp so rounding cannot cross the curves.
            lower[k] = Math.min(lower[k - 1] + dueBy[k], upper[k]);
        }
        if (n > 0) {
            lower[n] = upper[n];
        }
        return tautString(lower, upper);
    }

    private static double[] tautString(double[] lower, double[] upper) {
        int n = lower.length - 1;
        double[] rate = new double[n];
        int pos = 0;
        double x0 = 0.0;
        while (pos < n) {
            double loSlope = Double.NEGATIVE_INFINITY;
            double hiSlope = Double.POSITIVE_INFINITY;
            int loIdx = pos;
            int hiIdx = pos;
            int bendAt = -1;
            double bendSlope = 0.0;
            double bendValue = 0.0;
            for (int k = pos + 1; k <= n; k++) {
                int d = k - pos;
                double sl = (lower[k] - x0) / d;
                double su = (upper[k] - x0) / d;
                if (sl > hiSlope) {
                    bendAt = hiIdx;
                    bendSlope = hiSlope;
                    bendValue = upper[hiIdx];
                    break;
                }
                if (su < loSlope) {
                    bendAt = loIdx;
                    bendSlope = loSlope;
                    bendValue = lower[loIdx];
                    break;
                }
                if (sl >= loSlope) {
                    loSlope = sl;
                    loIdx = k;
                }
                if (su <= hiSlope) {
                    hiSlope = su;
                    hiIdx = k;
                }
            }
            if (bendAt < 0) {
                bendAt = n;
                bendSlope = (upper[n] - x0) / (n - pos);
                bendValue = upper[n];
            }
            Arrays.fill(rate, pos, bendAt, Math.max(0.0, bendSlope));
            x0 = bendValue;
            pos = bendAt;
        }
        return rate;
    }
}
