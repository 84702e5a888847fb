package org.wfm.forecast;

import java.time.LocalDateTime;

/**
 * A planner's change to the forecast of one channel over a period, as WFM suites let a planner overlay a marketing
 * campaign, an outage or a known closure on the statistical forecast: either a {@code factor} that multiplies each
 * interval's volume (1.2 = 20% more, 0 = closed), or a {@code volume} that replaces the period's total, spread over
 * its intervals in the forecast's own intraday shape. Exactly one of the two is a number, the other NaN.
 * {@code start} is inclusive and {@code end} exclusive, in the forecast's local time. {@code line} is the file line
 * that gave it (0 when it came from elsewhere), for messages.
 */
public record ForecastOverride(String channel, LocalDateTime start, LocalDateTime end, double factor, double volume,
                               String reason, int line) {
    public ForecastOverride {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an override ends after it starts: " + start + " to " + end);
        }
        if (Double.isNaN(factor) == Double.isNaN(volume)) {
            throw new IllegalArgumentException("an override has a factor or a volume, not both or neither");
        }
    }

    /** Whether it covers the interval starting at {@code t}. */
    public boolean covers(LocalDateTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
