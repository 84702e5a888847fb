package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HiringModelTest {

    /**
     * By hand: a hire gives 0.5 FTE in its first week, 1 after. Gaps 1, 2, 3, 3.5; classes may start in weeks 0
     * (cost 10 a hire) and 2 (cost 6). Week 0 needs 0.5·x0 ≥ 1, so x0 ≥ 2; week 2 needs x0 + 0.5·x2 ≥ 3, week 3
     * x0 + x2 ≥ 3.5. x0 = 2 forces x2 ≥ 2 (cost 32); x0 = 3 needs x2 ≥ 1 (cost 36); x0 = 4 needs none (40).
     * The optimum is (2, 2) at 32, where the LP relaxation would stop at (2, 1.5) for 29.
     */
    @Test
    void findsTheKnownIntegerOptimum() {
        HiringModel.Solution s = HiringModel.solve(HiringModel.Problem.single("voice", new double[] {1, 2, 3, 3.5},
                new double[] {0.5, 1, 1, 1}, new int[] {0, 2}, new double[] {10, 6}, 0, 0));
        assertThat(s.sizes()[0]).containsExactly(2, 2);
        assertThat(s.objective()).isCloseTo(32, within(1e-6));
        assertThat(s.optimal()).isTrue();
        assertThat(s.shortfall()[0]).containsOnly(0.0);
    }

    @Test
    void shortageBeforeHiringCanReachIsPricedNotForbidden() {
        // hard from week 2: weeks 0 and 1 may stay short at 1 a FTE-week rather than hire at 10 a head
        HiringModel.Solution s = HiringModel.solve(HiringModel.Problem.single("voice", new double[] {1, 2, 3, 3.5},
                new double[] {0.5, 1, 1, 1}, new int[] {0, 2}, new double[] {10, 6}, 2, 1));
        // weeks 2, 3 must be met: x0 + 0.5·x2 ≥ 3, x0 + x2 ≥ 3.5 → cheapest (0, 6) = 36, (1, 4) = 34, (2, 2) = 32,
        // (3, 1) = 36; with x0 = 2 week 0 is met (1) and week 1 (2) too: no shortage left
        assertThat(s.sizes()[0]).containsExactly(2, 2);
        assertThat(s.objective()).isCloseTo(32, within(1e-6));
    }

    @Test
    void cheapShortageWinsWhereNothingIsHard() {
        HiringModel.Solution s = HiringModel.solve(HiringModel.Problem.single("voice", new double[] {1, 2, 3, 3.5},
                new double[] {0.5, 1, 1, 1}, new int[] {0, 2}, new double[] {10, 6}, 4, 1));
        assertThat(s.sizes()[0]).containsExactly(0, 0);
        assertThat(s.shortfall()[0]).containsExactly(1, 2, 3, 3.5);
        assertThat(s.objective()).isCloseTo(9.5, within(1e-6));
    }

    @Test
    void noGapNoHires() {
        HiringModel.Solution s = HiringModel.solve(HiringModel.Problem.single("voice", new double[] {-1, 0, -2},
                new double[] {1, 1, 1}, new int[] {0}, new double[] {10}, 0, 0));
        assertThat(s.hires()).isZero();
        assertThat(s.objective()).isCloseTo(0, within(1e-9));
    }

    // --- several channels: multi-skill classes and pools, allocated by the programme ---

    static final List<String> AB = List.of("a", "b");

    /** Classes may start in week 0 only, productive at once; one week; costs per hire of A, B and A+B. */
    static HiringModel.Problem twoChannels(double gapA, double gapB, double costA, double costB, double costAB) {
        double[] one = {1};
        int[] starts = {0};
        return new HiringModel.Problem(AB, new double[][] {{gapA}, {gapB}}, List.of(),
                List.of(new HiringModel.HireSet(Map.of("a", 1.0), one, new double[] {costA}),
                        new HiringModel.HireSet(Map.of("b", 1.0), one, new double[] {costB}),
                        new HiringModel.HireSet(Map.of("a", 1.0, "b", 1.0), one, new double[] {costAB})),
                starts, 0, 0);
    }

    /**
     * By hand: A and B each 0.6 FTE short in the same week; a hire of A costs 10, of B 14, of A+B 11. Single-skill
     * classes need one hire each (10 + 14 = 24); two-skill hires give 1 FTE each shared between A and B, 1.2 is
     * needed, so a two-skill class of 2 covers both for 22; best is one A+B hire covering B's 0.6 and one A hire
     * (10 + 11 = 21). (A class of 2 two-skill hires is optimal only when a two-skill hire costs less than one of
     * the single hires it replaces: with any premium, one two-skill hire beside one single-skill hire is cheaper.)
     */
    @Test
    void aTwoSkillClassBeatsTwoSingleSkillClassesWhenItsPremiumIsSmall() {
        HiringModel.Solution s = HiringModel.solve(twoChannels(0.6, 0.6, 10, 14, 11));
        // (A, B, A+B) = (1, 0, 1): 10 + 11 = 21 < (0, 0, 2) = 22 < (1, 1, 0) = 24
        assertThat(s.sizes()).isDeepEqualTo(new int[][] {{1}, {0}, {1}});
        assertThat(s.objective()).isCloseTo(21, within(1e-6));
        // the two-skill hire's FTE goes where the single A hire leaves work: all 0.6 of B, at most 0.4 of A
        assertThat(s.setAllocation()[2][0][1]).isGreaterThanOrEqualTo(0.6 - 1e-9);
        assertThat(s.setAllocation()[2][0][0] + s.setAllocation()[2][0][1]).isLessThanOrEqualTo(1 + 1e-9);
    }

    /**
     * By hand: A and B each 0.4 short. One two-skill hire covers both (0.4 + 0.4 ≤ 1) for 13, a premium of 30 % over
     * the single A wage of 10; single classes cost 10 + 14 = 24.
     */
    @Test
    void oneTwoSkillHireCoversTwoSmallGaps() {
        HiringModel.Solution s = HiringModel.solve(twoChannels(0.4, 0.4, 10, 14, 13));
        assertThat(s.sizes()).isDeepEqualTo(new int[][] {{0}, {0}, {1}});
        assertThat(s.objective()).isCloseTo(13, within(1e-6));
    }

    /**
     * By hand: A and B each 0.6 short, a two-skill hire at 25 (dearer than A 10 + B 14 together): any plan with a
     * two-skill hire costs at least 25 + 10 = 35 (one A+B cannot cover 1.2) or 50, so the singles win at 24.
     */
    @Test
    void singleSkillClassesWinWhenTheMultiSkillPremiumIsTooHigh() {
        HiringModel.Solution s = HiringModel.solve(twoChannels(0.6, 0.6, 10, 14, 25));
        assertThat(s.sizes()).isDeepEqualTo(new int[][] {{1}, {1}, {0}});
        assertThat(s.objective()).isCloseTo(24, within(1e-6));
        assertThat(s.setAllocation()[2][0]).containsOnly(0.0);
    }

    /**
     * Allocation respects each week's FTE: a class of A+B (the only set offered) starting in week 0 gives 0.5 FTE a
     * hire in week 0 and 1 after (ramp-up); gaps A (0.5, 0.8, 0.2), B (0.5, 0.2, 0.9). Week 0 needs 1.0 from 0.5·x,
     * so x ≥ 2; with x = 2 weeks 1 and 2 need 1.0 and 1.1 of 2: a class of 2 at 11 each = 22. In every week the
     * two channels' allocations add up to at most 0.5·x, x, x and each covers its gap.
     */
    @Test
    void allocationRespectsTheClassesFteEveryWeek() {
        double[] curve = {0.5, 1, 1};
        HiringModel.Problem p = new HiringModel.Problem(AB, new double[][] {{0.5, 0.8, 0.2}, {0.5, 0.2, 0.9}},
                List.of(), List.of(new HiringModel.HireSet(Map.of("a", 1.0, "b", 1.0), curve, new double[] {11})),
                new int[] {0}, 0, 0);
        HiringModel.Solution s = HiringModel.solve(p);
        assertThat(s.sizes()).isDeepEqualTo(new int[][] {{2}});
        assertThat(s.objective()).isCloseTo(22, within(1e-6));
        for (int t = 0; t < 3; t++) {
            double[] z = s.setAllocation()[0][t];
            assertThat(z[0] + z[1]).as("week %d", t).isLessThanOrEqualTo(curve[t] * 2 + 1e-9);
            assertThat(z[0]).isGreaterThanOrEqualTo(p.gap()[0][t] - 1e-9);
            assertThat(z[1]).isGreaterThanOrEqualTo(p.gap()[1][t] - 1e-9);
        }
    }

    /**
     * Today's two-skill agents are allocated, not split by a rule: a pool of 1 FTE of A (proficiency 1) and B
     * (proficiency 0.5), A short 0.7 and B short 0.15 → 0.7 on A and 0.3 × 0.5 = 0.15 on B covers both, no hire.
     * A rule splitting the agent half and half would leave A 0.2 short and call for a hire.
     */
    @Test
    void aPoolOfTodaysMultiSkilledAgentsIsSpentWhereItIsNeeded() {
        HiringModel.Problem p = new HiringModel.Problem(AB, new double[][] {{0.7}, {0.15}},
                List.of(new HiringModel.Pool(java.util.Set.of("a", "b"), new double[] {1}, new double[][] {{1, 0.5}})),
                List.of(new HiringModel.HireSet(Map.of("a", 1.0), new double[] {1}, new double[] {10})),
                new int[] {0}, 0, 0);
        HiringModel.Solution s = HiringModel.solve(p);
        assertThat(s.hires()).isZero();
        double[] y = s.poolAllocation()[0][0];
        assertThat(y[0]).isCloseTo(0.7, within(1e-9));
        assertThat(y[1]).isCloseTo(0.3, within(1e-9));
        assertThat(s.size()).isEqualTo(new HiringModel.Size(1, 2, 3));
    }
}
