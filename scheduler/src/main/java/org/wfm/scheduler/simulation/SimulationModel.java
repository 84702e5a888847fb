package org.wfm.scheduler.simulation;

import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs compiled once into flat arrays that every replication reads: times are seconds since local
 * midnight of the first day (real elapsed seconds, so a 25-hour DST day simulates 25 hours), channels are indices
 * in the plan's order. Statistics are kept per cell {@code row * channels + channel}, a row being a distinct local
 * interval start: the two real intervals of a repeated autumn hour share one local time and so one row, as they
 * share one row of the forecast.
 */
final class SimulationModel {
    final ZoneId zone;
    final long originEpoch;
    final double intervalSeconds;
    /** Real intervals of {@code intervalSeconds} from the origin. */
    final int intervals;
    /** The row of each real interval. */
    final int[] rowOfInterval;
    /** Local start of each row. */
    final LocalDateTime[] rowStart;
    final int channelCount;
    final String[] channelNames;
    final ChannelKind[] kinds;
    final int[] concurrency;
    final double[] answerSeconds;
    /** +∞ when the channel has no patience (no abandonment). */
    final double[] patienceSeconds;
    /** +∞ unless deferred. */
    final double[] responseSeconds;
    /**
     * End of the schedule's horizon (midnight after its last day, or a later shift end): deferred contacts due after
     * it are left out of the service level, as the planned figures leave out work due after the horizon.
     */
    final double horizonEnd;

    /** Demand per channel, intervals sorted by start. */
    final double[][] demandStart;
    final double[][] demandVolume;
    final double[][] demandAht;
    /** Cells named by a demand point (reported even when no agent is scheduled). */
    final boolean[] demandCell;

    final int agentCount;
    final int shiftCount;
    final double[] shiftShrinkage;

    /** Work blocks, each merged across abutting rows on the same channel in the same shift. */
    final int blockCount;
    final int[] blockAgent;
    final int[] blockChannel;
    final int[] blockShift;
    final double[] blockStart;
    final double[] blockEnd;
    final double[] blockProficiency;
    /** Block events in processing order: time, then ends before starts. Encoded as block * 2 + (start ? 1 : 0). */
    final int[] blockEvents;
    final double[] blockEventTimes;

