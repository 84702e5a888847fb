package org.wfm.scheduler.solver.model;

/**
 * A demand bucket priced by the service it loses: one interval of an immediate or concurrent channel, or one
 * response window of a deferred channel. Staffing beyond the requirement earns nothing (the service is capped at
 * the required level), so the solver never buys agents for service above target.
 *
 * <p>Immediate/concurrent: {@code excessLate(x)} = f(min(x, R)) − f(R) contacts, with f() the mean of the staffing
 * maths' late-contact curve and its lower convex envelope, sampled at whole agents and at R = required staff
 * (why: see {@link #immediate}). Deferred: the window's work (required staff ×
 * minutes) must be done inside the window; staff-minutes missing are turned into contacts by the channel's
 * handle time after shrinkage.
 */
public final class Demand {
    /**
     * Weight of the convex envelope in the immediate penalty, the rest on the true curve. The envelope alone
     * gives every agent a gain but spreads agents thinly where each is still worth nothing (samples, 30 s: 4,353
     * late contacts, chat 55.7%); the true curve alone leaves the flat start unstaffed (4,980, chat 49.4%);
     * half and half: 3,909, chat 62.8%, voice 81.3%.
     */
    static final double ENVELOPE_WEIGHT = 0.5;
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

    /**
     * @param late late contacts as a function of scheduled (weighted) agents; {@code required} = R.
     *
     * <p>The penalty is the mean of the true excess and of the lower convex envelope of late() sampled at whole
     * agents and R. Erlang C (no patience) answers nothing in time until the servers exceed the offered load: a
     * chat interval of 12 Erlangs at 2.1 servers per agent loses every contact with 0 to 5 agents, so on the
     * true curve each of the first agents saves nothing on its own, neither greedy nor one-agent moves ever
     * start to staff it, and such intervals stayed empty while channels with a smooth curve (Erlang A voice)
     * took every agent. On the envelope each agent is credited with the average late contacts it avoids on the
     * way to R, the marginal value channels are balanced by; the true half keeps the solver from spreading
     * agents where they do not yet help (see {@link #ENVELOPE_WEIGHT}). Where late() is convex (above the load)
     * both agree, so near the requirement the penalty is the true excess; below it, it is never above it.
     */
    public static Demand immediate(String channel, int channelIndex, int interval, int intervalMinutes,
                                   double required, java.util.function.DoubleUnaryOperator late,
                                   boolean cover, double lateContactCost) {
        int whole = (int) Math.floor(required);
        boolean exact = whole == required;
        int n = whole + (exact ? 1 : 2);
        double[] xs = new double[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = k <= whole ? k : required;
            raw[k] = late.applyAsDouble(xs[k]);
        }
        double[] hull = lowerConvexEnvelope(xs, raw);
        double atR = hull[n - 1];
        double[] ex = new double[n];
        double prev = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double v = Math.max(0.0, ENVELOPE_WEIGHT * (hull[k] - atR) + (1 - ENVELOPE_WEIGHT) * (raw[k] - raw[n - 1]));
            // A curve that is not monotone would reward removing staff; clamp so it never does.
            v = Math.min(v, prev);
            ex[k] = v;
            prev = v;
        }
        return new Demand(channel, channelIndex, interval, 1, false, intervalMinutes, xs, ex, 0, 0, cover,
                lateContactCost);
    }

    /** Values at {@code xs} (increasing) of the lower convex envelope of the points (Andrew's monotone chain). */
    static double[] lowerConvexEnvelope(double[] xs, double[] ys) {
        int n = xs.length;
        int[] hull = new int[n];
        int h = 0;
        for (int k = 0; k < n; k++) {
            while (h >= 2 && cross(xs, ys, hull[h - 2], hull[h - 1], k) <= 0) {
                h--;
            }
            hull[h++] = k;
        }
        double[] out = new double[n];
        int seg = 0;
        for (int k = 0; k < n; k++) {
            while (seg < h - 2 && xs[hull[seg + 1]] < xs[k]) {
                seg++;
            }
            int a = hull[seg];
            int b = hull[Math.min(seg + 1, h - 1)];
            out[k] = a == b ? ys[a] : ys[a] + (ys[b] - ys[a]) * (xs[k] - xs[a]) / (xs[b] - xs[a]);
        }
        return out;
    }

    /** Positive when a, b, c turn counter-clockwise (b lies below the chord from a to c). */
    private static double cross(double[] xs, double[] ys, int a, int b, int c) {
        return (xs[b] - xs[a]) * (ys[c] - ys[a]) - (ys[b] - ys[a]) * (xs[c] - xs[a]);
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
