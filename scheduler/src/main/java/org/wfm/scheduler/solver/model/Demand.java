package org.wfm.scheduler.solver.model;

/**
 * A demand bucket priced by the service it loses: one interval of an immediate or concurrent channel, or one
 * response window of a deferred channel. Staffing beyond the requirement earns nothing (the service is capped at
 * the required level), so the solver never buys agents for service above target.
 *
 * <p>Immediate/concurrent: {@code excessLate(x)} = late(min(x, R)) − late(R) contacts, with late() the staffing
 * maths' service curve sampled at whole agents and R = required staff (the curve interpolates linearly between
 * whole agents, so sampling at integers and at R loses nothing). Deferred: the window's work (required staff ×
 * minutes) must be done inside the window; staff-minutes missing are turned into contacts by the channel's
 * handle time after shrinkage.
 */
public final class Demand {
    private final String channel;
    private final int channelIndex;
    private final int firstInterval;
    private final int intervals;
    private final boolean deferred;
    private final int intervalMinutes;
    /** Sample points (agents) and excess late contacts at them, for immediate buckets. */
    private final double[] xs;
    private final double[] excess;
    /** Deferred: staff-minutes of work in the window and contacts per staff-minute. */
    private final double needStaffMinutes;
    private final double contactsPerStaffMinute;
    private final boolean cover;
    private final double lateContactCost;

    private Demand(String channel, int channelIndex, int firstInterval, int intervals, boolean deferred,
                   int intervalMinutes, double[] xs, double[] excess, double needStaffMinutes,
                   double contactsPerStaffMinute, boolean cover, double lateContactCost) {
        this.channel = channel;
        this.channelIndex = channelIndex;
        this.firstInterval = firstInterval;
        this.intervals = intervals;
        this.deferred = deferred;
        this.intervalMinutes = intervalMinutes;
        this.xs = xs;
        this.excess = excess;
        this.needStaffMinutes = needStaffMinutes;
        this.contactsPerStaffMinute = contactsPerStaffMinute;
        this.cover = cover;
        this.lateContactCost = lateContactCost;
    }

    /** @param late late contacts as a function of scheduled (weighted) agents; {@code required} = R. */
    public static Demand immediate(String channel, int channelIndex, int interval, int intervalMinutes,
                                   double required, java.util.function.DoubleUnaryOperator late,
                                   boolean cover, double lateContactCost) {
        int whole = (int) Math.floor(required);
        boolean exact = whole == required;
        int n = whole + (exact ? 1 : 2);
        double[] xs = new double[n];
        double[] ex = new double[n];
        double atR = late.applyAsDouble(required);
        double prev = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            xs[k] = k <= whole ? k : required;
            double v = Math.max(0.0, late.applyAsDouble(xs[k]) - atR);
            // A curve that is not monotone would reward removing staff; clamp so it never does.
            v = Math.min(v, prev);
            ex[k] = v;
            prev = v;
        }
        return new Demand(channel, channelIndex, interval, 1, false, intervalMinutes, xs, ex, 0, 0, cover,
                lateContactCost);
    }

    public static Demand deferred(String channel, int channelIndex, int firstInterval, int intervals,
                                  int intervalMinutes, double needStaffMinutes, double contactsPerStaffMinute,
                                  boolean cover, double lateContactCost) {
        return new Demand(channel, channelIndex, firstInterval, intervals, true, intervalMinutes, null, null,
                needStaffMinutes, contactsPerStaffMinute, cover, lateContactCost);
    }

    /** Contacts answered late beyond what the requirement accepts, given weighted agent-minutes ×1000. */
    public double excessLate(long milliMinutes) {
        if (deferred) {
            double done = milliMinutes / 1000.0;
            return Math.max(0.0, needStaffMinutes - done) * contactsPerStaffMinute;
        }
        double x = milliMinutes / (1000.0 * intervalMinutes);
        if (x >= xs[xs.length - 1]) {
            return 0.0;
        }
        int k = (int) Math.floor(x);
        double f = (x - xs[k]) / (xs[k + 1] - xs[k]);
        return excess[k] + f * (excess[k + 1] - excess[k]);
    }

    /** Score units: milli-contacts in cover mode, cents in balance mode. */
    public long penalty(long milliMinutes) {
        double late = excessLate(milliMinutes);
        return cover ? Math.round(late * 1000.0) : Math.round(late * lateContactCost * 100.0);
    }

    /** Weighted agent-minutes ×1000 still useful in this bucket: beyond it staffing earns nothing. */
    public long needMilliMinutes() {
        if (deferred) {
            return Math.round(needStaffMinutes * 1000.0);
        }
        return Math.round(xs[xs.length - 1] * intervalMinutes * 1000.0);
    }

    public String channel() {
        return channel;
    }

    public int channelIndex() {
        return channelIndex;
    }

    public int firstInterval() {
        return firstInterval;
    }

    public int intervals() {
        return intervals;
    }

    public boolean deferred() {
        return deferred;
    }

    public boolean cover() {
        return cover;
    }

    @Override
    public String toString() {
        return channel + "@" + firstInterval + (deferred ? "+" + intervals : "");
    }
}
