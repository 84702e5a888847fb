package org.wfm.scheduler.staffing;

import java.util.Arrays;

/**
 * The planned service level of one channel over a run of consecutive intervals, with the queue carried from each
 * interval into the next: the M(t)/M/s(t)+M queue with rates constant within an interval, solved numerically.
 *
 * <p><b>Why.</b> A steady-state formula per interval (Erlang C or A on the interval's own load and staff, the
 * "stationary independent period-by-period" or SIPP approach) assumes each interval starts in equilibrium. After
 * an under-staffed stretch it does not: the contacts still waiting are served first, so the next interval
 * answers fewer of its own in time, and without abandonment (chat) a backlog can last into the next day. Green,
 * Kolesar and Whitt (<i>Coping with time-varying demand when setting staffing requirements for a service
 * system</i>, Production and Operations Management 16(1), 2007) show SIPP fails exactly there; Stolletz
 * (<i>Approximation of the non-stationary M(t)/M(t)/c(t)-queue using stationary queueing models: the stationary
 * backlog-carryover approach</i>, European Journal of Operational Research 190(2), 2008) carries the backlog
 * forward instead. Here the carried queue is not approximated: the number of contacts in the system is a
 * birth–death process (arrivals at λ_i, completions at μ_i·min(n, s_i), abandonment at θ·max(0, n − s_i)) whose
 * distribution is propagated across the intervals by uniformisation (Jensen's method; Grassmann, <i>Transient
 * solutions in Markovian queueing systems</i>, Computers &amp; Operations Research 4(1), 1977), the "exact"
 * reference method of Ingolfsson, Akhmetshina, Budge, Li and Wu (<i>A survey and experimental comparison of
 * service-level-approximation methods for nonstationary M(t)/M/s(t) queueing systems with exhaustive
 * discipline</i>, INFORMS Journal on Computing 19(2), 2007). Where staffing is constant for long the distribution
 * settles at the stationary one, so the figure equals Erlang C (no patience) or Erlang A (patience θ = 1/mean).
 *
 * <p><b>Service level of an interval</b> = share of its arrivals answered within the answer time, abandoned ones
 * counting as late: arrivals are Poisson within the interval, so they see the interval's time-average
 * distribution p̄ (PASTA), and SL = Σ_n p̄_n·h(n), with h(n) the chance that a contact finding n in the system is
 * answered within τ: 1 when n &lt; s; else, with k = n − s contacts queued ahead, the chance that k + 1
 * completions (rate sμ, plus kθ, (k−1)θ, … as those ahead abandon) come before τ and before its own patience
 * runs out. Like Ingolfsson et al., h takes the interval's staff for the whole wait. A fractional s interpolates
 * h linearly between the whole servers around it; completions run at μ·min(n, s).
 *
 * <p><b>Shrinkage as the simulation applies it.</b> Absence removes whole shifts at random, so the servers
 * present are random: mean s̄_i and standard deviation σ_i (from the per-agent contributions, given by the
 * caller). The figure is the expectation over a normal present-staff level s̄_i + z·σ_i, z the same in every
 * interval (an absent agent is missing for the whole shift, so the staff of neighbouring intervals falls
 * together), by five-point Gauss–Hermite quadrature. Without the spread the figure would be the service at the
 * mean staff, which overstates it where the curve is concave (near and above target): Jensen's inequality.
 */
public final class CarriedBacklog {
    /** Probabilists' Gauss–Hermite nodes and weights: E f(Z) ≈ Σ w·f(z), exact for polynomials of degree ≤ 9. */
    private static final double[] NODES = {-2.856970013872806, -1.3556261799742659, 0.0, 1.3556261799742659,
            2.856970013872806};
    private static final double[] WEIGHTS = {0.011257411327720689, 0.22207592200561266, 0.5333333333333333,
            0.22207592200561266, 0.011257411327720689};
    /** Uniformisation steps are cut so that Λ·h ≤ this: Poisson weights stay far from underflow. */
    private static final double MAX_RATE_TIMES_STEP = 200.0;
    /** Probability mass below this is treated as zero when sizing the state space. */
    private static final double NEGLIGIBLE = 1e-14;
    /**
     * Above this many elementary steps (uniformisation terms × states × staff scenarios, estimated before starting)
     * a channel is handed to {@link BacklogCarryover}, the large-queue approximation: the exact propagation grows with
     * the square of the staff (samples: about 10^8 steps a channel, a second; a channel of 1,500 agents: 10^11).
     * The steps are also counted as the propagation runs: past twice this many, it hands over too.
     */
    static final double EXACT_WORK_LIMIT = 1e9;

