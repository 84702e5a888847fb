package org.wfm.forecast.history;

import java.time.ZoneId;
import java.util.Map;

/**
 * Contact-volume history of every channel, on one interval length, in the plan's time zone.
 * Intervals absent from a channel are closed (or a closed day when a whole usually-open day is absent).
 */
public record History(ZoneId zone, int intervalMinutes, Map<String, ChannelHistory> channels) {
    public History {
        channels = Map.copyOf(channels);
    }
}
