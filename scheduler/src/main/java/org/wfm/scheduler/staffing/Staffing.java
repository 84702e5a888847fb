package org.wfm.scheduler.staffing;

/**
 * Agents for one interval of an immediate (voice) or concurrent (chat) channel: the entry point of
 * {@code wfm erlang} and of {@link RequirementsCalculator}.
 *
 * <p>Voice: Erlang C ({@link ErlangC}) without patience, Erlang A ({@link ErlangA}) with it. Chat: each
 * agent has {@code concurrency} slots and each slot is a server whose handle time is the chat's duration, so
 * the queue is M/M/(N·C) (or M/M/(N·C)+M with patience) and the agents needed are the slots needed ÷ C,
 * rounded up. This is the product contract's model; it is the simplest of the chat models surveyed by Tezcan
 * &amp; Zhang ("Routing and staffing in customer service chat systems with impatient customers", <i>Operations
 * Research</i> 62(4), 2014), which assumes a chat's duration does not depend on how many chats its agent holds
 * — the AHT given should therefore be the duration observed at the usual concurrency. Occupancy of a chat
 * channel is the busy share of slots.
 */
public final class Staffing {

    private Staffing() {
    }

    /**
     * Figures for {@code agents} agents.
     *
     * @param callsPerInterval contacts offered in the interval
     * @param patienceSeconds  mean patience; NaN = callers never abandon (Erlang C)
     * @param concurrency      slots per agent, 1 for voice
     */
    public static StaffingResult evaluate(double callsPerInterval, double ahtSeconds, int intervalMinutes,
                                          double answerSeconds, double patienceSeconds, int concurrency,
                                          int agents) {
        requireConcurrency(concurrency);
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be ≥ 0: " + agents);
        }
        long wanted = (long) agents * concurrency;
        if (wanted > StaffingLimitException.MAX_SERVERS) {
            throw new StaffingLimitException(agents + " agents" + (concurrency > 1 ? " × " + concurrency + " slots" : "")
                    + " is more than the " + StaffingLimitException.MAX_SERVERS + " servers wfm evaluates");
        }
        int servers = (int) wanted;
        StaffingResult r = evaluateServers(load(callsPerInterval, ahtSeconds, intervalMinutes), ahtSeconds,
                answerSeconds, patienceSeconds, servers);
        return new StaffingResult(agents, r.serviceLevel(), r.asaSeconds(), r.occupancy(), r.abandonment());
    }

    /**
     * The fewest agents whose service level reaches {@code targetSl} and whose occupancy stays within
     * {@code maxOccupancy} (NaN = no cap), with their figures. Zero contacts need zero agents; any load needs
     * at least one, and under Erlang C more servers than the load, or the queue would grow without bound.
     */
    public static StaffingResult required(double calls, double aht, int intervalMinutes, double targetSl,
                                          double answerSeconds, double patienceSeconds, int concurrency,
                                          double maxOccupancy) {
        requireConcurrency(concurrency);
        requireTarget(targetSl, maxOccupancy);
        double load = load(calls, aht, intervalMinutes);
        int servers = Double.isNaN(patienceSeconds)
                ? ErlangC.required(load, aht, targetSl, answerSeconds, maxOccupancy)
                : ErlangA.required(load, aht, patienceSeconds, targetSl, answerSeconds, maxOccupancy);
        int agents = (servers + concurrency - 1) / concurrency;
        return evaluate(calls, aht, intervalMinutes, answerSeconds, patienceSeconds, concurrency, agents);
    }

    /** Offered load in Erlangs: contacts × AHT ÷ interval length. */
    public static double load(double callsPerInterval, double ahtSeconds, int intervalMinutes) {
        if (!(callsPerInterval >= 0.0) || Double.isInfinite(callsPerInterval)) {
            throw new IllegalArgumentException("calls must be a finite number ≥ 0: " + callsPerInterval);
        }
        if (!(ahtSeconds > 0.0) || Double.isInfinite(ahtSeconds)) {
            throw new IllegalArgumentException("AHT must be a finite number > 0: " + ahtSeconds);
        }
        if (intervalMinutes <= 0) {
            throw new IllegalArgumentException("interval minutes must be > 0: " + intervalMinutes);
        }
        return callsPerInterval * ahtSeconds / (intervalMinutes * 60.0);
    }

    static StaffingResult evaluateServers(double load, double aht, double answerSeconds, double patienceSeconds,
                                          int servers) {
        return evaluateServers(load, aht, answerSeconds, patienceSeconds, servers, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #evaluateServers(double, double, double, double, int)} with the Erlang B values of this load at
     * {@code servers} and {@code servers − 1} given (a caller that tabulates the recursion once; NaN = compute
     * them): the same result.
     */
    static StaffingResult evaluateServers(double load, double aht, double answerSeconds, double patienceSeconds,
                                          int servers, double erlangB, double erlangBBelow) {
        if (!(answerSeconds >= 0.0) || Double.isInfinite(answerSeconds)) {
            throw new IllegalArgumentException("answer time must be a finite number ≥ 0: " + answerSeconds);
        }
        if (!Double.isNaN(patienceSeconds)) {
            return ErlangA.evaluate(servers, load, aht, patienceSeconds, answerSeconds, erlangBBelow);
        }
        return Double.isNaN(erlangB) ? ErlangC.evaluate(servers, load, aht, answerSeconds)
                : ErlangC.evaluate(servers, load, aht, answerSeconds, erlangB);
    }

    static void requireTarget(double targetSl, double maxOccupancy) {
        if (!(targetSl >= 0.0 && targetSl <= 1.0)) {
            throw new IllegalArgumentException("service-level target must be in 0..1: " + targetSl);
        }
        if (!Double.isNaN(maxOccupancy) && !(maxOccupancy > 0.0 && maxOccupancy <= 1.0)) {
            throw new IllegalArgumentException("maximum occupancy must be in (0, 1]: " + maxOccupancy);
        }
    }

    private static void requireConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be ≥ 1: " + concurrency);
        }
    }
}
