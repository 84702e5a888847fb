package org.wfm.scheduler.staffing;

import java.time.ZoneId;
import java.util.Collection;
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

    /**
     * The probability that a shift is missing altogether (unplanned absence takes whole shifts): the largest
     * shrinkage among the channels the shift works (each channel's own, else the plan's), the plan's for a shift
     * without work or on channels not in the plan. The largest, because a shift planned against the strictest
     * channel's shrinkage must be expected to go missing that often. The one rule for the simulation's absence
     * draws and the planned deferred figures; clamped to [0, 1], 0 when no shrinkage is set.
     */
    public double shiftAbsence(Collection<String> channelsWorked) {
        double worst = Double.NaN;
        for (String name : channelsWorked) {
            Optional<Channel> ch = channel(name);
            if (ch.isPresent()) {
                double s = Double.isFinite(ch.get().shrinkage()) ? ch.get().shrinkage() : shrinkage;
                worst = Double.isNaN(worst) ? s : Math.max(worst, s);
            }
        }
        double p = Double.isNaN(worst) ? shrinkage : worst;
        return Double.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
    }
}
