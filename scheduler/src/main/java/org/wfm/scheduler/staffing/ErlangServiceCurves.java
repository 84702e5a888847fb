package org.wfm.scheduler.staffing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The solver's service curves: Erlang C or A (by the channel's patience) on servers = scheduled agents ×
 * (1 − shrinkage) × concurrency, linear between whole servers. Curves for equal (channel, volume, AHT, interval)
 * are shared, and each curve fills a small table of whole-server values on first use, so a solver's millions of
 * calls cost an array lookup and one interpolation.
 */
public final class ErlangServiceCurves implements ServiceCurveFactory {

    private final double planShrinkage;
    private final Map<Key, ErlangServiceCurve> cache = new ConcurrentHashMap<>();

    /** Uses each channel's own shrinkage ({@link Channel#shrinkage()}, 0 when NaN). */
    public ErlangServiceCurves() {
        this(0.0);
    }

    /** @param planShrinkage shrinkage for channels whose own is NaN */
    public ErlangServiceCurves(double planShrinkage) {
        this.planShrinkage = planShrinkage;
    }

    @Override
    public ErlangServiceCurve curve(Channel channel, Requirement requirement, int intervalMinutes) {
        if (channel.kind() == ChannelKind.DEFERRED) {
            throw new IllegalArgumentException("deferred channel " + channel.name() + " has no service curve");
        }
        double aht = requirement.ahtSeconds() > 0.0 ? requirement.ahtSeconds() : channel.ahtSeconds();
        Key key = new Key(channel, Math.max(0.0, requirement.forecastVolume()), aht, intervalMinutes);
        return cache.computeIfAbsent(key, k -> new ErlangServiceCurve(k.volume,
                Staffing.load(k.volume, k.aht, k.intervalMinutes), k.aht, channel.answerSeconds(),
                channel.patienceSeconds(), RequirementsCalculator.servedConcurrency(channel),
                RequirementsCalculator.availability(channel, planShrinkage)));
    }