    SimulationModel(List<ScheduleRow> schedule, List<Agent> agents, ChannelPlan plan, List<ForecastPoint> demand) {
        zone = plan.zone() == null ? ZoneOffset.UTC : plan.zone();
        int minutes = plan.intervalMinutes() > 0 ? plan.intervalMinutes() : 15;
        intervalSeconds = minutes * 60.0;

        List<Channel> channels = plan.channels();
        channelCount = channels.size();
        channelNames = new String[channelCount];
        kinds = new ChannelKind[channelCount];
        concurrency = new int[channelCount];
        answerSeconds = new double[channelCount];
        patienceSeconds = new double[channelCount];
        responseSeconds = new double[channelCount];
        Map<String, Integer> channelIndex = new HashMap<>();
        for (int c = 0; c < channelCount; c++) {
            Channel ch = channels.get(c);
            channelIndex.put(ch.name(), c);
            channelNames[c] = ch.name();
            kinds[c] = ch.kind();
            concurrency[c] = ch.kind() == ChannelKind.CONCURRENT ? Math.max(1, ch.concurrency()) : 1;
            answerSeconds[c] = ch.answerSeconds();
            boolean waits = ch.kind() != ChannelKind.DEFERRED && ch.patienceSeconds() > 0;
            patienceSeconds[c] = waits ? ch.patienceSeconds() : Double.POSITIVE_INFINITY;
            responseSeconds[c] = ch.kind() == ChannelKind.DEFERRED ? ch.responseHours() * 3600.0
                    : Double.POSITIVE_INFINITY;
        }

        LocalDate firstDay = null;
        for (ForecastPoint p : demand) {
            firstDay = earlier(firstDay, p.intervalStart().toLocalDate());
        }
        for (ScheduleRow r : schedule) {
            firstDay = earlier(firstDay, r.start().toLocalDate());
        }
        originEpoch = firstDay == null ? 0 : firstDay.atStartOfDay(zone).toEpochSecond();

        double lastTime = 0;
        double lastScheduleTime = 0;
        // Demand, per channel, sorted by start; a gap hour's local times are shifted forward by the zone rules.
        List<List<ForecastPoint>> byChannel = new ArrayList<>();
        for (int c = 0; c < channelCount; c++) {
            byChannel.add(new ArrayList<>());
        }
        for (ForecastPoint p : demand) {
            Integer c = channelIndex.get(p.channel());
            if (c == null) {
                throw new IllegalArgumentException("demand names channel '" + p.channel()
                        + "', which is not in the channel plan");
            }
            byChannel.get(c).add(p);
        }
        demandStart = new double[channelCount][];
        demandVolume = new double[channelCount][];
        demandAht = new double[channelCount][];
        for (int c = 0; c < channelCount; c++) {
            List<ForecastPoint> points = byChannel.get(c);
            points.sort(Comparator.comparing(ForecastPoint::intervalStart));
            demandStart[c] = new double[points.size()];
            demandVolume[c] = new double[points.size()];
            demandAht[c] = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                ForecastPoint p = points.get(i);
                demandStart[c][i] = seconds(p.intervalStart());
                demandVolume[c][i] = Double.isFinite(p.volume()) ? Math.max(0, p.volume()) : 0;
                double aht = p.ahtSeconds() > 0 && Double.isFinite(p.ahtSeconds()) ? p.ahtSeconds()
                        : channels.get(c).ahtSeconds();
                if (demandVolume[c][i] > 0 && !(aht > 0 && Double.isFinite(aht))) {
                    throw new IllegalArgumentException("no usable AHT for channel '" + channelNames[c]
                            + "' at " + p.intervalStart());
                }
                demandAht[c][i] = aht;
                lastTime = Math.max(lastTime, demandStart[c][i] + intervalSeconds);
            }
        }

