package org.wfm.forecast.history;

import java.util.List;

/** One channel's history, observations sorted by start time, local time of the plan's zone. */
public record ChannelHistory(String channel, List<Observation> observations) {
    public ChannelHistory {
        observations = List.copyOf(observations);
    }
}
