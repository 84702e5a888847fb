package org.wfm.scheduler.simulation;

import org.apache.commons.math3.distribution.TDistribution;
import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Discrete-event simulation of a schedule against demand drawn from the forecast.
 *
 * <p>Model (each replication):
 * <ul>
 *   <li>Arrivals: a Poisson process per interval and channel at rate volume ÷ interval length (steady within the
 *       interval, changing between intervals).</li>
 *   <li>Handle time: drawn per contact (see {@link SimulationOptions}: lognormal, mean = the interval's AHT) and
 *       divided by the proficiency of the agent who takes it.</li>
 *   <li>Patience: immediate and concurrent channels with {@code patience_seconds} abandon after an exponential
 *       patience with that mean; without it, and on deferred channels, contacts wait as long as it takes.</li>
 *   <li>Routing: a contact goes to an agent whose current WORK block is on its channel and who has room —
 *       the fewest contacts in progress first (chat), then the longest idle; otherwise it joins the channel's FIFO
 *       queue. Chat agents hold up to {@code concurrency} chats, each taking the full chat duration (the
 *       M/M/(N·C) view of the contract). Break, lunch and training blocks take nothing; a contact in service when
 *       a block ends is finished first.</li>
 *   <li>Absence: each shift (an agent's rows with one start date) is missing as a whole with probability equal to
 *       the largest shrinkage among the channels it works (a channel without its own takes the plan's default);
 *       a shift without work uses the plan's default.</li>
 *   <li>Deferred channels: service level = share of contacts finished within {@code response_hours} of arrival;
 *       contacts whose deadline falls after the horizon (the last schedule time) are left out of it.</li>
 * </ul>
 *
 * <p>Statistics: per interval and channel, counts are averaged over replications and ratios (service level, ASA,
 * abandonment, occupancy) are pooled, Σ numerator ÷ Σ denominator, so that {@code service_level =
 * answered_in_target ÷ offered} holds in simulation.csv. The confidence interval of a pooled ratio R = x̄ ÷ ȳ
 * over n independent replications is the ratio-estimator one (Cochran, Sampling Techniques, 3rd ed. 1977,
 * §6.3–6.4; Law, Simulation Modeling and Analysis, 5th ed. 2015, §9.4): half-width t(0.975, n−1) · s ÷ (√n · ȳ)
 * with s the sample standard deviation of x_r − R·y_r.
 *
 * <p>Replications start empty at local midnight of the first day; each uses its own stream split in order from
 * {@code new SplittableRandom(seed)}, so the same inputs and seed give the same result.
 */
public final class Simulator {
    private final SimulationOptions options;

    public Simulator() {
        this(SimulationOptions.defaults());
    }

    public Simulator(SimulationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param schedule     schedule.csv rows; only WORK rows take contacts, on their channel
     * @param agents       every agent named in the schedule (proficiency per channel)
     * @param channels     channels.yaml
     * @param demand       expected volume and AHT per interval and channel (forecast.csv, or requirements.csv
     *                     converted); intervals are {@code channels.intervalMinutes()} long
     * @param replications independent replications, at least 1 (2 or more for confidence intervals)
     * @param seed         the random seed
     * @param progress     receives one line per replication; may be null
     * @throws IllegalArgumentException when the inputs name unknown agents or channels, or a volume has no AHT
     */
    public SimulationResult run(List<ScheduleRow> schedule, List<Agent> agents, ChannelPlan channels,
                                List<ForecastPoint> demand, int replications, long seed, Consumer<String> progress) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
        SimulationModel model = new SimulationModel(schedule, agents, channels, demand);
        int cells = model.cellCount();
        int channelCount = model.channelCount;
        Moments[] cellSl = new Moments[cells];
        Tally sum = new Tally(cells);
        Moments[] channelSl = new Moments[channelCount];
        Moments[] channelAbandon = new Moments[channelCount];
        Moments[] channelAsa = new Moments[channelCount];
        for (int c = 0; c < channelCount; c++) {
            channelSl[c] = new Moments();
            channelAbandon[c] = new Moments();
            channelAsa[c] = new Moments();
        }
        double[] channelOffered = new double[channelCount];
        double[] channelBusy = new double[channelCount];
        double[] channelAvailable = new double[channelCount];

        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < replications; r++) {
            Tally t = new Replication(model, options).run(root.split());
            double[] inTarget = new double[channelCount];
            double[] judged = new double[channelCount];
            double[] offered = new double[channelCount];
            double[] abandoned = new double[channelCount];
            double[] answered = new double[channelCount];
            double[] waits = new double[channelCount];
            for (int k = 0; k < cells; k++) {
                int c = k % channelCount;
                if (cellSl[k] == null) {
                    cellSl[k] = new Moments();
                }
                cellSl[k].add(t.inTarget[k], t.judged[k]);
                sum.offered[k] += t.offered[k];
                sum.judged[k] += t.judged[k];
                sum.inTarget[k] += t.inTarget[k];
                sum.abandoned[k] += t.abandoned[k];
                sum.answered[k] += t.answered[k];
                sum.waitSum[k] += t.waitSum[k];
                sum.busy[k] += t.busy[k];
                sum.available[k] += t.available[k];
                inTarget[c] += t.inTarget[k];
                judged[c] += t.judged[k];
                offered[c] += t.offered[k];
                abandoned[c] += t.abandoned[k];
                answered[c] += t.answered[k];
                waits[c] += t.waitSum[k];
                channelBusy[c] += t.busy[k];
                channelAvailable[c] += t.available[k];
            }
            for (int c = 0; c < channelCount; c++) {
                channelSl[c].add(inTarget[c], judged[c]);
                channelAbandon[c].add(abandoned[c], offered[c]);
                channelAsa[c].add(waits[c], answered[c]);
                channelOffered[c] += offered[c];
            }
            if (progress != null) {
                progress.accept("simulation: replication " + (r + 1) + " of " + replications);
            }
        }

        double t975 = replications > 1 ? new TDistribution(null, replications - 1.0).inverseCumulativeProbability(0.975)
                : Double.NaN;
        List<SimulationRow> rows = new ArrayList<>();
        for (int k = 0; k < cells; k++) {
            if (!model.demandCell[k] && sum.available[k] == 0 && sum.offered[k] == 0) {
                continue;
            }
            int c = k % channelCount;
            double n = replications;
            double sl = serviceLevel(sum.inTarget[k], sum.judged[k], sum.offered[k]);
            rows.add(new SimulationRow(model.rowStart[k / channelCount], model.channelNames[c],
                    sum.offered[k] / n, sum.inTarget[k] / n, sum.abandoned[k] / n, sl,
                    Double.isNaN(sl) ? Double.NaN : sum.judged[k] == 0 ? 0.0 : cellSl[k].halfWidth(t975),
                    asa(sum.waitSum[k], sum.answered[k], sum.offered[k]),
                    sum.available[k] > 0 ? sum.busy[k] / sum.available[k] : 0.0));
        }
        rows.sort(Comparator.comparing(SimulationRow::intervalStart).thenComparing(SimulationRow::channel));

        Map<String, Double> slByChannel = new HashMap<>();
        Map<String, Double> abandonByChannel = new HashMap<>();
        Map<String, ChannelSummary> byChannel = new HashMap<>();
        for (int c = 0; c < channelCount; c++) {
            Moments sl = channelSl[c];
            double level = serviceLevel(sl.sumX, sl.sumY, channelOffered[c]);
            double slCi = Double.isNaN(level) ? Double.NaN : sl.sumY == 0 ? 0.0 : sl.halfWidth(t975);
            Moments ab = channelAbandon[c];
            double abandonment = ab.sumY > 0 ? ab.sumX / ab.sumY : 0.0;
            double abandonCi = ab.sumY > 0 ? ab.halfWidth(t975) : 0.0;
            Moments w = channelAsa[c];
            double asa = asa(w.sumX, w.sumY, channelOffered[c]);
            double asaCi = w.sumY > 0 ? w.halfWidth(t975) : Double.isNaN(asa) ? Double.NaN : 0.0;
            double occupancy = channelAvailable[c] > 0 ? channelBusy[c] / channelAvailable[c] : 0.0;
            String name = model.channelNames[c];
            byChannel.put(name, new ChannelSummary(channelOffered[c] / replications, level, slCi, abandonment,
                    abandonCi, asa, asaCi, occupancy));
            if (!Double.isNaN(level)) {
                slByChannel.put(name, level);
            }
            abandonByChannel.put(name, abandonment);
        }
        return new SimulationResult(rows, slByChannel, abandonByChannel, byChannel);
    }

    private static double serviceLevel(double inTarget, double judged, double offered) {
        if (judged > 0) {
            return inTarget / judged;
        }
        return offered > 0 ? Double.NaN : 1.0;
    }

    private static double asa(double waits, double answered, double offered) {
        if (answered > 0) {
            return waits / answered;
        }
        return offered > 0 ? Double.NaN : 0.0;
    }

    /** requirements.csv as demand: its forecast volume and AHT per interval (prediction bounds = the volume). */
    public static List<ForecastPoint> demandOf(List<Requirement> requirements) {
        List<ForecastPoint> points = new ArrayList<>(requirements.size());
        for (Requirement r : requirements) {
            points.add(new ForecastPoint(r.intervalStart(), r.channel(), r.forecastVolume(), r.forecastVolume(),
                    r.forecastVolume(), r.ahtSeconds()));
        }
        return points;
    }

    /**
     * Intervals whose simulated service level is more than {@code minGap} under the channel's target, worst
     * first (for {@code wfm schedule --verify-by-simulation}). Channels without a service target (deferred)
     * and intervals without contacts are skipped.
     *
     * @param minGap a share: 0.05 lists intervals more than 5 points under target
     * @param limit  at most this many gaps; 0 or less for all
     */
    public static List<ServiceGap> worstGaps(List<SimulationRow> rows, ChannelPlan channels, double minGap,
                                             int limit) {
        Map<String, Double> targets = new HashMap<>();
        for (Channel ch : channels.channels()) {
            if (ch.kind() != ChannelKind.DEFERRED && ch.serviceLevel() > 0) {
                targets.put(ch.name(), ch.serviceLevel());
            }
        }
        return worstGaps(rows, row -> targets.getOrDefault(row.channel(), Double.NaN), minGap, limit);
    }

    /**
     * Intervals whose simulated service level is more than {@code minGap} under the planned service level of
     * coverage.csv for the same interval and channel, worst first; intervals without a planned figure are skipped.
     */
    public static List<ServiceGap> worstGapsAgainstPlan(List<SimulationRow> rows, List<CoverageRow> coverage,
                                                        double minGap, int limit) {
        Map<String, Double> planned = new HashMap<>();
        for (CoverageRow c : coverage) {
            planned.put(c.intervalStart() + "|" + c.channel(), c.serviceLevel());
        }
        return worstGaps(rows, row -> planned.getOrDefault(row.intervalStart() + "|" + row.channel(), Double.NaN),
                minGap, limit);
    }

    /**
     * Intervals whose simulated service level is more than {@code minGap} under {@code reference} (e.g. the
     * planned service level of coverage.csv), worst first. Rows with a NaN reference or service level, or
     * without contacts, are skipped.
     */
    public static List<ServiceGap> worstGaps(List<SimulationRow> rows, ToDoubleFunction<SimulationRow> reference,
                                             double minGap, int limit) {
        List<ServiceGap> gaps = new ArrayList<>();
        for (SimulationRow row : rows) {
            double ref = reference.applyAsDouble(row);
            if (row.offered() <= 0 || Double.isNaN(ref) || Double.isNaN(row.serviceLevel())) {
                continue;
            }
            double gap = ref - row.serviceLevel();
            if (gap > minGap) {
                gaps.add(new ServiceGap(row, ref, gap));
            }
        }
        gaps.sort(Comparator.comparingDouble(ServiceGap::gap).reversed()
                .thenComparing(g -> g.row().intervalStart()).thenComparing(g -> g.row().channel()));
        return limit > 0 && gaps.size() > limit ? List.copyOf(gaps.subList(0, limit)) : List.copyOf(gaps);
    }

    /** Sums over replications of a ratio's numerator x and denominator y, for the ratio-estimator variance. */
    private static final class Moments {
        int n;
        double sumX;
        double sumY;
        double sumXX;
        double sumYY;
        double sumXY;

        void add(double x, double y) {
            n++;
            sumX += x;
            sumY += y;
            sumXX += x * x;
            sumYY += y * y;
            sumXY += x * y;
        }

        /** t · s ÷ (√n · ȳ), s² = Σ(x − R·y)² ÷ (n − 1); the cross terms vanish because R = Σx ÷ Σy. */
        double halfWidth(double t) {
            if (n < 2 || sumY == 0) {
                return Double.NaN;
            }
            double r = sumX / sumY;
            double ss = Math.max(0, sumXX - 2 * r * sumXY + r * r * sumYY);
            double s = Math.sqrt(ss / (n - 1));
            double meanY = sumY / n;
            return t * s / (Math.sqrt(n) * meanY);
        }
    }
}