    private CarriedBacklog() {
    }

    /**
     * Per-interval planned figures.
     *
     * @param serviceLevel share of the interval's arrivals answered within the answer time (NaN: no arrivals)
     * @param inSystemAtEnd expected contacts in the system (in service and waiting) at the interval's end
     */
    public record Result(double[] serviceLevel, double[] inSystemAtEnd) {
    }

    /**
     * @param intervalSeconds length of each interval
     * @param answerSeconds   the service-level target time τ
     * @param patienceSeconds mean patience; NaN, ≤ 0 or infinite = contacts never abandon
     * @param volume          contacts arriving per interval (0 where closed; the queue still evolves)
     * @param ahtSeconds      mean handle time per interval at proficiency 1; ≤ 0 or NaN = the last valid one
     * @param servers         mean servers present per interval (after shrinkage, proficiency-weighted, × concurrency)
     * @param serversSd       standard deviation of the servers present (0: staff known exactly)
     * @param independentEvery absence is drawn afresh every this many intervals (a day); ≤ 0 = once for all
     */
    public static Result evaluate(double intervalSeconds, double answerSeconds, double patienceSeconds,
                                  double[] volume, double[] ahtSeconds, double[] servers, double[] serversSd,
                                  int independentEvery) {
        int n = volume.length;
        if (ahtSeconds.length != n || servers.length != n || serversSd.length != n) {
            throw new IllegalArgumentException("volume, AHT and servers need one value per interval");
        }
        if (!(intervalSeconds > 0) || !(answerSeconds >= 0) || Double.isInfinite(answerSeconds)) {
            throw new IllegalArgumentException("interval length must be > 0 and the answer time ≥ 0 and finite");
        }
        double theta = patienceSeconds > 0 && Double.isFinite(patienceSeconds) ? 1.0 / patienceSeconds : 0.0;
        double[] aht = filledAht(ahtSeconds);
        for (int i = 0; i < n; i++) {
            if (volume[i] > 0 && !(aht[i] > 0 && Double.isFinite(aht[i]))) {
                throw new IllegalArgumentException("no usable AHT for interval " + i + " with contacts");
            }
        }
        boolean spread = false;
        for (double sd : serversSd) {
            spread |= sd > 0;
        }
        double[] nodes = spread ? NODES : new double[] {0.0};
        double[] weights = spread ? WEIGHTS : new double[] {1.0};
        if (exactWork(intervalSeconds, theta, volume, aht, servers, nodes.length) > EXACT_WORK_LIMIT) {
            return BacklogCarryover.evaluate(intervalSeconds, answerSeconds, theta, volume, aht, servers, serversSd,
                    independentEvery, nodes, weights);
        }
        double[] sl = new double[n];
        double[] end = new double[n];
        Run[] runs = new Run[nodes.length];
        for (int q = 0; q < runs.length; q++) {
            runs[q] = new Run(intervalSeconds, answerSeconds, theta);
        }
        long steps = 0;
        for (int i = 0; i < n; i++) {
            if (steps > 2 * EXACT_WORK_LIMIT) {
                // The estimate missed (a queue far longer than the fluid backlog foresaw): the work done so far
                // is the measure, so the result still depends on the inputs only, never on the machine.
                return BacklogCarryover.evaluate(intervalSeconds, answerSeconds, theta, volume, aht, servers,
                        serversSd, independentEvery, nodes, weights);
            }
            if (runs.length > 1 && independentEvery > 0 && i > 0 && i % independentEvery == 0) {
                mix(runs, weights);
            }
            double lambda = volume[i] > 0 && Double.isFinite(volume[i]) ? volume[i] / intervalSeconds : 0.0;
            double mu = aht[i] > 0 ? 1.0 / aht[i] : 0.0;
            for (int q = 0; q < runs.length; q++) {
                double s = servers[i] + nodes[q] * Math.max(0.0, serversSd[i]);
                s = Double.isFinite(s) ? Math.max(0.0, s) : 0.0;
                Run run = runs[q];
                run.interval(lambda, mu, s);
                steps += run.steps;
                run.steps = 0;
                if (lambda > 0) {
                    sl[i] += weights[q] * run.inTarget(mu, s);
                }
                end[i] += weights[q] * run.meanInSystem();
            }
            if (!(lambda > 0)) {
                sl[i] = Double.NaN;
            }
        }
        return new Result(sl, end);
    }

