package org.wfm.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;

/**
 * Valid inequalities for the hiring programme ({@link HiringModel}), added to the LP relaxation at the root before
 * the exact search, so every node's bound is tighter: rounded hire counts and mixed-integer rounding (MIR) cuts of
 * the covering rows.
 *
 * <p><b>Rounded counts.</b> How many hires must have started by a class date, in the skill sets serving a set S of
 * channels, is a whole number; its least value over the LP relaxation, v, is not, and the count is at least ⌈v⌉
 * (see {@link #roundedCount}). On the samples these are the strong ones: the LP spreads fractions of a hire over
 * several early classes to cover the weeks before the next class can work, and the counts forbid it. The least
 * value is taken over the plans that could still beat the best plan known (its cost minus the optimality
 * tolerance as an upper bound on the cost), which is all the search needs: a plan left out is no better than the
 * incumbent (the objective cut-off of branch and bound, as in Wolsey, <i>Integer Programming</i>, 1998, ch. 7).
 *
 * <p><b>Base rows.</b> Every row used has the form Σ_j α_j·x_j + Σ_i c_i·v_i ≥ β, x the class sizes (whole, ≥ 0), v
 * continuous ≥ 0 with c_i &gt; 0. Two families: the programme's own covering rows (channel c, week t: single-skill
 * hires' FTE + allocations + shortfall ≥ g_ct), and their aggregation over a set S of channels with the weekly
 * allocation projected out (a Hall-type condition, as in Gale, "A theorem on flows in networks", Pacific J. Math.
 * 7, 1957): what S needs in week t, Σ_{c∈S} g_ct, is met by the single-skill hires of S's channels, every multi-skill
 * hire touching S at most once (its FTE × its best proficiency in S), every pool at most its FTE × its best mean
 * proficiency in S (a constant), and the shortfall of S's channels. The pools' share is thus taken at its largest,
 * which keeps the row valid for any allocation; it leaves the multi-skill hires' FTE as integer terms, where the
 * covering row holds them as continuous allocations, and that is what rounding can use.
 *
 * <p><b>Rounding.</b> For a base row divided by δ &gt; 0, with f = frac(β/δ) and f_j = frac(α_j/δ), the MIR
 * inequality Σ_j δ·(⌊α_j/δ⌋ + min(f_j, f)/f)·x_j + Σ_i (c_i/f)·v_i ≥ δ·⌈β/δ⌉ holds for every mixed-integer point
 * of the row (Nemhauser &amp; Wolsey, "A recursive procedure to generate all cuts for 0-1 mixed integer programs",
 * Math. Programming 46, 1990; Wolsey, <i>Integer Programming</i>, 1998, ch. 8). δ is chosen as in Marchand &amp;
 * Wolsey, "Aggregation and mixed integer rounding to solve MIPs", Operations Research 49(3), 2001: every
 * distinct coefficient of the row's classes, then the best of them halved up to three times; the cut kept
 * per row is the one of greatest efficacy (violation ÷ Euclidean norm). Rounds of separation and re-solving run a
 * fixed number of times or until a round adds nothing, and the counts' LPs within a budget, so the cuts depend on
 * the programme (and the incumbent's cost) only.
 */
final class HiringCuts {
    /** A count within this of a whole number at x* is not tried, nor a rounded count above x*'s by less. */
    static final double COUNT_FRACTION = 1e-6;
    /** An LP value is taken this much lower before rounding up (ojAlgo's values are accurate far below it). */
    static final double COUNT_SAFETY = 1e-5;
    /** Rounds of separation at the root. */
    static final int ROUNDS = 12;
    /** Cuts added per round, the most effective first. */
    static final int PER_ROUND = 40;
    /** A cut is kept only when its violation ÷ norm is at least this (FTE units). */
    static final double MIN_EFFICACY = 1e-4;
    /** δ only where f = frac(β/δ) is in [F_MIN, 1 − F_MIN]: a smaller f makes coefficients of 1/f, unsafe in floating point. */
    static final double F_MIN = 0.01;

