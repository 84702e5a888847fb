package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        HiringModel.Solution s = HiringModel.solve(new HiringModel.Problem(new double[] {1, 2, 3, 3.5},
                new double[] {0.5, 1, 1, 1}, new int[] {0, 2}, new double[] {10, 6}, 0, 0));
        assertThat(s.sizes()).containsExactly(2, 2);
        assertThat(s.objective()).isCloseTo(32, within(1e-6));
        assertThat(s.optimal()).isTrue();
        assertThat(s.shortfall()).containsOnly(0.0);
    }

    @Test
    void shortageBeforeHiringCanReachIsPricedNotForbidden() {
        // hard from week 2: weeks 0 and 1 may stay short at 1 a FTE-week rather than hire at 10 a head
        HiringModel.Solution s = HiringModel.solve(new HiringModel.Problem(new double[] {1, 2, 3, 3.5},
                new double[] {0.5, 1, 1, 1}, new int[] {0, 2}, new double[] {10, 6}, 2, 1));
        // weeks 2, 3 must be met: x0 + 0.5·x2 ≥ 3, x0 + x2 ≥ 3.5 → cheapest (0, 6) = 36, (1, 4) = 34, (2, 2) = 32,
        // (3, 1) = 36; with x0 = 2 week 0 is met (1) and week 1 (2) too: no shortage left
        assertThat(s.sizes()).containsExactly(2, 2);
        assertThat(s.objective()).isCloseTo(32, within(1e-6));
    }

    @Test
    void cheapShortageWinsWhereNothingIsHard() {
        HiringModel.Solution s = HiringModel.solve(new HiringModel.Problem(new double[] {1, 2, 3, 3.5},
                new double[] {0.5, 1, 1, 1}, new int[] {0, 2}, new double[] {10, 6}, 4, 1));
        assertThat(s.sizes()).containsExactly(0, 0);
        assertThat(s.shortfall()).containsExactly(1, 2, 3, 3.5);
        assertThat(s.objective()).isCloseTo(9.5, within(1e-6));
    }

    @Test
    void noGapNoHires() {
        HiringModel.Solution s = HiringModel.solve(new HiringModel.Problem(new double[] {-1, 0, -2},
                new double[] {1, 1, 1}, new int[] {0}, new double[] {10}, 0, 0));
        assertThat(s.hires()).isZero();
        assertThat(s.objective()).isCloseTo(0, within(1e-9));
    }
}