        // Agents and their shifts (agent, start date); only work blocks matter to routing.
        Map<String, Integer> agentIndex = new HashMap<>();
        List<Agent> agentList = new ArrayList<>(agents);
        for (int a = 0; a < agentList.size(); a++) {
            agentIndex.put(agentList.get(a).id(), a);
        }
        agentCount = agentList.size();
        Map<String, List<ScheduleRow>> rowsByShift = new LinkedHashMap<>();
        for (ScheduleRow r : schedule) {
            if (!agentIndex.containsKey(r.agentId())) {
                throw new IllegalArgumentException("schedule names agent '" + r.agentId()
                        + "', who is not in the agent list");
            }
            if (r.activity() == Activity.WORK && !channelIndex.containsKey(r.channel())) {
                throw new IllegalArgumentException("schedule of agent '" + r.agentId() + "' works channel '"
                        + r.channel() + "', which is not in the channel plan");
            }
            rowsByShift.computeIfAbsent(r.agentId() + '\u0000' + r.date(), k -> new ArrayList<>()).add(r);
            // The schedule's horizon is whole days: it ends at the midnight after the last day with a shift (the
            // planned figures judge deferred work due before the horizon's end the same way), or at a shift's end
            // past that midnight.
            lastScheduleTime = Math.max(lastScheduleTime,
                    Math.max(seconds(r.end()), seconds(r.date().plusDays(1).atStartOfDay())));
        }
        shiftCount = rowsByShift.size();
        shiftShrinkage = new double[shiftCount];
        List<double[]> blocks = new ArrayList<>(); // agent, channel, shift, start, end, proficiency
        int shift = 0;
        for (List<ScheduleRow> rows : rowsByShift.values()) {
            rows.sort(Comparator.comparing(ScheduleRow::start));
            shiftShrinkage[shift] = shiftShrinkage(rows, plan, channelIndex);
            Agent agent = agentList.get(agentIndex.get(rows.get(0).agentId()));
            int a = agentIndex.get(agent.id());
            double[] open = null;
            double busyUntil = Double.NEGATIVE_INFINITY;
            for (ScheduleRow r : rows) {
                double start = Math.max(seconds(r.start()), busyUntil);
                double end = seconds(r.end());
                if (end <= start) {
                    continue;
                }
                busyUntil = end;
                if (r.activity() != Activity.WORK) {
                    open = null;
                    continue;
                }
                int c = channelIndex.get(r.channel());
                if (open != null && open[1] == c && open[4] == start) {
                    open[4] = end;
                    continue;
                }
                open = new double[] {a, c, shift, start, end, agent.proficiency(r.channel())};
                blocks.add(open);
            }
            shift++;
        }
        blockCount = blocks.size();
        blockAgent = new int[blockCount];
        blockChannel = new int[blockCount];
        blockShift = new int[blockCount];
        blockStart = new double[blockCount];
        blockEnd = new double[blockCount];
        blockProficiency = new double[blockCount];
        for (int b = 0; b < blockCount; b++) {
            double[] x = blocks.get(b);
            blockAgent[b] = (int) x[0];
            blockChannel[b] = (int) x[1];
            blockShift[b] = (int) x[2];
            blockStart[b] = x[3];
            blockEnd[b] = x[4];
            blockProficiency[b] = x[5];
        }
        Integer[] order = new Integer[2 * blockCount];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Ends before starts at the same instant, so a block boundary never lets an agent take a contact twice.
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(this::eventTime)
                .thenComparingInt(e -> e & 1).thenComparingInt(e -> e));
        blockEvents = new int[order.length];
        blockEventTimes = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            blockEvents[i] = order[i];
            blockEventTimes[i] = eventTime(order[i]);
        }

        horizonEnd = schedule.isEmpty() ? lastTime : lastScheduleTime;
        lastTime = Math.max(lastTime, lastScheduleTime);
        intervals = Math.max(1, (int) Math.ceil(lastTime / intervalSeconds));
        rowOfInterval = new int[intervals];
        Map<LocalDateTime, Integer> rows = new LinkedHashMap<>();
        for (int k = 0; k < intervals; k++) {
            long epoch = originEpoch + Math.round(k * intervalSeconds);
            LocalDateTime local = LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(epoch), zone);
            rowOfInterval[k] = rows.computeIfAbsent(local, t -> rows.size());
        }
        rowStart = rows.keySet().toArray(new LocalDateTime[0]);
        demandCell = new boolean[cellCount()];
        for (int c = 0; c < channelCount; c++) {
            for (double start : demandStart[c]) {
                demandCell[cell(start, c)] = true;
            }
        }
    }

    /** The absence probability of a shift: {@link ChannelPlan#shiftAbsence} of the channels its work rows name. */
    private static double shiftShrinkage(List<ScheduleRow> rows, ChannelPlan plan, Map<String, Integer> index) {
        List<String> worked = new ArrayList<>();
        for (ScheduleRow r : rows) {
            if (r.activity() == Activity.WORK && index.containsKey(r.channel())) {
                worked.add(r.channel());
            }
        }
        return plan.shiftAbsence(worked);
    }

    private double eventTime(int event) {
        int b = event >>> 1;
        return (event & 1) == 1 ? blockStart[b] : blockEnd[b];
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    double seconds(LocalDateTime t) {
        return ZonedDateTime.ofLocal(t, zone, null).toEpochSecond() - originEpoch;
    }

    /** The statistics cell of time {@code t} on {@code channel}. */
    int cell(double t, int channel) {
        int k = (int) (t / intervalSeconds);
        return rowOfInterval[Math.min(Math.max(k, 0), intervals - 1)] * channelCount + channel;
    }

    int cellCount() {
        return rowStart.length * channelCount;
    }
}
