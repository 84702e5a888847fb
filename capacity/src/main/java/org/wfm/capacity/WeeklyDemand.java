package org.wfm.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The workload of each channel and week: contacts, and staff-hours required to meet the channel's target, the sum
 * over the week's intervals of {@code required_staff × interval length} as {@code wfm requirements} computes them
 * (Erlang A/C per interval on the forecast's intraday shape, chat concurrency, deferred work levelled within its
 * response window, shrinkage). Weeks are 7-day blocks from {@code firstWeek}; requirement rows outside them are
 * left out. Each week keeps its interval rows so the service level with fewer staff can be projected
 * ({@link ServiceProjection}).
 */
public final class WeeklyDemand {
    private final LocalDate firstWeek;
    private final int weeks;
    private final Map<String, Week[]> byChannel = new LinkedHashMap<>();

    /** One channel's week. */
    public record Week(LocalDate start, double contacts, double requiredHours, List<Requirement> intervals) {
    }

    public WeeklyDemand(List<Requirement> requirements, ChannelPlan plan, LocalDate firstWeek, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be ≥ 1: " + weeks);
        }
        this.firstWeek = firstWeek;
        this.weeks = weeks;
        double hoursPerInterval = plan.intervalMinutes() / 60.0;
        Map<String, List<List<Requirement>>> rows = new LinkedHashMap<>();
        for (Channel c : plan.channels()) {
            List<List<Requirement>> perWeek = new ArrayList<>();
            for (int w = 0; w < weeks; w++) {
                perWeek.add(new ArrayList<>());
            }
            rows.put(c.name(), perWeek);
        }
        for (Requirement r : requirements) {
            List<List<Requirement>> perWeek = rows.get(r.channel());
            long day = ChronoUnit.DAYS.between(firstWeek, r.intervalStart().toLocalDate());
            if (perWeek == null || day < 0 || day >= 7L * weeks) {
                continue;
            }
            perWeek.get((int) (day / 7)).add(r);
        }
        rows.forEach((channel, perWeek) -> {
            Week[] out = new Week[weeks];
            for (int w = 0; w < weeks; w++) {
                double contacts = 0;
                double hours = 0;
                for (Requirement r : perWeek.get(w)) {
                    contacts += r.forecastVolume();
                    hours += r.requiredStaff() * hoursPerInterval;
                }
                out[w] = new Week(firstWeek.plusWeeks(w), contacts, hours, List.copyOf(perWeek.get(w)));
            }
            byChannel.put(channel, out);
        });
    }

    public LocalDate firstWeek() {
        return firstWeek;
    }

    public int weeks() {
        return weeks;
    }

    /** Channels in channels.yaml order. */
    public List<String> channels() {
        return List.copyOf(byChannel.keySet());
    }

    public Week week(String channel, int w) {
        return byChannel.get(channel)[w];
    }

    /** Staff-hours required over all weeks, per channel (the weights of the skill split, {@link Supply}). */
    public Map<String, Double> totalHours() {
        Map<String, Double> out = new LinkedHashMap<>();
        byChannel.forEach((c, ws) -> {
            double s = 0;
            for (Week w : ws) {
                s += w.requiredHours();
            }
            out.put(c, s);
        });
        return out;
    }
}
