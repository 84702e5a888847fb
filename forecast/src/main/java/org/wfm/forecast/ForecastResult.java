package org.wfm.forecast;

import java.util.List;
import java.util.Map;

/**
 * The forecast of every channel: points sorted by time then channel, peak and trough windows, and per
 * channel the method used and why it was chosen.
 */
public record ForecastResult(List<ForecastPoint> points, List<Peak> peaks, Map<String, String> methodByChannel,
                             Map<String, String> reasonByChannel) {
    public ForecastResult {
        points = List.copyOf(points);
        peaks = List.copyOf(peaks);
        // sorted by channel, so that whatever prints them prints the same lines in the same order every run
        methodByChannel = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(methodByChannel));
        reasonByChannel = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(reasonByChannel));
    }
}
