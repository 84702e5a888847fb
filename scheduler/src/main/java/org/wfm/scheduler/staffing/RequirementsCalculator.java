package org.wfm.scheduler.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.wfm.forecast.ForecastPoint;

/**
 * Forecast → requirements.csv rows: agents needed per interval and channel, and staff to schedule.
 *
 * <ul>
 *   <li>Immediate and concurrent channels: {@link Staffing#required} per interval with the channel's target,
 *       answer time, patience (Erlang A when set, else Erlang C), concurrency and occupancy cap.</li>
 *   <li>Deferred channels: the workload (contacts × AHT ÷ interval length, in agents) spread by
 *       {@link DeferredWorkload#level} over the channel's open intervals — those the forecast lists for it —
 *       so that the work arriving in an interval starting at t is finished by the end of the last open interval
 *       ending no later than t + response_hours (measured on the clock in the plan's time zone, so DST days
 *       count their real hours). Work whose window holds no later open interval is due in its own interval;
 *       work whose deadline falls after the forecast's last interval is due by then (no work is pushed out of
 *       the horizon). The result is fractional agents; divided by max_occupancy when one is given.</li>
 *   <li>{@code required_staff = required_agents ÷ (1 − shrinkage)} with the channel's shrinkage.</li>
 * </ul>
 * {@link DeferredMode#AS_ARRIVING} instead reports deferred work as it arrives (the product contract's wording
 * for coverage: "required shows the work as it arrives, and coverage may move it within the window"), for a
 * scheduler that moves the work itself using {@link #deferredWork}.
 * A row's AHT is the forecast's when &gt; 0, else the channel's; negative forecast volumes count as 0. Rows of
 * channels missing from the plan are skipped (the CLI reports them). Output is sorted by interval start, then
 * channel name.
 */
public final class RequirementsCalculator {

    private RequirementsCalculator() {
    }

    /** How deferred channels appear in requirements. */
    public enum DeferredMode {
        /** Spread as flat as the response windows allow (the default): a scheduler can cover it as given. */
        LEVELLED,
        /** Work as it arrives, contacts × AHT ÷ interval length: a scheduler must shift it within the window. */
        AS_ARRIVING
    }

    /** Requirements with deferred work {@link DeferredMode#LEVELLED levelled}. */
    public static List<Requirement> compute(List<ForecastPoint> forecast, ChannelPlan plan) {
        return compute(forecast, plan, DeferredMode.LEVELLED);
    }

    /**
     * @throws IllegalArgumentException for two rows of one channel at the same interval, or channel settings out
     *                                  of range (the readers are expected to have rejected both)
     */
    public static List<Requirement> compute(List<ForecastPoint> forecast, ChannelPlan plan, DeferredMode mode) {
        List<Requirement> out = new ArrayList<>(forecast.size());
        for (Map.Entry<Channel, List<ForecastPoint>> e : byChannel(forecast, plan).entrySet()) {
            Channel channel = e.getKey();
            if (channel.kind() == ChannelKind.DEFERRED) {
                addDeferred(out, channel, e.getValue(), plan, mode);
            } else {
                addQueued(out, channel, e.getValue(), plan);
            }
        }
        out.sort(Comparator.comparing(Requirement::intervalStart).thenComparing(Requirement::channel));
        return out;
    }

    /** Channels named in the forecast but missing from the plan, sorted: their rows are ignored. */
    public static SortedSet<String> unknownChannels(List<ForecastPoint> forecast, ChannelPlan plan) {
        SortedSet<String> unknown = new TreeSet<>();
        for (ForecastPoint p : forecast) {
            if (plan.channel(p.channel()).isEmpty()) {
                unknown.add(p.channel());
            }
        }
        return unknown;
    }

    /** Each deferred channel's arriving work and deadlines, in plan order (channels without rows left out). */
    public static List<DeferredWork> deferredWork(List<ForecastPoint> forecast, ChannelPlan plan) {
        List<DeferredWork> out = new ArrayList<>();
        for (Map.Entry<Channel, List<ForecastPoint>> e : byChannel(forecast, plan).entrySet()) {
            if (e.getKey().kind() == ChannelKind.DEFERRED) {
                out.add(deferredWork(e.getKey(), e.getValue(), plan));
            }
        }
        return out;
    }

    /** Plan channels in file order with their forecast rows sorted by time. */
    private static Map<Channel, List<ForecastPoint>> byChannel(List<ForecastPoint> forecast, ChannelPlan plan) {
        Map<String, List<ForecastPoint>> byName = new HashMap<>();
        for (ForecastPoint p : forecast) {
            byName.computeIfAbsent(p.channel(), c -> new ArrayList<>()).add(p);
        }
        Map<Channel, List<ForecastPoint>> out = new LinkedHashMap<>();
        for (Channel channel : plan.channels()) {
            List<ForecastPoint> points = byName.get(channel.name());
            if (points != null && !out.containsKey(channel)) {
                points.sort(Comparator.comparing(ForecastPoint::intervalStart));
                requireDistinct(points);
                out.put(channel, points);
            }
        }
        return out;
    }

