package org.wfm.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of a hiring plan (class sizes fixed) under {@link HiringModel}'s programme, computed week by week without
 * the whole LP: with the classes fixed the programme falls apart into one small allocation LP per week (how the
 * pools and the multi-skill hires spread over the channels still short after the single-skill hires), whose least
 * shortage is priced before week H and must be zero from H on. Each week's LP is solved by the primal simplex method
 * from the all-shortage basis, which is feasible (Dantzig, <i>Linear Programming and Extensions</i>, 1963), with
 * Bland's rule against cycling (Bland, "New finite pivoting rules for the simplex method", Math. of OR 2(2), 1977).
 * A few microseconds a week, against tens of milliseconds for the whole LP: cheap enough for the local search of
 * {@link #improve}, whose plans the caller costs again with the whole LP before it trusts them.
 */
final class HiringPlanCost {
    /** A week's shortage up to this counts as none (FTE). */
    static final double TOLERANCE = 1e-7;
    private static final double EPS = 1e-9;

    private final HiringModel.Problem p;
    private final int nc;
    private final int weeks;
    private final int ns;
    private final int nx;
    /** FTE of one hire of class j (set j / ns, start j % ns) in week t, before proficiency. */
    private final double[][] fte;
    private final double[] cost;
    /** Per class: the channel index of a single-skill set and its proficiency, or −1 for a multi-skill set. */
    private final int[] singleChannel;
    private final double[] singleProf;
    private final int[] multiSets;
    private long evaluations;

    HiringPlanCost(HiringModel.Problem p) {
        this.p = p;
        this.nc = p.channels().size();
        this.weeks = nc == 0 ? 0 : p.gap()[0].length;
        this.ns = p.starts().length;
        this.nx = p.sets().size() * ns;
        this.fte = new double[weeks][nx];
        this.cost = new double[nx];
        this.singleChannel = new int[nx];
        this.singleProf = new double[nx];
        List<Integer> multi = new ArrayList<>();
        for (int k = 0; k < p.sets().size(); k++) {
            HiringModel.HireSet set = p.sets().get(k);
            if (set.multi()) {
                multi.add(k);
            }
            for (int i = 0; i < ns; i++) {
                int j = k * ns + i;
                cost[j] = set.costPerHire()[i];
                singleChannel[j] = -1;
                if (!set.multi()) {
                    String ch = set.skills().keySet().iterator().next();
                    singleChannel[j] = p.channels().indexOf(ch);
                    singleProf[j] = set.skills().get(ch);
                }
                for (int t = 0; t < weeks; t++) {
                    int a = t - p.starts()[i];
                    fte[t][j] = a >= 0 && a < set.perHire().length ? set.perHire()[a] : 0.0;
                }
            }
        }
        this.multiSets = multi.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many plans were costed so far (the local search's measure of work). */
    long evaluations() {
        return evaluations;
    }

    /** The plan's cost (hires and priced shortage), or +∞ when a week from H on is left short. */
    double cost(int[] x) {
        evaluations++;
        double total = 0;
        for (int j = 0; j < nx; j++) {
            total += cost[j] * x[j];
        }
        double[] need = new double[nc];
        double[] multiFte = new double[multiSets.length];
        for (int t = 0; t < weeks; t++) {
            for (int c = 0; c < nc; c++) {
                need[c] = p.gap()[c][t] > EPS ? p.gap()[c][t] : 0.0;
            }
            java.util.Arrays.fill(multiFte, 0.0);
            for (int j = 0; j < nx; j++) {
                if (x[j] == 0 || fte[t][j] == 0) {
                    continue;
                }
                if (singleChannel[j] >= 0) {
                    need[singleChannel[j]] -= singleProf[j] * fte[t][j] * x[j];
                } else {
                    int k = j / ns;
                    for (int m = 0; m < multiSets.length; m++) {
                        if (multiSets[m] == k) {
                            multiFte[m] += fte[t][j] * x[j];
                        }
                    }
                }
            }
            double shortage = shortage(t, need, multiFte);
            if (t >= p.hardFrom()) {
                if (shortage > TOLERANCE) {
                    return Double.POSITIVE_INFINITY;
                }
            } else {
                total += p.shortPenalty() * shortage;
            }
        }
        return total;
    }

    /**
     * Week t's least total shortage: minimise Σ_c u_c subject to Σ_p π_ptc·y_pc + Σ_k prof_kc·z_kc + u_c ≥ need_c
     * (channels with need &gt; 0), Σ_c y_pc ≤ F_pt, Σ_c z_kc ≤ the multi-skill set's FTE, all ≥ 0.
     */
    private double shortage(int t, double[] need, double[] multiFte) {
        int[] rowOf = new int[nc];
        int covers = 0;
        double total = 0;
        for (int c = 0; c < nc; c++) {
            rowOf[c] = need[c] > EPS ? covers++ : -1;
            if (rowOf[c] >= 0) {
                total += need[c];
            }
        }
        if (covers == 0) {
            return 0.0;
        }
        // capacity rows: pools then multi-skill sets with FTE; their columns (one per channel they can serve)
        List<double[]> caps = new ArrayList<>(); // {capacity}
        List<double[]> colGain = new ArrayList<>(); // per column: {capRow, coverRow, gain}
        for (HiringModel.Pool pool : p.pools()) {
            double f = pool.fte()[t];
            if (!(f > EPS)) {
                continue;
            }
            int r = caps.size();
            boolean any = false;
            for (int c = 0; c < nc; c++) {
                double pr = pool.proficiency()[t][c];
                if (rowOf[c] >= 0 && pr > 0) {
                    colGain.add(new double[] {r, rowOf[c], pr});
                    any = true;
                }
            }
            if (any) {
                caps.add(new double[] {f});
            }
        }
        for (int m = 0; m < multiSets.length; m++) {
            if (!(multiFte[m] > EPS)) {
                continue;
            }
            HiringModel.HireSet set = p.sets().get(multiSets[m]);
            int r = caps.size();
            boolean any = false;
            for (int c = 0; c < nc; c++) {
                double pr = set.skills().getOrDefault(p.channels().get(c), 0.0);
                if (rowOf[c] >= 0 && pr > 0) {
                    colGain.add(new double[] {r, rowOf[c], pr});
                    any = true;
                }
            }
            if (any) {
                caps.add(new double[] {multiFte[m]});
            }
        }
        if (caps.isEmpty()) {
            return total;
        }
        // tableau: rows = covers (basis u_c) then caps (basis slack); columns = allocations, u, surplus, slacks
        int m = covers + caps.size();
        int na = colGain.size();
        int n = na + covers + covers + caps.size();
        double[][] a = new double[m][n + 1];
        double[] c = new double[n];
        for (int j = 0; j < na; j++) {
            double[] g = colGain.get(j);
            a[covers + (int) g[0]][j] = 1;
            a[(int) g[1]][j] = g[2];
        }
        for (int ch = 0; ch < nc; ch++) {
            int r = rowOf[ch];
            if (r >= 0) {
                a[r][na + r] = 1; // u
                a[r][na + covers + r] = -1; // surplus
                a[r][n] = need[ch];
                c[na + r] = 1;
            }
        }
        for (int r = 0; r < caps.size(); r++) {
            a[covers + r][na + 2 * covers + r] = 1;
            a[covers + r][n] = caps.get(r)[0];
        }
        int[] basis = new int[m];
        for (int r = 0; r < covers; r++) {
            basis[r] = na + r;
        }
        for (int r = 0; r < caps.size(); r++) {
            basis[covers + r] = na + 2 * covers + r;
        }
        for (int iter = 0; iter < 10_000; iter++) {
            int enter = -1;
            for (int j = 0; j < n && enter < 0; j++) {
                double d = c[j];
                for (int r = 0; r < m; r++) {
                    d -= c[basis[r]] * a[r][j];
                }
                if (d < -1e-12) {
                    enter = j;
                }
            }
            if (enter < 0) {
                break;
            }
            int leave = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < m; r++) {
                if (a[r][enter] > 1e-12) {
                    double q = a[r][n] / a[r][enter];
                    if (q < ratio - 1e-12 || (q <= ratio + 1e-12 && leave >= 0 && basis[r] < basis[leave])) {
                        ratio = q;
                        leave = r;
                    }
                }
            }
            if (leave < 0) {
                break; // unbounded cannot happen (the objective is ≥ 0)
            }
            double piv = a[leave][enter];
            for (int j = 0; j <= n; j++) {
                a[leave][j] /= piv;
            }
            for (int r = 0; r < m; r++) {
                if (r != leave && a[r][enter] != 0) {
                    double f = a[r][enter];
                    for (int j = 0; j <= n; j++) {
                        a[r][j] -= f * a[leave][j];
                    }
                }
            }
            basis[leave] = enter;
        }
        double s = 0;
        for (int r = 0; r < m; r++) {
            s += c[basis[r]] * a[r][n];
        }
        return Math.max(0.0, s);
    }

    /**
     * Local search from {@code start}: repeatedly the best of the plans one move away (one class one hire smaller or
     * larger, one hire or r ≥ 2 hires moved from one class to another; only when none of these helps, two hires
     * merged into one class or one hire split into two), while it is cheaper by more than a cent and the budget of
     * plans costed lasts (Papadimitriou &amp; Steiglitz, <i>Combinatorial Optimization</i>, 1982, ch. 19; the larger
     * neighbourhood only when the smaller fails, as in variable neighbourhood descent, Mladenović &amp; Hansen,
     * Computers &amp; OR 24(11), 1997). Moves and ties are taken in class order, so the result depends on the inputs
     * only.
     *
     * @return the best plan found ({@code start} itself when no move improves it)
     */
    int[] improve(int[] start, long budget) {
        int[] cur = start.clone();
        double curCost = cost(cur);
        long end = evaluations + budget;
        while (evaluations < end) {
            int[] best = null;
            double bestCost = curCost - HiringModel.ABSOLUTE_GAP;
            for (int j = 0; j < nx && evaluations < end; j++) {
                for (int d = -1; d <= 1; d += 2) {
                    if (cur[j] + d < 0 || cur[j] + d > HiringModel.MAX_CLASS) {
                        continue;
                    }
                    cur[j] += d;
                    double v = cost(cur);
                    if (v < bestCost) {
                        bestCost = v;
                        best = cur.clone();
                    }
                    cur[j] -= d;
                }
            }
            for (int j = 0; j < nx && evaluations < end; j++) {
                if (cur[j] == 0) {
                    continue;
                }
                for (int k = 0; k < nx && evaluations < end; k++) {
                    if (k == j || cur[k] >= HiringModel.MAX_CLASS) {
                        continue;
                    }
                    cur[j]--;
                    cur[k]++;
                    double v = cost(cur);
                    if (v < bestCost) {
                        bestCost = v;
                        best = cur.clone();
                    }
                    cur[j]++;
                    cur[k]--;
                }
            }
            // a whole class, or part of it, moved at once: r ≥ 2 hires from class j to class k
            for (int j = 0; j < nx && evaluations < end; j++) {
                for (int k = 0; k < nx && evaluations < end && cur[j] >= 2; k++) {
                    for (int r = 2; r <= cur[j] && k != j && evaluations < end; r++) {
                        int[] y = cur.clone();
                        y[j] -= r;
                        y[k] += r;
                        double v = cost(y);
                        if (v < bestCost) {
                            bestCost = v;
                            best = y;
                        }
                    }
                }
            }
            if (best == null) {
                // three-hire moves only when no one- or two-hire move helps: two hires merged into one class
                // elsewhere, or one hire split into two (variable neighbourhood descent, Mladenović & Hansen 1997)
                for (int j = 0; j < nx && evaluations < end; j++) {
                    for (int j2 = j; j2 < nx && evaluations < end; j2++) {
                        if (cur[j] == 0 || cur[j2] - (j2 == j ? 1 : 0) <= 0) {
                            continue;
                        }
                        for (int k = 0; k < nx && evaluations < end; k++) {
                            if (k == j || k == j2) {
                                continue;
                            }
                            for (int sign = -1; sign <= 1; sign += 2) {
                                // sign −1: j, j2 lose one each, k gains one; sign +1: k loses... only when it has one
                                int[] y = cur.clone();
                                if (sign < 0) {
                                    y[j]--;
                                    y[j2]--;
                                    y[k]++;
                                } else {
                                    if (cur[k] == 0) {
                                        continue;
                                    }
                                    y[j]++;
                                    y[j2]++;
                                    y[k]--;
                                }
                                double v = cost(y);
                                if (v < bestCost) {
                                    bestCost = v;
                                    best = y;
                                }
                            }
                        }
                    }
                }
            }
            if (best == null) {
                break;
            }
            cur = best;
            curCost = bestCost;
        }
        return cur;
    }
}
