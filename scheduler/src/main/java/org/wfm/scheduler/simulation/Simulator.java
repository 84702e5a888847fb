package org.wfm.scheduler.simulation;

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
 *       contacts whose deadline falls after the horizon (the midnight after the schedule's last day, or a later
 *       shift end) are left out of it.</li>
 * </ul>
 *
 * <p>Statistics: counts are averaged over replications; service level, ASA, abandonment and occupancy are
 * pooled ratios (Σ numerator ÷ Σ denominator) with ratio-estimator 95 % confidence intervals over replications
 * (Cochran 1977, §6.3–6.4; Law 2015, §9.4; see {@code Estimates}).
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
        Estimates estimates = new Estimates(model);
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < replications; r++) {
            estimates.add(new Replication(model, options).run(root.split()));
            if (progress != null) {
                progress.accept("simulation: replication " + (r + 1) + " of " + replications);
            }
        }
        Map<String, ChannelSummary> byChannel = estimates.channels();
        Map<String, Double> serviceLevel = new HashMap<>();
        Map<String, Double> abandonment = new HashMap<>();
        byChannel.forEach((name, summary) -> {
            if (!Double.isNaN(summary.serviceLevel())) {
                serviceLevel.put(name, summary.serviceLevel());
            }
            abandonment.put(name, summary.abandonment());
        });
        return new SimulationResult(estimates.rows(), serviceLevel, abandonment, byChannel);
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
}