    /**
     * Steps the exact propagation would take, roughly: per interval the uniformisation terms (total event rate × its
     * length) times the states it carries (staff + arrivals + the queue carried in + a margin), per staff scenario.
     * The queue carried in is the fluid backlog (arrivals beyond what the staff serve, less what abandons: the fluid
     * limit of Mandelbaum, Massey and Reiman 1998): an under-staffed schedule of a large channel carries thousands
     * of contacts from one interval into the next, each a state of the propagation (a 2,000-agent centre whose
     * construction was cut short: over 200 s for one evaluation, against 3 s once counted).
     */
    static double exactWork(double intervalSeconds, double theta, double[] volume, double[] aht, double[] servers,
                            int scenarios) {
        double work = 0;
        double backlog = 0;
        for (int i = 0; i < volume.length; i++) {
            double arrivals = volume[i] > 0 && Double.isFinite(volume[i]) ? volume[i] : 0.0;
            double s = Double.isFinite(servers[i]) ? Math.max(0.0, servers[i]) : 0.0;
            double mu = aht[i] > 0 ? 1.0 / aht[i] : 0.0;
            double events = arrivals + (mu * s + theta * (arrivals + backlog)) * intervalSeconds;
            work += events * (s + arrivals + backlog + 10.0);
            backlog = Math.max(0.0, backlog + arrivals - mu * s * intervalSeconds)
                    * Math.exp(-theta * intervalSeconds);
        }
        return work * scenarios;
    }

    /** Every scenario continues from the scenarios' mixture: absence in the next period is drawn afresh. */
    private static void mix(Run[] runs, double[] weights) {
        int size = 0;
        for (Run r : runs) {
            size = Math.max(size, r.hi + 1);
        }
        double[] mixture = new double[size];
        for (int q = 0; q < runs.length; q++) {
            for (int k = 0; k <= runs[q].hi; k++) {
                mixture[k] += weights[q] * runs[q].p[k];
            }
        }
        for (Run r : runs) {
            r.ensure(size);
            Arrays.fill(r.p, 0.0);
            System.arraycopy(mixture, 0, r.p, 0, size);
            r.hi = size - 1;
        }
    }

