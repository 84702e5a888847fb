package org.wfm.scheduler.staffing;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The work of one deferred channel over its open intervals and when each interval's work is due: what a
 * scheduler needs to move the work within its response window ("coverage may move it within the window").
 * Arrays are owned by the record and not copied; treat them as read-only.
 *
 * @param channel        channel name
 * @param intervals      the channel's open intervals (those the forecast lists), in time order
 * @param arrivingAgents work arriving in each interval, in agents busy for the whole interval
 *                       (contacts × AHT ÷ interval length), before occupancy and shrinkage
 * @param deadline       for each interval i, the index of the last interval by whose end its work must be done
 *                       (≥ i)
 */
public record DeferredWork(String channel, List<LocalDateTime> intervals, double[] arrivingAgents, int[] deadline) {

    public DeferredWork {
        intervals = List.copyOf(intervals);
        if (arrivingAgents.length != intervals.size() || deadline.length != intervals.size()) {
            throw new IllegalArgumentException("intervals, work and deadlines differ in length");
        }
    }

    /** The flattest plan meeting every deadline ({@link DeferredWorkload#level}), in agents per interval. */
    public double[] levelled() {
        return DeferredWorkload.level(arrivingAgents, deadline);
    }
}
