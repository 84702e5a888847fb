package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DeferredWorkloadTest {

    static int[] window(int n, int span) {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.min(n - 1, i + span);
        }
        return d;
    }

    @Test
    void aSpikeIsSpreadEvenlyOverItsWindow() {
        double[] work = new double[12];
        work[2] = 8.0;
        double[] done = DeferredWorkload.level(work, window(12, 3));
        assertThat(done).containsExactly(0, 0, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void noSlackMeansWorkAsItArrives() {
        double[] work = {1, 5, 0, 3, 2};
        assertThat(DeferredWorkload.level(work, window(5, 0))).containsExactly(work);
    }

    @Test
    void aLongWindowFlattensEverything() {
        double[] work = {6, 0, 0, 6, 0, 0};
        double[] done = DeferredWorkload.level(work, window(6, 100));
        for (double d : done) {
            assertThat(d).isCloseTo(2.0, within(1e-12));
        }
    }

    @Test
    void workIsNeverDoneBeforeItArrives() {
        // Nothing to do in the first two intervals even though the window is long.
        double[] done = DeferredWorkload.level(new double[] {0, 0, 4, 4}, window(4, 10));
        assertThat(done).containsExactly(0, 0, 4, 4);
    }

    @Property(tries = 300)
    void meetsEveryDeadlineAndNeverWorksAhead(@ForAll @Size(min = 1, max = 80) double[] raw,
                                               @ForAll @IntRange(min = 0, max = 30) int span) {
        double[] work = Arrays.stream(raw).map(x -> Double.isFinite(x) ? Math.abs(x) % 50 : 0).toArray();
        int[] deadline = window(work.length, span);
        double[] done = DeferredWorkload.level(work, deadline);
        double arrived = 0;
        double finished = 0;
        double peakWork = 0;
        double peakDone = 0;
        double[] due = new double[work.length + 1];
        for (int i = 0; i < work.length; i++) {
            due[deadline[i] + 1] += work[i];
        }
        double dueSoFar = 0;
        for (int k = 0; k < work.length; k++) {
            arrived += work[k];
            finished += done[k];
            dueSoFar += due[k + 1];
            assertThat(done[k]).isGreaterThanOrEqualTo(0);
            assertThat(finished).isLessThanOrEqualTo(arrived + 1e-9);
            assertThat(finished).isGreaterThanOrEqualTo(dueSoFar - 1e-9);
            peakWork = Math.max(peakWork, work[k]);
            peakDone = Math.max(peakDone, done[k]);
        }
        assertThat(finished).isCloseTo(arrived, within(1e-9));
        assertThat(peakDone).isLessThanOrEqualTo(peakWork + 1e-9);
    }

    @Property(tries = 200)
    void peakIsTheLowestAnyPlanCanHave(@ForAll @Size(min = 1, max = 40) double[] raw,
                                       @ForAll @IntRange(min = 0, max = 12) int span) {
        // The lowest feasible peak is max over windows [i, j] of work due inside it ÷ its length (the work
        // arriving in i..j with deadline ≤ j must be done in i..j) — the taut string must reach it exactly.
        double[] work = Arrays.stream(raw).map(x -> Double.isFinite(x) ? Math.abs(x) % 50 : 0).toArray();
        int n = work.length;
        int[] deadline = window(n, span);
        double bound = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double w = 0;
                for (int k = i; k <= j; k++) {
                    if (deadline[k] <= j) {
                        w += work[k];
                    }
                }
                bound = Math.max(bound, w / (j - i + 1));
            }
        }
        double peak = Arrays.stream(DeferredWorkload.level(work, deadline)).max().orElse(0);
        assertThat(peak).isCloseTo(bound, within(1e-9 * Math.max(1, bound)));
    }

    @Property(tries = 50)
    void scalesWithTheWork(@ForAll @Size(min = 1, max = 30) double[] raw,
                           @ForAll @DoubleRange(min = 0.1, max = 10) double factor) {
        double[] work = Arrays.stream(raw).map(x -> Double.isFinite(x) ? Math.abs(x) % 50 : 0).toArray();
        double[] scaled = Arrays.stream(work).map(x -> x * factor).toArray();
        double[] a = DeferredWorkload.level(work, window(work.length, 4));
        double[] b = DeferredWorkload.level(scaled, window(work.length, 4));
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i] * factor, within(1e-9 * Math.max(1, b[i])));
        }
    }

    @Property(tries = 40)
    void equalsTheLeastSquaresPlan(@ForAll @Size(min = 2, max = 16) double[] raw,
                                   @ForAll @IntRange(min = 1, max = 6) int span) {
        // The taut string minimises every convex cost of the per-interval work; check one of them, Σ x², against
        // a quadratic program solved by ojalgo under the same arrival and deadline constraints.
        double[] work = Arrays.stream(raw).map(x -> Double.isFinite(x) ? Math.round(Math.abs(x) % 20) : 0).toArray();
        int n = work.length;
        int[] deadline = window(n, span);
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[n];
        Expression cost = model.addExpression("cost").weight(1);
        for (int i = 0; i < n; i++) {
            x[i] = model.addVariable("x" + i).lower(0);
            cost.set(x[i], x[i], 1);
        }
        double arrived = 0;
        double[] due = new double[n + 1];
        for (int i = 0; i < n; i++) {
            due[deadline[i] + 1] += work[i];
        }
        double dueSoFar = 0;
        for (int k = 0; k < n; k++) {
            arrived += work[k];
            dueSoFar += due[k + 1];
            Expression prefix = model.addExpression("prefix" + k).lower(dueSoFar).upper(arrived);
            for (int i = 0; i <= k; i++) {
                prefix.set(x[i], 1);
            }
        }
        Optimisation.Result qp = model.minimise();
        assertThat(qp.getState().isOptimal()).isTrue();
        double[] done = DeferredWorkload.level(work, deadline);
        for (int i = 0; i < n; i++) {
            assertThat(done[i]).isCloseTo(qp.doubleValue(i), within(1e-5 * Math.max(1, arrived)));
        }
    }
}
