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
 *
 * <p><b>Starved intervals.</b> Late contacts are a total, and an agent often saves more of them in a nearly
 * covered interval than in an empty one (the curves are flat while staff is far below the load), so a short week
 * can be met by leaving one channel's peak empty while every other bucket sits at its requirement (the soft
 * demand constraint of Koole and van der Sluis, Optimal shift scheduling with a global service level constraint,
 * IIE Transactions 35, 2003: more agents in one interval can make up for a shortage in another). Beside the late contacts each bucket therefore pays
 * {@code starvation(x) = spread × E0 × u(x)²}, with u = max(0, 1 − x/R) the missing fraction of the requirement
 * (staff-minutes for a deferred window) and E0 the excess late contacts of the bucket left empty. It is 0 at or
 * above R, falls as staff is added and is convex in staff, so the k-th agent removed from a bucket costs more
 * than the one before: {@code 2·spread·E0/R} per agent at an empty bucket against nothing at a covered one.
 * Summed over buckets it is a weighted sum of squared shortfalls, the least-squares step between minimising the
 * total shortfall and the max-min fair allocation that minimises the worst one (Mo and Walrand, Fair
 * end-to-end window-based congestion control, IEEE/ACM Transactions on Networking 8(5), 2000: the α-fair
 * family; Bertsekas and Gallager, Data Networks, 2nd ed. 1992, ch. 6, max-min fairness). With
 * {@code spread = 1} the term never exceeds the late contacts' own chord E0·u (u² ≤ u), equals it for an empty
 * bucket and vanishes at the requirement: the price of service at most doubles, and only where a bucket is
 * starved. Scored as its own constraints so the late contacts stay readable.
 */
public final class Demand {
    /**
     * Weight of the convex envelope in the immediate penalty, the rest on the true curve. The envelope alone
     * gives every agent a gain but spreads agents thinly where each is still worth nothing (samples, 30 s: 4,353
     * late contacts, chat 55.7%); the true curve alone leaves the flat start unstaffed (4,980, chat 49.4%);
     * half and half: 3,909, chat 62.8%, voice 81.3%.
     */
    static final double ENVELOPE_WEIGHT = 0.5;
    /** Whole agents up to which an immediate bucket's curve is valued at every one (see {@link #immediate}). */
    static final int SAMPLED_AGENTS = 128;
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
    /** Weight of the starved-interval term (rules.yaml {@code objective.spread}); 0 switches it off. */
    private final double spread;
    /** Excess late contacts with nobody scheduled, {@code excessLate(0)}: the starvation term's scale. */
    private final double lateWithNobody;

    private Demand(String channel, int channelIndex, int firstInterval, int intervals, boolean deferred,
                   int intervalMinutes, double[] xs, double[] excess, double needStaffMinutes,
                   double contactsPerStaffMinute, boolean cover, double lateContactCost, double spread) {
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
        this.spread = spread;
        this.lateWithNobody = excessLate(0);
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
                                   boolean cover, double lateContactCost, double spread) {
        int whole = (int) Math.floor(required);
        boolean exact = whole == required;
        int n = whole + (exact ? 1 : 2);
        double[] xs = new double[n];
        double[] raw = new double[n];
        // Each value of the staffing maths costs about as much as its staff, so sampling every whole agent grows with
        // the square of the requirement (10,000 agents: intervals of 900, a third of a 2-minute problem build). Above
        // SAMPLED_AGENTS the curve is valued every stride agents (and at the last ones and R) and linear in between,
        // where at that size one agent moves it by a fraction of a percent.
        int stride = Math.max(1, (whole + SAMPLED_AGENTS - 1) / SAMPLED_AGENTS);
        int last = -1;
        for (int k = 0; k < n; k++) {
            xs[k] = k <= whole ? k : required;
            if (stride == 1 || k % stride == 0 || k >= whole - 1) {
                raw[k] = late.applyAsDouble(xs[k]);
                for (int j = last + 1; j < k && last >= 0; j++) {
                    raw[j] = raw[last] + (raw[k] - raw[last]) * (xs[j] - xs[last]) / (xs[k] - xs[last]);
                }
                last = k;
            }
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
                lateContactCost, spread);
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
                                  boolean cover, double lateContactCost, double spread) {
        return new Demand(channel, channelIndex, firstInterval, intervals, true, intervalMinutes, null, null,
                needStaffMinutes, contactsPerStaffMinute, cover, lateContactCost, spread);
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

    /** Missing fraction of the requirement, 0 (covered) to 1 (nobody), given weighted agent-minutes ×1000. */
    public double shortfall(long milliMinutes) {
        long need = needMilliMinutes();
        return need <= 0 ? 0.0 : Math.max(0.0, 1.0 - (double) milliMinutes / need);
    }

    /** The starved-interval term in contacts: spread × E0 × shortfall² (see the class comment). */
    public double starvation(long milliMinutes) {
        if (spread == 0) {
            return 0.0;
        }
        double u = shortfall(milliMinutes);
        return spread * lateWithNobody * u * u;
    }

    /** Everything the heuristics weigh: {@link #latePenalty} + {@link #starvationPenalty}, in score units. */
    public long penalty(long milliMinutes) {
        return latePenalty(milliMinutes) + starvationPenalty(milliMinutes);
    }

    /** Late contacts beyond the requirement in score units: milli-contacts in cover mode, cents in balance mode. */
    public long latePenalty(long milliMinutes) {
        return scoreUnits(excessLate(milliMinutes));
    }

    /** The starved-interval term in the units of {@link #latePenalty}. */
    public long starvationPenalty(long milliMinutes) {
        return scoreUnits(starvation(milliMinutes));
    }

    private long scoreUnits(double contacts) {
        return cover ? Math.round(contacts * 1000.0) : Math.round(contacts * lateContactCost * 100.0);
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