    /** A base row Σ α_j x_j + Σ c_i v_i ≥ β (v by model index, c_i &gt; 0). */
    record Row(double[] alpha, int[] cont, double[] contCoef, double beta) {
    }

    /**
     * A cut Σ γ_j x_j + Σ c_i v_i ≥ rhs, valid for every plan (no branching bound used; a rounded count for every
     * plan no dearer than the cut-off it was taken with).
     */
    record Cut(double[] gamma, int[] cont, double[] contCoef, double rhs) {
        /** The left-hand side at class sizes x and continuous values v (by model index). */
        double lhs(double[] x, IntToDoubleFunction v) {
            double s = 0;
            for (int j = 0; j < gamma.length; j++) {
                s += gamma[j] * x[j];
            }
            for (int i = 0; i < cont.length; i++) {
                s += contCoef[i] * v.applyAsDouble(cont[i]);
            }
            return s;
        }

        private double norm() {
            double n = 0;
            for (double g : gamma) {
                n += g * g;
            }
            for (double c : contCoef) {
                n += c * c;
            }
            return Math.sqrt(Math.max(n, 1e-12));
        }

        /** Violation ÷ norm at (x, v): positive when the point is cut off. */
        double efficacy(double[] x, IntToDoubleFunction v) {
            return (rhs - lhs(x, v)) / norm();
        }
    }

    /** The root's cuts, the relaxation's value with them and its solution. */
    record Root(List<Cut> cuts, double bound, Optimisation.Result result) {
    }

    private HiringCuts() {
    }

