package org.wfm.scheduler.staffing;

/**
 * Erlang C (M/M/N): Poisson arrivals, exponential handle times, N agents, callers wait as long as it takes.
 *
 * <p>All figures come from the Erlang B recursion {@code B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))}
 * and {@code C = N·B / (N − a·(1 − B))}, which never forms a factorial or a power of the load and so
 * stays accurate from tiny loads to thousands of Erlangs (Cooper, <i>Introduction to Queueing Theory</i>,
 * 2nd ed. 1981, §3.4; Jagerman, "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53,
 * 1974). The waiting-time tail {@code P(W > t) = C·exp(−(N − a)·t / AHT)} and
 * {@code ASA = C·AHT / (N − a)} are the textbook M/M/N results (Gross &amp; Harris, <i>Fundamentals of
 * Queueing Theory</i>, §2.3). Loads are in Erlangs: {@code a = λ·AHT}.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Erlang B blocking probability of {@code servers} servers offered {@code load} Erlangs. */
    public static double erlangB(int servers, double load) {
        requireArguments(servers, load);
        double b = 1.0;
        for (int k = 1; k <= servers; k++) {
            b = load * b / (k + load * b);
        }
        return b;
    }

    /**
     * Probability that an arriving contact waits (all servers busy), 1 when {@code load ≥ servers}
     * because the unstable queue then makes every caller wait eventually.
     */
    public static double probabilityOfWaiting(int servers, double load) {
        return probabilityOfWaitingFromB(servers, load, erlangB(servers, load));
    }

    /** Erlang C from a precomputed Erlang B value of the same servers and load. */
    static double probabilityOfWaitingFromB(int servers, double load, double erlangB) {
        if (load <= 0.0) {
            return 0.0;
        }
        if (load >= servers) {
            return 1.0;
        }
        double c = servers * erlangB / (servers - load * (1.0 - erlangB));
        return Math.min(1.0, c);
    }

    /** Share of arriving contacts answered within {@code answerSeconds}. */
    public static double serviceLevel(int servers, double load, double ahtSeconds, double answerSeconds) {
        return serviceLevelFromC(servers, load, ahtSeconds, answerSeconds, probabilityOfWaiting(servers, load));
    }

    static double serviceLevelFromC(int servers, double load, double ahtSeconds, double answerSeconds,
                                    double c) {
        if (load <= 0.0) {
            return 1.0;
        }
        if (load >= servers) {
            return 0.0;
        }
        return Math.max(0.0, 1.0 - c * Math.exp(-(servers - load) * answerSeconds / ahtSeconds));
    }

    /** Mean wait of all contacts in seconds (those answered at once count 0); +∞ if unstable. */
    public static double asa(int servers, double load, double ahtSeconds) {
        return asaFromC(servers, load, ahtSeconds, probabilityOfWaiting(servers, load));
    }

    static double asaFromC(int servers, double load, double ahtSeconds, double c) {
        if (load <= 0.0) {
            return 0.0;
        }
        if (load >= servers) {
            return Double.POSITIVE_INFINITY;
        }
        return c * ahtSeconds / (servers - load);
    }

    /** Share of server time busy: {@code load ÷ servers}, at most 1; 0 without servers (nobody is busy). */
    public static double occupancy(int servers, double load) {
        if (load <= 0.0 || servers == 0) {
            return 0.0;
        }
        return Math.min(1.0, load / servers);
    }

    /** All figures for {@code servers} servers. */
    public static StaffingResult evaluate(int servers, double load, double ahtSeconds, double answerSeconds) {
        return evaluate(servers, load, ahtSeconds, answerSeconds, erlangB(servers, load));
    }

    /** As {@link #evaluate(int, double, double, double)} with Erlang B of these servers and load given. */
    static StaffingResult evaluate(int servers, double load, double ahtSeconds, double answerSeconds,
                                   double erlangB) {
        requireArguments(servers, load);
        double c = probabilityOfWaitingFromB(servers, load, erlangB);
        return new StaffingResult(servers, serviceLevelFromC(servers, load, ahtSeconds, answerSeconds, c),
                asaFromC(servers, load, ahtSeconds, c), occupancy(servers, load), 0.0);
    }

    /**
     * Fewest servers with service level ≥ {@code targetSl} and occupancy ≤ {@code maxOccupancy} (NaN = no
     * cap). Always more servers than the load when there is any load, so the queue is stable. The scan
     * continues the Erlang B recursion from one server count to the next: O(result) work in all.
     *
     * @throws StaffingLimitException when more than {@link StaffingLimitException#MAX_SERVERS} would be needed
     */
    public static int required(double load, double ahtSeconds, double targetSl, double answerSeconds,
                               double maxOccupancy) {
        requireArguments(0, load);
        Staffing.requireTarget(targetSl, maxOccupancy);
        if (!(ahtSeconds > 0.0) || !(answerSeconds >= 0.0)) {
            throw new IllegalArgumentException("AHT must be > 0 and answer time ≥ 0: " + ahtSeconds + ", "
                    + answerSeconds);
        }
        if (load <= 0.0) {
            return 0;
        }
        if (load >= StaffingLimitException.MAX_SERVERS) {
            throw StaffingLimitException.forLoad(load);
        }
        double b = 1.0;
        int n = 0;
        int floor = (int) Math.floor(load);
        while (n < floor) {
            n++;
            b = load * b / (n + load * b);
        }
        while (true) {
            if (n >= StaffingLimitException.MAX_SERVERS) {
                throw StaffingLimitException.forLoad(load);
            }
            n++;
            b = load * b / (n + load * b);
            double c = probabilityOfWaitingFromB(n, load, b);
            boolean slMet = serviceLevelFromC(n, load, ahtSeconds, answerSeconds, c) >= targetSl;
            boolean occMet = Double.isNaN(maxOccupancy) || load / n <= maxOccupancy;
            if (slMet && occMet) {
                return n;
            }
        }
    }

    private static void requireArguments(int servers, double load) {
        if (servers < 0) {
            throw new IllegalArgumentException("servers must be ≥ 0: " + servers);
        }
        if (!(load >= 0.0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("load must be a finite number ≥ 0: " + load);
        }
    }
}