    /**
     * The planned service level with the queue carried across intervals and shrinkage as whole shifts absent
     * ({@link CarriedBacklog}, absence drawn afresh each day): servers present s̄ = (1 − shrinkage) × concurrency ×
     * (scheduled + finishing), with standard deviation concurrency × √(shrinkage·(1 − shrinkage)·Σ share²), each
     * agent present or absent as a whole.
     *
     * <p><b>Finishing.</b> An agent whose work block ends (break, lunch, training, end of shift) finishes the
     * contacts in progress, as the simulation does and as agents do. Each slot is busy with probability ρ (the
     * occupancy of the block's last interval, offered load ÷ servers present, at most 1) and the remaining handle
     * time of a contact in progress has mean AHT (exponential handle times; also a lognormal with CV 1), so a block
     * end adds ρ × AHT weighted agent-seconds of capacity, spread over the following intervals as the residual
     * times decay (a share e^{−kT/AHT}·(1 − e^{−T/AHT}) in the k-th). A switch to another channel is left out: the
     * gain on the channel left is a loss on the channel joined.
     */
    @Override
    public double[] plannedServiceLevels(Channel channel, Requirement[] requirements, double[] scheduled,
                                         double[] scheduledSquares, double[] blockEnds, int intervalMinutes) {
        if (channel.kind() == ChannelKind.DEFERRED) {
            throw new IllegalArgumentException("deferred channel " + channel.name() + " has no service curve");
        }
        int n = requirements.length;
        double seconds = intervalMinutes * 60.0;
        double availability = RequirementsCalculator.availability(channel, planShrinkage);
        double shrinkage = 1.0 - availability;
        int concurrency = RequirementsCalculator.servedConcurrency(channel);
        double[] volume = new double[n];
        double[] aht = new double[n];
        double[] agents = new double[n];
        for (int i = 0; i < n; i++) {
            Requirement r = requirements[i];
            volume[i] = r == null ? 0.0 : Math.max(0.0, r.forecastVolume());
            aht[i] = r == null ? Double.NaN : r.ahtSeconds() > 0.0 ? r.ahtSeconds() : channel.ahtSeconds();
            agents[i] = Math.max(0.0, scheduled[i]);
        }
        for (int i = 1; i < n; i++) {
            if (!(blockEnds[i] > 0) || !(volume[i - 1] > 0) || !(agents[i - 1] > 0)) {
                continue;
            }
            double load = volume[i - 1] * aht[i - 1] / seconds;
            double busy = Math.min(1.0, load / (concurrency * availability * agents[i - 1]));
            double stay = Math.exp(-seconds / aht[i - 1]);
            double share = blockEnds[i] * busy * aht[i - 1] / seconds * (1 - stay);
            for (int k = i; k < n && share > 1e-9; k++) {
                agents[k] += share;
                share *= stay;
            }
        }
        double[] servers = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            servers[i] = concurrency * availability * agents[i];
            sd[i] = concurrency * Math.sqrt(shrinkage * availability * Math.max(0.0, scheduledSquares[i]));
        }
        if (n > 0 && !(aht[0] > 0.0)) {
            aht[0] = channel.ahtSeconds();
        }
        return CarriedBacklog.evaluate(seconds, channel.answerSeconds(), channel.patienceSeconds(), volume, aht,
                servers, sd, (int) Math.round(1440.0 / intervalMinutes)).serviceLevel();
    }

    private record Key(Channel channel, double volume, double aht, int intervalMinutes) {
    }

    /** One interval's curve; also gives occupancy, for coverage.csv. */
    public static final class ErlangServiceCurve implements ServiceCurve {
        private final double volume;
        private final double load;
        private final double aht;
        private final double answerSeconds;
        private final double patienceSeconds;
        private final double serversPerAgent;
        /** Service level and occupancy at whole servers 0..top; NaN until computed. */
        private final double[] serviceLevel;
        private final double[] occupancy;
        /** Erlang B at 0..top servers, filled on first use (racing threads fill equal arrays). */
        private volatile double[] erlangB;

        ErlangServiceCurve(double volume, double load, double aht, double answerSeconds, double patienceSeconds,
                           int concurrency, double availability) {
            this.volume = volume;
            this.load = load;
            this.aht = aht;
            this.answerSeconds = answerSeconds;
            this.patienceSeconds = patienceSeconds;
            this.serversPerAgent = availability * concurrency;
            // Beyond load + 10·√load + 20 servers the chance of waiting is below e^-50: the curve is flat there.
            int top = (int) Math.ceil(load + 10.0 * Math.sqrt(load) + 20.0);
            this.serviceLevel = new double[top + 1];
            this.occupancy = new double[top + 1];
            java.util.Arrays.fill(serviceLevel, Double.NaN);
        }

        @Override
        public double volume() {
            return volume;
        }

        @Override
        public double serviceLevel(double scheduledAgents) {
            return interpolate(serviceLevel, scheduledAgents);
        }

        /** Share of server time busy at these scheduled agents (before shrinkage), 0..1. */
        public double occupancy(double scheduledAgents) {
            return interpolate(occupancy, scheduledAgents);
        }

        /** Servers (slots) working at these scheduled agents: after shrinkage, times concurrency. */
        public double servers(double scheduledAgents) {
            return Math.max(0.0, scheduledAgents) * serversPerAgent;
        }

        private double interpolate(double[] table, double scheduledAgents) {
            double servers = servers(scheduledAgents);
            int top = table.length - 1;
            if (servers >= top) {
                return valueAt(table, top);
            }
            int i = (int) servers;
            double frac = servers - i;
            double v = valueAt(table, i);
            return frac == 0.0 ? v : v + frac * (valueAt(table, i + 1) - v);
        }

        /**
         * Erlang B of this load at 0..top servers: the recursion of {@link ErlangC#erlangB} run once (the same
         * operations, so the same values) instead of from 0 for each server count, which made valuing a curve at
         * every count quadratic in the staff (2 s of a 10,000-agent problem build).
         */
        private double[] erlangB() {
            double[] b = erlangB;
            if (b == null) {
                b = new double[serviceLevel.length];
                b[0] = 1.0;
                for (int k = 1; k < b.length; k++) {
                    b[k] = load * b[k - 1] / (k + load * b[k - 1]);
                }
                erlangB = b;
            }
            return b;
        }

        /**
         * Fills both tables at {@code servers} on first use. Racing threads compute and store the same values,
         * so no lock is needed (double writes are atomic on 64-bit JVMs).
         */
        private double valueAt(double[] table, int servers) {
            if (Double.isNaN(serviceLevel[servers])) {
                double[] b = erlangB();
                StaffingResult r = Staffing.evaluateServers(load, aht, answerSeconds, patienceSeconds, servers,
                        b[servers], servers == 0 ? Double.NaN : b[servers - 1]);
                occupancy[servers] = r.occupancy();
                serviceLevel[servers] = r.serviceLevel();
            }
            return table[servers];
        }
    }
}
