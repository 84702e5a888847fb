package org.wfm.capacity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The least-cost hiring plan of one channel, solved exactly as a small integer programme (ojAlgo's
 * {@link ExpressionsBasedModel}, branch and bound on LP relaxations):
 *
 * <pre>
 *   minimise   Σ_s C_s·x_s + Σ_{t &lt; H} p·u_t
 *   subject to Σ_{s ≤ t} a_{t−s}·x_s + u_t ≥ g_t      for every week t with g_t &gt; 0
 *              u_t = 0 for t ≥ H,   x_s ∈ {0, 1, 2, …},   u_t ≥ 0
 * </pre>
 *
 * x_s = hires in a class starting in week s, for the allowed start weeks (from the hiring lead time on, every
 * {@code classEvery} weeks); a_k = effective FTE of one hire k weeks after its start (attrition × training and
 * ramp-up, {@link Supply#perHire}); g_t = required − available FTE before the recommended hires; C_s = the cost of
 * one hire starting in week s: the hiring cost plus the expected wages to the end of the plan (a hire who leaves is
 * paid no more, but the capacity lost must be replaced: that is how attrition of hires enters the plan);
 * u_t = FTE left short in week t. Shortage is allowed, at the price p per FTE-week, only before week H, the first
 * week a class started at the lead time works at full proficiency: earlier gaps cannot be closed by hiring
 * whatever the cost. From week H on the service target is met in every week.
 *
 * <p>This is the single-stage manpower-planning model with a recruitment decision (Bartholomew, Forbes &amp;
 * McClean, <i>Statistical Techniques for Manpower Planning</i>, 1991, ch. 7; for contact centres Gans, Koole &amp;
 * Mandelbaum, MSOM 5(2) 2003, section 6, "hiring and training"), deterministic in the expected attrition.
 */
public final class HiringModel {
    static {
        org.wfm.scheduler.solver.bound.OjAlgoQuiet.load();
    }

    /** No class is larger than this (a bound for branch and bound; far above any contact centre's intake). */
    static final int MAX_CLASS = 10_000;

    /**
     * @param gap          g_t per week (FTE, positive = short)
     * @param perHire      a_k per week since the start
     * @param starts       allowed start weeks, ascending
     * @param costPerHire  C_s for each allowed start (same order)
     * @param hardFrom     H: from this week on no shortage is allowed
     * @param shortPenalty p, cost per FTE-week short before H
     */
    public record Problem(double[] gap, double[] perHire, int[] starts, double[] costPerHire, int hardFrom,
                          double shortPenalty) {
    }

    /** Class sizes per allowed start, the FTE left short per week, the objective; {@code optimal} per the solver. */
    public record Solution(int[] sizes, double[] shortfall, double objective, boolean optimal) {
        public int hires() {
            int n = 0;
            for (int s : sizes) {
                n += s;
            }
            return n;
        }
    }

    private HiringModel() {
    }

    public static Solution solve(Problem p) {
        int weeks = p.gap().length;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        List<Variable> x = new ArrayList<>();
        for (int i = 0; i < p.starts().length; i++) {
            x.add(model.addVariable("x" + p.starts()[i]).integer(true).lower(0).upper(MAX_CLASS)
                    .weight(p.costPerHire()[i]));
        }
        Variable[] u = new Variable[weeks];
        for (int t = 0; t < weeks; t++) {
            if (!(p.gap()[t] > 1e-9)) {
                continue;
            }
            Expression cover = model.addExpression("cover" + t).lower(p.gap()[t]);
            for (int i = 0; i < p.starts().length; i++) {
                int k = t - p.starts()[i];
                if (k >= 0 && k < p.perHire().length && p.perHire()[k] > 0) {
                    cover.set(x.get(i), p.perHire()[k]);
                }
            }
            if (t < p.hardFrom()) {
                u[t] = model.addVariable("u" + t).lower(0).weight(p.shortPenalty());
                cover.set(u[t], 1);
            }
        }
        Optimisation.Result r = model.minimise();
        if (!r.getState().isFeasible()) {
            throw new IllegalStateException("the hiring model has no solution (" + r.getState() + ")");
        }
        int[] sizes = new int[x.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) Math.round(value(x.get(i)));
        }
        double[] shortfall = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            shortfall[t] = u[t] == null ? 0.0 : Math.max(0.0, value(u[t]));
        }
        return new Solution(sizes, shortfall, r.getValue(), r.getState().isOptimal());
    }

    private static double value(Variable v) {
        BigDecimal b = v.getValue();
        return b == null ? 0.0 : b.doubleValue();
    }
}
