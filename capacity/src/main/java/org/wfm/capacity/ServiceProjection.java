package org.wfm.capacity;

import java.util.List;

import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ErlangServiceCurves;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The service level a week would get with a share r = available ÷ required FTE of the staff it needs: every
 * interval staffed with r × its required staff (the shortfall spread in proportion, as a scheduler short of staff
 * spreads it), each interval's service level from the scheduler's Erlang curves ({@link ErlangServiceCurves}:
 * Erlang A or C by the channel's patience, concurrency, shrinkage, linear between whole servers), weighted by
 * the interval's contacts. Deferred channels have no service curve: NaN.
 */
public final class ServiceProjection {
    private ServiceProjection() {
    }

    public static double weekly(Channel channel, List<Requirement> intervals, double ratio, double planShrinkage,
                                int intervalMinutes) {
        if (!channel.hasServiceTarget() || !(ratio >= 0) || Double.isInfinite(ratio)) {
            return Double.NaN;
        }
        ErlangServiceCurves curves = new ErlangServiceCurves(planShrinkage);
        double answered = 0;
        double contacts = 0;
        for (Requirement r : intervals) {
            double v = Math.max(0.0, r.forecastVolume());
            if (v <= 0) {
                continue;
            }
            answered += v * curves.curve(channel, r, intervalMinutes).serviceLevel(r.requiredStaff() * ratio);
            contacts += v;
        }
        return contacts > 0 ? answered / contacts : Double.NaN;
    }
}
