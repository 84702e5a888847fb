package org.wfm.scheduler.simulation;

import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Small builders for simulation inputs. */
final class Fixtures {
    static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 5, 0, 0);

    private Fixtures() {
    }

    static Channel voice(double ahtSeconds, double patienceSeconds, double shrinkage) {
        return new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, patienceSeconds, Double.NaN, ahtSeconds, 1,
                Double.NaN, shrinkage);
    }

    static Channel chat(double ahtSeconds, int concurrency, double shrinkage) {
        return new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN, ahtSeconds, concurrency,
                Double.NaN, shrinkage);
    }

    static Channel email(double ahtSeconds, double responseHours, double shrinkage) {
        return new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, ahtSeconds,
                1, responseHours, shrinkage);
    }

    static ChannelPlan plan(double shrinkage, Channel... channels) {
        return new ChannelPlan(ZoneOffset.UTC, 15, shrinkage, List.of(channels));
    }

    static Agent agent(String id, Map<String, Double> skills) {
        return new Agent(id, id, null, WorkMode.REMOTE, Employment.FULL_TIME, skills, Map.of(), 0, 40, 10,
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0), LocalTime.of(23, 59));
    }

    static List<Agent> agents(int n, Map<String, Double> skills) {
        List<Agent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(agent("a" + i, skills));
        }
        return list;
    }

    static ScheduleRow row(String agentId, LocalDateTime start, LocalDateTime end, Activity activity,
                           String channel) {
        return new ScheduleRow(agentId, start.toLocalDate(), start, end, activity, channel, "home");
    }

    /** Every agent works {@code channel} in one block from {@code start} to {@code end}. */
    static List<ScheduleRow> allWork(List<Agent> agents, String channel, LocalDateTime start, LocalDateTime end) {
        List<ScheduleRow> rows = new ArrayList<>();
        for (Agent a : agents) {
            rows.add(row(a.id(), start, end, Activity.WORK, channel));
        }
        return rows;
    }

    /** {@code intervals} 15-minute intervals from {@code start} with the same volume and AHT. */
    static List<ForecastPoint> constant(String channel, LocalDateTime start, int intervals, double volume,
                                        double aht) {
        List<ForecastPoint> points = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            points.add(new ForecastPoint(start.plusMinutes(15L * i), channel, volume, volume, volume, aht));
        }
        return points;
    }

    static SimulationRow rowAt(SimulationResult result, LocalDateTime t, String channel) {
        return result.rows().stream().filter(r -> r.intervalStart().equals(t) && r.channel().equals(channel))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + t + " " + channel));
    }
}