    private static double[] filledAht(double[] ahtSeconds) {
        double[] out = ahtSeconds.clone();
        double last = Double.NaN;
        for (double a : out) {
            if (a > 0 && Double.isFinite(a)) {
                last = a;
                break;
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] > 0 && Double.isFinite(out[i])) {
                last = out[i];
            } else {
                out[i] = last;
            }
        }
        return out;
    }

    /** One pass over the intervals at one present-staff scenario. */
    private static final class Run {
        private final double intervalSeconds;
        private final double tau;
        private final double theta;
        private double[] p = new double[64];
        private double[] v = new double[64];
        private double[] next = new double[64];
        private double[] atEnd = new double[64];
        private double[] average = new double[64];
        private double[] down = new double[64];
        private double[] stay = new double[64];
        private int hi;
        /** States visited by the propagation since last read: the work {@link #evaluate} guards. */
        private long steps;

        Run(double intervalSeconds, double tau, double theta) {
            this.intervalSeconds = intervalSeconds;
            this.tau = tau;
            this.theta = theta;
            p[0] = 1.0;
        }

        double meanInSystem() {
            double mean = 0;
            for (int k = 1; k <= hi; k++) {
                mean += k * p[k];
            }
            return mean;
        }

        /** Advances p over one interval and leaves its time-average in {@code average}. */
        private void interval(double lambda, double mu, double s) {
            Arrays.fill(average, 0.0);
            double left = intervalSeconds;
            while (left > 0) {
                if (lambda == 0 && (hi == 0 || (mu * s == 0 && theta == 0))) {
                    // Nothing can happen: the distribution stays as it is for the rest of the interval.
                    for (int k = 0; k <= hi; k++) {
                        average[k] += left * p[k];
                    }
                    break;
                }
                double h = left;
                int w = width(lambda, h);
                double rate = lambda + death(w - 1, mu, s);
                if (rate * h > MAX_RATE_TIMES_STEP) {
                    h = MAX_RATE_TIMES_STEP / rate;
                    w = width(lambda, h);
                    rate = lambda + death(w - 1, mu, s);
                }
                step(lambda, mu, s, w, rate, h);
                left = h >= left ? 0.0 : left - h;
            }
            for (int k = 0; k < average.length; k++) {
                average[k] /= intervalSeconds;
            }
        }

        /** States 0..w−1 cover the mass now plus all but a negligible tail of the arrivals within h. */
        private int width(double lambda, double h) {
            double arrivals = lambda * h;
            int w = hi + 2 + (int) Math.ceil(arrivals + 8.0 * Math.sqrt(arrivals) + 10.0);
            ensure(w);
            return w;
        }

        private double death(int k, double mu, double s) {
            return mu * Math.min(k, s) + theta * Math.max(0.0, k - s);
        }

        /**
         * Uniformisation over [0, h] on states 0..w−1 (arrivals blocked at w−1, which {@link #width} makes
         * unreachable in practice): p(h) = Σ_k Pois(k; Λh)·v_k and ∫₀^h p = (1/Λ)·Σ_k P(N_{Λh} &gt; k)·v_k, with
         * v_k = p(0)·P^k.
         */
        private void step(double lambda, double mu, double s, int w, double rate, double h) {
            double x = rate * h;
            System.arraycopy(p, 0, v, 0, w);
            Arrays.fill(atEnd, 0, w, 0.0);
            // One-step probabilities of the uniformised chain: from j up (a), down (d) or stay (1 − a − d).
            double upShare = lambda / rate;
            for (int j = 0; j < w; j++) {
                down[j] = death(j, mu, s) / rate;
                stay[j] = 1.0 - (j < w - 1 ? upShare : 0.0) - down[j];
            }
            double pois = Math.exp(-x);
            double cumulative = pois;
            int k = 0;
            while (true) {
                steps += w;
                double tail = 1.0 - cumulative;
                double spent = tail / rate;
                for (int j = 0; j < w; j++) {
                    atEnd[j] += pois * v[j];
                    average[j] += spent * v[j];
                }
                if (k >= lastTerm(x) || (tail < 1e-12 && k >= x)) {
                    break;
                }
                // v ← v·P for the uniformised chain.
                next[0] = v[0] * stay[0] + (w > 1 ? v[1] * down[1] : 0.0);
                for (int j = 1; j < w - 1; j++) {
                    next[j] = v[j] * stay[j] + v[j - 1] * upShare + v[j + 1] * down[j + 1];
                }
                if (w > 1) {
                    next[w - 1] = v[w - 1] * stay[w - 1] + v[w - 2] * upShare;
                }
                double[] t = v;
                v = next;
                next = t;
                k++;
                pois *= x / k;
                cumulative += pois;
            }
            double mass = 0;
            for (int j = 0; j < w; j++) {
                mass += atEnd[j];
            }
            hi = 0;
            for (int j = 0; j < w; j++) {
                p[j] = atEnd[j] / mass;
                if (p[j] > NEGLIGIBLE) {
                    hi = j;
                }
            }
            Arrays.fill(p, w, p.length, 0.0);
        }

        private void ensure(int w) {
            if (w > p.length) {
                int size = Math.max(w, 2 * p.length);
                p = Arrays.copyOf(p, size);
                v = Arrays.copyOf(v, size);
                next = Arrays.copyOf(next, size);
                atEnd = Arrays.copyOf(atEnd, size);
                average = Arrays.copyOf(average, size);
                down = new double[size];
                stay = new double[size];
            }
        }

        /** Σ_n p̄_n·h(n), h interpolated between the whole servers around s. */
        private double inTarget(double mu, double s) {
            int c0 = (int) Math.floor(s);
            double f = s - c0;
            int top = average.length;
            double low = inTarget(c0, mu, top);
            return f == 0 ? low : (1 - f) * low + f * inTarget(c0 + 1, mu, top);
        }

        private double inTarget(int c, double mu, int top) {
            double total = 0;
            for (int n = 0; n < Math.min(c, top); n++) {
                total += average[n];
            }
            int last = top - 1;
            while (last > c && average[last] <= NEGLIGIBLE) {
                last--;
            }
            if (c <= last) {
                double[] u = answeredWithin(c, mu, theta, tau, last - c + 1);
                for (int k = 0; k < u.length; k++) {
                    total += average[c + k] * u[k];
                }
            }
            return total;
        }
    }

    /**
     * For k = 0..max−1 contacts queued ahead (all c servers busy): the chance of being answered within τ before
     * the contact's own exponential patience (rate θ) runs out. The position falls at rate cμ + kθ and the
     * contact is answered at the first completion once nobody is ahead; solved by uniformisation of this pure-death
     * chain. Positions that cannot reach service within τ except with negligible probability are left at 0.
     */
    static double[] answeredWithin(int c, double mu, double theta, double tau, int max) {
        if (c <= 0 || mu <= 0 || tau <= 0 || max <= 0) {
            return new double[0];
        }
        // Only positions k with P(Poisson(Λτ) ≥ k + 1) non-negligible can be answered in time.
        int size = Math.min(8, max);
        while (size < max && poissonTailAtLeast((c * mu + (size + 1) * theta) * tau, size) > 1e-13) {
            size = Math.min(max, size * 2);
        }
        double rate = c * mu + size * theta + theta;
        // u(τ) = e^{Gτ}·1{answered}, in pieces of Λh ≤ MAX_RATE_TIMES_STEP so e^{−Λh} stays a normal number.
        int pieces = (int) Math.ceil(rate * tau / MAX_RATE_TIMES_STEP);
        double x = rate * tau / pieces;
        double[] u = new double[size];
        double[] nu = new double[size];
        double[] out = new double[size];
        for (int piece = 0; piece < pieces; piece++) {
            double[] start = u.clone();
            java.util.Arrays.fill(out, 0.0);
            double pois = Math.exp(-x);
            double cumulative = pois;
            int m = 0;
            u = start;
            while (true) {
                for (int k = 0; k < size; k++) {
                    out[k] += pois * u[k];
                }
                if (m >= lastTerm(x) || (1.0 - cumulative < 1e-13 && m >= x)) {
                    break;
                }
                for (int k = 0; k < size; k++) {
                    double move = c * mu + k * theta;
                    double ahead = k == 0 ? 1.0 : u[k - 1];
                    nu[k] = (move * ahead + (rate - move - theta) * u[k]) / rate;
                }
                double[] t = u;
                u = nu;
                nu = t;
                m++;
                pois *= x / m;
                cumulative += pois;
            }
            u = out.clone();
        }
        return out;
    }

    /**
     * A term count past which a Poisson(x) sum has nothing left to add: beyond x + 12√x + 40 the tail is below
     * 1e-25 for every x. Rounding can keep 1 − Σ above a tolerance near machine precision, so the sums stop here
     * at the latest.
     */
    private static int lastTerm(double x) {
        return (int) Math.ceil(x + 12.0 * Math.sqrt(x) + 40.0);
    }

    /** P(N ≥ k) for N ~ Poisson(x). */
    private static double poissonTailAtLeast(double x, int k) {
        double term = Math.exp(-x);
        double below = 0;
        for (int i = 0; i < k; i++) {
            below += term;
            term *= x / (i + 1);
        }
        return Math.max(0.0, 1.0 - below);
    }
}
