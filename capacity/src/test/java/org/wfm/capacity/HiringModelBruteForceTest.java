package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The programme solved is the true optimum: on small random instances every combination of class sizes is
 * enumerated and costed in closed form, independently of the programme, and the solver's plan must cost the least.
 *
 * <p>The instances: channels a and b, skill sets a, b and a+b (proficiency 1), two class starts, a pool of today's
 * a+b agents with proficiency 1 on both. Within a week the two-skill FTE (pool and a+b hires) go where the single-
 * skill hires leave a deficit, so the least shortage of the week is max(0, d_a + d_b − P) with d_c = max(0, g_c −
 * single-skill FTE on c) and P the two-skill FTE: hard weeks need it zero, earlier weeks pay it at the penalty.
 */
class HiringModelBruteForceTest {

    private static final int WEEKS = 6;
    private static final int[] STARTS = {0, 2};
    /** Every curve value is at least 0.5 and every gap at most 3: a single set never needs more than 6 hires. */
    private static final int MAX_SINGLE = 6;
    private static final int MAX_PAIR = 12;

    record Instance(HiringModel.Problem problem, double[][] curve, double[][] cost, double[] poolFte) {
    }

    static Instance random(long seed) {
        Random r = new Random(seed);
        double[][] gap = new double[2][WEEKS];
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < WEEKS; t++) {
                gap[c][t] = r.nextDouble() < 0.2 ? -r.nextDouble() : 3 * r.nextDouble();
            }
        }
        double[][] curve = new double[3][WEEKS];
        double[][] cost = new double[3][STARTS.length];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < WEEKS; j++) {
                curve[k][j] = j == 0 ? 0.5 + 0.5 * r.nextDouble() : Math.max(0.5, curve[k][j - 1] - 0.1 * r.nextDouble());
            }
            for (int i = 0; i < STARTS.length; i++) {
                // near-equal costs make many plans almost as good: the cases a loose stopping rule gets wrong
                cost[k][i] = 100 + (k == 2 ? 8 : 0) - 10 * i + 5 * r.nextDouble();
            }
        }
        double[] pool = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            pool[t] = r.nextDouble();
        }
        double[][] prof = new double[WEEKS][];
        for (int t = 0; t < WEEKS; t++) {
            prof[t] = new double[] {1, 1};
        }
        int hardFrom = r.nextInt(WEEKS + 1);
        double penalty = 20 + 100 * r.nextDouble();
        HiringModel.Problem p = new HiringModel.Problem(List.of("a", "b"), gap,
                List.of(new HiringModel.Pool(Set.of("a", "b"), pool, prof)),
                List.of(new HiringModel.HireSet(Map.of("a", 1.0), curve[0], cost[0]),
                        new HiringModel.HireSet(Map.of("b", 1.0), curve[1], cost[1]),
                        new HiringModel.HireSet(Map.of("a", 1.0, "b", 1.0), curve[2], cost[2])),
                STARTS, hardFrom, penalty);
        return new Instance(p, curve, cost, pool);
    }

    /** The least cost over every combination of class sizes, in closed form; infinite when none meets the hard weeks. */
    static double bruteForce(Instance in) {
        return cost(in, argMin(in));
    }

    /** The first combination of class sizes (in enumeration order) of least closed-form cost. */
    static int[] argMin(Instance in) {
        double best = Double.POSITIVE_INFINITY;
        int[] arg = new int[6];
        int[] x = new int[6]; // (a, b, ab) × starts
        for (x[0] = 0; x[0] <= MAX_SINGLE; x[0]++) {
            for (x[1] = 0; x[1] <= MAX_SINGLE; x[1]++) {
                for (x[2] = 0; x[2] <= MAX_SINGLE; x[2]++) {
                    for (x[3] = 0; x[3] <= MAX_SINGLE; x[3]++) {
                        for (x[4] = 0; x[4] <= MAX_PAIR; x[4]++) {
                            for (x[5] = 0; x[5] <= MAX_PAIR; x[5]++) {
                                double c = cost(in, x);
                                if (c < best) {
                                    best = c;
                                    arg = x.clone();
                                }
                            }
                        }
                    }
                }
            }
        }
        return arg;
    }

    static double cost(Instance in, int[] x) {
        HiringModel.Problem p = in.problem();
        double total = 0;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < STARTS.length; i++) {
                total += in.cost()[k][i] * x[2 * k + i];
            }
        }
        for (int t = 0; t < WEEKS; t++) {
            double[] fte = new double[3];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < STARTS.length; i++) {
                    int j = t - STARTS[i];
                    if (j >= 0) {
                        fte[k] += in.curve()[k][j] * x[2 * k + i];
                    }
                }
            }
            double deficit = Math.max(0, p.gap()[0][t] - fte[0]) + Math.max(0, p.gap()[1][t] - fte[1]);
            double shortage = Math.max(0, deficit - fte[2] - in.poolFte()[t]);
            if (t >= p.hardFrom()) {
                if (shortage > 1e-9) {
                    return Double.POSITIVE_INFINITY;
                }
            } else {
                total += p.shortPenalty() * shortage;
            }
        }
        return total;
    }

    private static double planCost(Instance in, HiringModel.Solution s) {
        int[] x = new int[6];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < STARTS.length; i++) {
                x[2 * k + i] = s.sizes()[k][i];
            }
        }
        return cost(in, x);
    }

    @Test
    void theProgrammeSolvedIsTheTrueOptimumOnEveryEnumeratedInstance() {
        for (long seed = 1; seed <= 20; seed++) {
            Instance in = random(seed);
            double truth = bruteForce(in);
            HiringModel.Solution s = HiringModel.solve(in.problem());
            assertThat(s.optimal()).as("seed %d proven", seed).isTrue();
            assertThat(s.objective()).as("seed %d objective", seed).isCloseTo(truth, within(1e-6));
            // the plan itself, costed independently, is that optimum
            assertThat(planCost(in, s)).as("seed %d plan", seed).isCloseTo(truth, within(1e-6));
            assertThat(s.bound()).as("seed %d bound", seed).isLessThanOrEqualTo(s.objective() + 1e-9)
                    .isGreaterThanOrEqualTo(s.lpBound() - 1e-6);
        }
    }

    /**
     * ojAlgo's branch and bound alone, stopping at its gap tolerance of 2 significant digits (the plan before the
     * exact search), ended 6.6 % above the optimum on this instance (616.79 against 578.55, found by enumeration);
     * the exact search started from that plan finds the optimum and proves it in a few nodes. (Over seeds 1–25 the
     * tolerance stopped short on 11 instances, by up to 10 %.)
     */
    @Test
    void theExactSearchFindsThePlanOjAlgosToleranceStoppedShortOf() {
        Instance in = random(4);
        double truth = bruteForce(in);
        HiringModel.Solution before = HiringModel.solve(in.problem(), 0);
        HiringModel.Solution after = HiringModel.solve(in.problem());
        assertThat(truth).isCloseTo(578.552231211086, within(1e-6));
        assertThat(before.objective()).isCloseTo(616.7926035233089, within(1e-6));
        assertThat(before.optimal()).isFalse();
        assertThat(before.gap()).isGreaterThan(0.06);
        assertThat(after.objective()).isCloseTo(truth, within(1e-6));
        assertThat(after.optimal()).isTrue();
        assertThat(after.gap()).isLessThanOrEqualTo(HiringModel.RELATIVE_GAP);
        assertThat(planCost(in, after)).isCloseTo(truth, within(1e-6));
    }

    /** Same inputs, same plan: the search is deterministic (one thread, node order by bound then creation). */
    @Test
    void theSameProgrammeGivesTheSamePlanAndFigures() {
        Instance in = random(6);
        HiringModel.Solution a = HiringModel.solve(in.problem());
        HiringModel.Solution b = HiringModel.solve(in.problem());
        assertThat(b.sizes()).isDeepEqualTo(a.sizes());
        assertThat(b.objective()).isEqualTo(a.objective());
        assertThat(b.bound()).isEqualTo(a.bound());
        assertThat(b.nodes()).isEqualTo(a.nodes());
    }

    /**
     * Every MIR cut of the root ({@link HiringCuts}) holds at the enumerated optimum: with the class sizes fixed at
     * the brute force's, the least value its continuous part can take over every feasible allocation (an LP without
     * the cuts) still meets the cut's right-hand side. A cut that cut off the optimum fails here, whatever the search
     * then does. The rounded counts are taken over the plans no dearer than a cut-off, as the solver takes them
     * over the plans that could beat its incumbent; here the cut-off is the optimum's own cost.
     */
    @Test
    void noRootCutCutsOffTheEnumeratedOptimum() {
        int checked = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Instance in = random(seed);
            int[] opt = argMin(in);
            if (cost(in, opt) == Double.POSITIVE_INFINITY) {
                continue;
            }
            // the cost cut-off any plan at least as good as the optimum meets (the solver's is its incumbent's)
            HiringModel.RootCuts root = HiringModel.rootCuts(in.problem(), cost(in, opt) + 1e-6);
            double[] x = java.util.Arrays.stream(opt).asDoubleStream().toArray();
            for (HiringCuts.Cut cut : root.cuts()) {
                org.ojalgo.optimisation.ExpressionsBasedModel m = root.relaxed().copy();
                m.getVariables().forEach(v -> v.weight(0));
                for (int j = 0; j < opt.length; j++) {
                    m.getVariable(root.xIndex()[j]).level(opt[j]);
                }
                for (int i = 0; i < cut.cont().length; i++) {
                    m.getVariable(cut.cont()[i]).weight(cut.contCoef()[i]);
                }
                org.ojalgo.optimisation.Optimisation.Result r = m.minimise();
                assertThat(r.getState().isFeasible()).as("seed %d: the optimum is feasible", seed).isTrue();
                double least = cut.lhs(x, i -> 0) + r.getValue();
                assertThat(least).as("seed %d cut %s", seed, cut).isGreaterThanOrEqualTo(cut.rhs() - 1e-6);
                checked++;
            }
            assertThat(root.bound()).as("seed %d root bound", seed).isLessThanOrEqualTo(cost(in, opt) + 1e-6);
        }
        // the instances do give cuts (a test of none would pass by default)
        assertThat(checked).isGreaterThan(20);
    }

    /**
     * The week-by-week cost of a plan ({@link HiringPlanCost}, the local search's) is the closed-form cost of the
     * enumeration, infinite exactly where a hard week is short, on random plans of every instance.
     */
    @Test
    void theWeekByWeekCostOfAPlanIsTheClosedFormCost() {
        int finite = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Instance in = random(seed);
            HiringPlanCost eval = new HiringPlanCost(in.problem());
            Random r = new Random(seed);
            for (int n = 0; n < 50; n++) {
                int[] x = new int[6];
                for (int j = 0; j < 6; j++) {
                    x[j] = r.nextInt(j >= 4 ? MAX_PAIR / 2 : MAX_SINGLE / 2 + 1);
                }
                double truth = cost(in, x);
                double got = eval.cost(x);
                if (truth == Double.POSITIVE_INFINITY) {
                    assertThat(got).as("seed %d plan %s", seed, java.util.Arrays.toString(x)).isInfinite();
                } else {
                    assertThat(got).as("seed %d plan %s", seed, java.util.Arrays.toString(x)).isCloseTo(truth,
                            within(1e-6));
                    finite++;
                }
            }
        }
        assertThat(finite).isGreaterThan(100);
    }

    /**
     * The local search never returns a dearer plan than it started from (every class at the enumeration's largest
     * size: feasible wherever any plan is, since hires only add FTE), nor one cheaper than the enumerated optimum.
     */
    @Test
    void theLocalSearchOnlyImproves() {
        for (long seed = 1; seed <= 20; seed++) {
            Instance in = random(seed);
            HiringPlanCost eval = new HiringPlanCost(in.problem());
            int[] start = {MAX_SINGLE, MAX_SINGLE, MAX_SINGLE, MAX_SINGLE, MAX_PAIR, MAX_PAIR};
            double before = cost(in, start);
            int[] end = eval.improve(start, 100_000);
            assertThat(cost(in, end)).as("seed %d", seed).isLessThanOrEqualTo(before)
                    .isGreaterThanOrEqualTo(bruteForce(in) - 1e-6);
        }
    }
}