    /** Fraction of scheduled staff actually available: 1 − shrinkage (the channel's, else the plan's). */
    public static double availability(Channel channel, double planShrinkage) {
        double shrinkage = !Double.isNaN(channel.shrinkage()) ? channel.shrinkage()
                : Double.isNaN(planShrinkage) ? 0.0 : planShrinkage;
        if (!(shrinkage >= 0.0 && shrinkage < 1.0)) {
            throw new IllegalArgumentException("shrinkage of " + channel.name() + " must be in [0, 1): "
                    + shrinkage);
        }
        return 1.0 - shrinkage;
    }

    static double aht(ForecastPoint p, Channel channel) {
        return p.ahtSeconds() > 0.0 ? p.ahtSeconds() : channel.ahtSeconds();
    }

    static int servedConcurrency(Channel channel) {
        return channel.kind() == ChannelKind.CONCURRENT ? Math.max(1, channel.concurrency()) : 1;
    }

    private static void addQueued(List<Requirement> out, Channel channel, List<ForecastPoint> points,
                                  ChannelPlan plan) {
        double availability = availability(channel, plan.shrinkage());
        int concurrency = servedConcurrency(channel);
        for (ForecastPoint p : points) {
            double volume = Math.max(0.0, p.volume());
            double aht = aht(p, channel);
            int agents;
            try {
                agents = agentsNeeded(volume, aht, plan.intervalMinutes(), channel, concurrency);
            } catch (StaffingLimitException e) {
                throw StaffingLimitException.inRow(channel.name(), p.intervalStart(), e);
            }
            out.add(new Requirement(p.intervalStart(), channel.name(), volume, aht, agents, agents / availability));
        }
    }

    private static int agentsNeeded(double volume, double aht, int intervalMinutes, Channel channel,
                                    int concurrency) {
        double load = Staffing.load(volume, aht, intervalMinutes);
        int servers = Double.isNaN(channel.patienceSeconds())
                ? ErlangC.required(load, aht, channel.serviceLevel(), channel.answerSeconds(), channel.maxOccupancy())
                : ErlangA.required(load, aht, channel.patienceSeconds(), channel.serviceLevel(),
                        channel.answerSeconds(), channel.maxOccupancy());
        return (servers + concurrency - 1) / concurrency;
    }

    private static DeferredWork deferredWork(Channel channel, List<ForecastPoint> points, ChannelPlan plan) {
        int n = points.size();
        double intervalSeconds = plan.intervalMinutes() * 60.0;
        double[] work = new double[n];
        List<LocalDateTime> intervals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ForecastPoint p = points.get(i);
            work[i] = arrivingAgents(p.volume(), aht(p, channel), intervalSeconds);
            intervals.add(p.intervalStart());
        }
        return new DeferredWork(channel.name(), intervals, work, deadlines(points, channel, plan));
    }

    /**
     * Deferred work arriving in an interval, in agents busy for the whole interval: contacts × handle time ÷ the
     * interval's length, before shrinkage and occupancy (the work itself, as the simulation draws it). The one rule
     * for both the requirements (levelled from it) and the planned figures of a schedule ({@code ScheduleEvaluator}).
     */
    public static double arrivingAgents(double volume, double ahtSeconds, double intervalSeconds) {
        return Math.max(0.0, volume) * ahtSeconds / intervalSeconds;
    }

    private static void addDeferred(List<Requirement> out, Channel channel, List<ForecastPoint> points,
                                    ChannelPlan plan, DeferredMode mode) {
        double availability = availability(channel, plan.shrinkage());
        int n = points.size();
        DeferredWork work = deferredWork(channel, points, plan);
        double[] agents = mode == DeferredMode.LEVELLED ? work.levelled() : work.arrivingAgents();
        double occupancy = Double.isNaN(channel.maxOccupancy()) ? 1.0 : channel.maxOccupancy();
        for (int i = 0; i < n; i++) {
            ForecastPoint p = points.get(i);
            double required = agents[i] / occupancy;
            out.add(new Requirement(p.intervalStart(), channel.name(), Math.max(0.0, p.volume()), aht(p, channel),
                    required, required / availability));
        }
    }

    /** For each open interval, the last open interval that still ends within its response window. */
    static int[] deadlines(List<ForecastPoint> points, Channel channel, ChannelPlan plan) {
        if (!(channel.responseHours() >= 0.0)) {
            throw new IllegalArgumentException("deferred channel " + channel.name() + " needs response_hours ≥ 0");
        }
        ZoneId zone = plan.zone() == null ? ZoneId.systemDefault() : plan.zone();
        Duration interval = Duration.ofMinutes(plan.intervalMinutes());
        Duration window = Duration.ofMillis(Math.round(channel.responseHours() * 3_600_000.0));
        int n = points.size();
        Instant[] start = new Instant[n];
        for (int i = 0; i < n; i++) {
            start[i] = points.get(i).intervalStart().atZone(zone).toInstant();
        }
        int[] deadline = new int[n];
        int j = 0;
        for (int i = 0; i < n; i++) {
            Instant due = start[i].plus(window);
            j = Math.max(j, i);
            while (j + 1 < n && !start[j + 1].plus(interval).isAfter(due)) {
                j++;
            }
            deadline[i] = j;
        }
        return deadline;
    }

    private static void requireDistinct(List<ForecastPoint> sorted) {
        Set<LocalDateTime> seen = new HashSet<>();
        for (ForecastPoint p : sorted) {
            if (!seen.add(p.intervalStart())) {
                throw new IllegalArgumentException("two forecast rows for " + p.channel() + " at "
                        + p.intervalStart());
            }
        }
    }
}
