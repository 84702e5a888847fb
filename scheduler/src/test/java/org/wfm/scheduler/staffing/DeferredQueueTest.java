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
}
