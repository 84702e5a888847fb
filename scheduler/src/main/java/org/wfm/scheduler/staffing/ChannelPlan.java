package org.wfm.scheduler.staffing;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** channels.yaml: the plan's time zone, interval length and channels in file order. */
public record ChannelPlan(ZoneId zone, int intervalMinutes, double shrinkage, List<Channel> channels) {
    public ChannelPlan {
        channels = List.copyOf(channels);
    }

    public Optional<Channel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