    /**
     * Rounds of MIR separation from {@code rows} at the LP point, each adding its most effective cuts to
     * {@code relaxed} (as constraints named cut_n) and re-solving it.
     *
     * @param lp the relaxation's solution without cuts
     */
    static Root strengthen(ExpressionsBasedModel relaxed, int[] xIndex, List<Row> rows, List<int[]> counts,
                           Optimisation.Result lp, int countBudget, double cutoff) {
        List<Cut> cuts = new ArrayList<>();
        int[] lps = {0};
        Optimisation.Result r = lp;
        for (int round = 0; round < ROUNDS && r.getState().isFeasible(); round++) {
            Optimisation.Result at = r;
            double[] x = new double[xIndex.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = at.doubleValue(xIndex[j]);
            }
            IntToDoubleFunction v = at::doubleValue;
            record Found(Cut cut, double efficacy, int row) {
            }
            List<Cut> add = new ArrayList<>();
            for (int[] w : counts) {
                if (lps[0] >= countBudget) {
                    break;
                }
                Cut c = roundedCount(relaxed, xIndex, w, x, lps, cutoff);
                if (c != null) {
                    add.add(c);
                }
            }
            List<Found> found = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Cut c = separate(rows.get(i), x, v);
                if (c != null) {
                    found.add(new Found(c, c.efficacy(x, v), i));
                }
            }
            found.sort(Comparator.comparingDouble(Found::efficacy).reversed().thenComparingInt(Found::row));
            found.subList(0, Math.min(PER_ROUND, found.size())).forEach(fc -> add.add(fc.cut()));
            if (add.isEmpty()) {
                break;
            }
            for (Cut c : add) {
                Expression e = relaxed.addExpression("cut_" + cuts.size()).lower(c.rhs());
                for (int j = 0; j < c.gamma().length; j++) {
                    if (c.gamma()[j] != 0) {
                        e.add(xIndex[j], c.gamma()[j]);
                    }
                }
                for (int i = 0; i < c.cont().length; i++) {
                    e.add(c.cont()[i], c.contCoef()[i]);
                }
                cuts.add(c);
            }
            Optimisation.Result next = relaxed.copy().minimise();
            if (!next.getState().isFeasible()) {
                break;
            }
            r = next;
        }
        return new Root(cuts, r.getState().isFeasible() ? r.getValue() : Double.NaN, r);
    }

    /**
     * The rounded count of {@code members} (class indices), when it cuts off x*: Σ_{j∈members} x_j is a whole number
     * for every plan, so it is at least ⌈v⌉ with v its least value over the LP relaxation (a Chvátal–Gomory cut, the
     * rounding of a valid inequality with whole coefficients: Chvátal, "Edmonds polytopes and a hierarchy of
     * combinatorial problems", Discrete Math. 4, 1973). Only counts whose value at x* is fractional are tried (a whole
     * value is never cut off), each at the price of one LP.
     */
    static Cut roundedCount(ExpressionsBasedModel relaxed, int[] xIndex, int[] members, double[] x, int[] lps,
                            double cutoff) {
        double wx = 0;
        for (int j : members) {
            wx += x[j];
        }
        if (wx - Math.floor(wx) < COUNT_FRACTION || Math.ceil(wx) - wx < COUNT_FRACTION) {
            return null;
        }
        lps[0]++;
        ExpressionsBasedModel m = relaxed.copy();
        if (cutoff < Double.POSITIVE_INFINITY) {
            Expression cost = m.addExpression("cutoff").upper(cutoff);
            for (int i = 0; i < m.countVariables(); i++) {
                java.math.BigDecimal w = m.getVariable(i).getContributionWeight();
                if (w != null && w.signum() != 0) {
                    cost.add(i, w.doubleValue());
                }
            }
        }
        m.getVariables().forEach(var -> var.weight(0));
        for (int j : members) {
            m.getVariable(xIndex[j]).weight(1);
        }
        Optimisation.Result r = m.minimise();
        if (!r.getState().isFeasible()) {
            return null;
        }
        // a little below the LP's value before rounding up: its error must never round a whole count up
        double rhs = Math.ceil(r.getValue() - COUNT_SAFETY);
        if (!(rhs > wx + COUNT_FRACTION)) {
            return null;
        }
        double[] gamma = new double[xIndex.length];
        for (int j : members) {
            gamma[j] = 1;
        }
        return new Cut(gamma, new int[0], new double[0], rhs);
    }

    /**
     * The MIR cut of {@code row} of greatest efficacy at the LP point (x*, v*), or null when none is violated by at
     * least {@link #MIN_EFFICACY}.
     */
    static Cut separate(Row row, double[] x, IntToDoubleFunction v) {
        TreeSet<Double> deltas = new TreeSet<>();
        for (int j = 0; j < x.length; j++) {
            if (row.alpha()[j] > 1e-9) {
                deltas.add(row.alpha()[j]);
            }
        }
        Cut best = null;
        double bestEff = MIN_EFFICACY;
        double bestDelta = Double.NaN;
        for (double d : deltas) {
            Cut c = mir(row, d);
            if (c != null && c.efficacy(x, v) > bestEff) {
                best = c;
                bestEff = c.efficacy(x, v);
                bestDelta = d;
            }
        }
        for (int h = 0; best != null && h < 3; h++) {
            bestDelta /= 2;
            Cut c = mir(row, bestDelta);
            if (c != null && c.efficacy(x, v) > bestEff) {
                best = c;
                bestEff = c.efficacy(x, v);
            }
        }
        return best;
    }

    /** The MIR inequality of {@code row} divided by δ, or null when f = frac(β/δ) is too near 0 or 1. */
    static Cut mir(Row row, double delta) {
        double b = row.beta() / delta;
        if (!(Math.abs(b) < 1e7)) {
            return null;
        }
        double f = b - Math.floor(b);
        if (f < F_MIN || f > 1 - F_MIN) {
            return null;
        }
        double[] gamma = new double[row.alpha().length];
        for (int j = 0; j < gamma.length; j++) {
            double a = row.alpha()[j] / delta;
            double fj = a - Math.floor(a);
            gamma[j] = delta * (Math.floor(a) + Math.min(fj, f) / f);
        }
        double[] cc = new double[row.contCoef().length];
        for (int i = 0; i < cc.length; i++) {
            cc[i] = row.contCoef()[i] / f;
        }
        // a hair below δ·⌈β/δ⌉: rounding errors in the arithmetic above must never cut off a plan
        double rhs = delta * Math.ceil(b);
        return new Cut(gamma, row.cont(), cc, rhs - 1e-9 * Math.max(1, Math.abs(rhs)));
    }
}
