package org.wfm.scheduler.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeferredQueueTest {

    /**
     * By hand, window 2 intervals: 4 units arrive in interval 0, 2 in interval 2; one unit of capacity per interval,
     * three in the last. Interval 0's work gets 1 + 1 before its deadline (end of interval 1); its other 2 are
     * overdue but still oldest, so they take interval 2's capacity and 1 of interval 3's; interval 2's work gets
     * the other 2 of interval 3, on time. Waiting after each interval: 3, 2, 2 + 2 - 1 = 3, 0.
     */
    @Test
    void oldestFirstOverdueIncludedByHand() {
        DeferredQueue.Result r = DeferredQueue.serve(new double[] {4, 0, 2, 0}, new double[] {1, 1, 1, 3}, 2);
        assertThat(r.serviceLevel()[0]).isEqualTo(0.5);
        assertThat(r.serviceLevel()[1]).isNaN();
        assertThat(r.serviceLevel()[2]).isEqualTo(1.0);
        assertThat(r.late()).containsExactly(true, false, false, false);
        assertThat(r.occupancy()).containsExactly(new double[] {1, 1, 1, 1}, within(1e-12));
        assertThat(r.withinWindow()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(r.peakBacklog()).isCloseTo(3.0, within(1e-12));
    }

    /**
     * Overdue work crowds out work that could still be on time: 3 units in interval 0, 1 in interval 1, one unit
     * of capacity per interval, window 1. Interval 0's work takes intervals 0-2 (two of them late), so interval 1's
     * unit waits until interval 3 and misses its deadline too: 1 of 4 on time (earliest deadline first with late
     * work dropped would serve it in interval 1: 2 of 4). Waiting after each interval: 2, 2, 1, 0.
     */
    @Test
    void overdueWorkPushesLaterWorkPastItsDeadline() {
        DeferredQueue.Result r = DeferredQueue.serve(new double[] {3, 1, 0, 0}, new double[] {1, 1, 1, 1}, 1);
        assertThat(r.serviceLevel()[0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.serviceLevel()[1]).isEqualTo(0.0);
        assertThat(r.withinWindow()).isCloseTo(0.25, within(1e-12));
        assertThat(r.peakBacklog()).isCloseTo(2.0, within(1e-12));
    }

    /** Work due after the last interval is not judged: on time per interval, left out of the share. */
    @Test
    void workDueAfterTheHorizonIsNotJudged() {
        DeferredQueue.Result r = DeferredQueue.serve(new double[] {0, 0, 3}, new double[] {0, 0, 1}, 2);
        assertThat(r.serviceLevel()[2]).isEqualTo(1.0);
        assertThat(r.late()[2]).isFalse();
        assertThat(r.withinWindow()).isNaN();
        assertThat(r.peakBacklog()).isCloseTo(2.0, within(1e-12));
    }

    /** Capacity at least the work arriving in every interval: all on time and nothing ever waits. */
    @Property
    void enoughCapacityLeavesNoBacklog(@ForAll @Size(min = 1, max = 60) double[] work,
                                       @ForAll @IntRange(min = 1, max = 12) int window) {
        double[] arrived = new double[work.length];
        double[] capacity = new double[work.length];
        for (int i = 0; i < work.length; i++) {
            arrived[i] = Math.abs(work[i]) % 50;
            capacity[i] = arrived[i] + 0.5;
        }
        DeferredQueue.Result r = DeferredQueue.serve(arrived, capacity, window);
        assertThat(r.peakBacklog()).isCloseTo(0.0, within(1e-9));
        if (!Double.isNaN(r.withinWindow())) {
            assertThat(r.withinWindow()).isCloseTo(1.0, within(1e-9));
        }
    }

    /** The share is a share and the backlog never exceeds the work arrived, whatever the capacity. */
    @Property
    void figuresStayInTheirRanges(@ForAll @Size(min = 1, max = 60) double[] work,
                                  @ForAll @DoubleRange(min = 0, max = 20) double capacityPerInterval,
                                  @ForAll @IntRange(min = 1, max = 12) int window) {
        double[] arrived = new double[work.length];
        double total = 0;
        for (int i = 0; i < work.length; i++) {
            arrived[i] = Math.abs(work[i]) % 50;
            total += arrived[i];
        }
        double[] capacity = new double[work.length];
        java.util.Arrays.fill(capacity, capacityPerInterval);
        DeferredQueue.Result r = DeferredQueue.serve(arrived, capacity, window);
        assertThat(r.peakBacklog()).isBetween(0.0, total + 1e-9);
        if (!Double.isNaN(r.withinWindow())) {
            assertThat(r.withinWindow()).isBetween(0.0, 1.0);
        }
    }

    /** Without absence or random work every scenario is the expected path: the same figures as {@link DeferredQueue#serve}. */
    @Property(tries = 50)
    void expectedWithoutChanceIsTheFluidQueue(@ForAll @Size(min = 1, max = 30) double[] raw, @ForAll @IntRange(min = 1, max = 6) int window) {
        int n = raw.length;
        double[] work = new double[n];
        double[] capacity = new double[n];
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            work[i] = Math.abs(raw[i]) % 5;
            capacity[i] = (Math.abs(raw[i]) * 7) % 4;
            at[i] = i;
        }
        DeferredQueue.Result fluid = DeferredQueue.serve(work, capacity, window);
        DeferredQueue.Result expected = DeferredQueue.expected(work, new double[n],
                java.util.List.of(new DeferredQueue.ShiftCapacity(0.0, at, capacity)), window, 7);
        if (Double.isNaN(fluid.withinWindow())) {
            assertThat(expected.withinWindow()).isNaN();
        } else {
            assertThat(expected.withinWindow()).isCloseTo(fluid.withinWindow(), within(1e-9));
        }
        assertThat(expected.peakBacklog()).isEqualTo(fluid.peakBacklog());
        assertThat(expected.late()).isEqualTo(fluid.late());
    }

    /**
     * A shift that is the only capacity and is missing half the time: its work is on time when it comes and never
     * otherwise, so on average half is on time (the mean capacity alone says all of it). 256 scenarios: the
     * estimate's standard error is 0.031.
     */
    @Test
    void absenceOfAWholeShiftIsAveragedNotSpread() {
        double[] work = {4, 0, 0, 0, 0, 0, 0, 0};
        int[] at = {0, 1, 2, 3};
        double[] staff = {1, 1, 1, 1};
        DeferredQueue.Result r = DeferredQueue.expected(work, new double[8],
                java.util.List.of(new DeferredQueue.ShiftCapacity(0.5, at, staff)), 4, 11);
        assertThat(r.withinWindow()).isCloseTo(0.5, within(0.1));
        // The expected path (half an agent) gets half the work done by the deadline too, but as a half of every email.
        assertThat(r.late()[0]).isTrue();
        DeferredQueue.Result twoHalves = DeferredQueue.expected(work, new double[8], java.util.List.of(
                new DeferredQueue.ShiftCapacity(0.5, at, new double[] {2, 2, 2, 2})), 4, 11);
        // Twice the staff when present: on time when present (half the time), none otherwise: still a half.
        assertThat(twoHalves.withinWindow()).isCloseTo(0.5, within(0.1));
        assertThat(twoHalves.late()[0]).isFalse();
    }

    /** Marsaglia–Tsang gamma variates: mean = shape, variance = shape (scale 1), small shapes included. */
    @Test
    void gammaVariatesHaveTheirMoments() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (double shape : new double[] {0.2, 1.0, 7.5}) {
            int n = 200_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double x = DeferredQueue.gamma(random, shape);
                assertThat(x).isGreaterThanOrEqualTo(0.0);
                sum += x;
                squares += x * x;
            }
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            assertThat(mean).as("mean at shape %s", shape).isCloseTo(shape, within(0.02 * Math.max(1, shape)));
            assertThat(variance).as("variance at shape %s", shape).isCloseTo(shape, within(0.05 * Math.max(1, shape)));
        }
    }
}
