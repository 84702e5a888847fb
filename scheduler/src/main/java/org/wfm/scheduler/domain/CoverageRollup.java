package org.wfm.scheduler.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage rolled up into agent-hours per day and per week and channel, so that hundreds of short intervals read as
 * "Mon 23 Nov chat: 14.0 agent-hours short (08:00-11:00 worst)". Computed from coverage rows alone, so the same
 * figures come back from coverage.csv: summary.json's {@code rollup}, the end summary and plan.xlsx's Daily sheet all
 * call {@link #of(List)}.
 *
 * <p>Per interval of length h hours: required h × required, scheduled h × scheduled, short h × max(0, required −
 * scheduled), surplus h × max(0, scheduled − required); scheduled counts part intervals as their fraction
 * (coverage.csv's {@code scheduled}). An interval belongs to the day it starts. A day without coverage rows for a
 * channel (closed) has no entry. Weeks are 7-day blocks from the first day in the rows, the horizon's start unless
 * every channel is closed that day (CONTRACT.md, Scheduling semantics, counts weeks from the horizon start).
 *
 * @param intervalMinutes the interval length used
 * @param daily by date, then channel in the order first met in the rows
 * @param weekly by week start, then channel
 */
public record CoverageRollup(int intervalMinutes, List<Day> daily, List<Week> weekly) {
    private static final double EPS = 1e-9;

    /** Agent-hours of one channel and day; {@code worst} is null when the day is not short. */
    public record Day(LocalDate date, String channel, Hours hours, Stretch worst) {
    }

    /** Agent-hours of one channel over the 7 days from {@code weekStart}. */
    public record Week(LocalDate weekStart, String channel, Hours hours) {
    }

    public record Hours(double required, double scheduled, double shortfall, double surplus) {
        Hours plus(Hours o) {
            return new Hours(required + o.required, scheduled + o.scheduled, shortfall + o.shortfall,
                    surplus + o.surplus);
        }
    }

    /**
     * The worst stretch of a day: the run of consecutive short intervals holding the most short agent-hours, from
     * the first interval's start to the last one's end; {@code peakAgents} is the largest shortfall in one of them.
     */
    public record Stretch(LocalDateTime start, LocalDateTime end, double shortHours, double peakAgents) {
    }

    /** The roll-up with the interval length read from the rows ({@link #intervalMinutes(List)}). */
    public static CoverageRollup of(List<CoverageRow> rows) {
        return of(rows, intervalMinutes(rows));
    }

    public static CoverageRollup of(List<CoverageRow> rows, int intervalMinutes) {
        double h = intervalMinutes / 60.0;
        List<CoverageRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(CoverageRow::intervalStart));
        Map<String, Integer> channelOrder = new LinkedHashMap<>();
        rows.forEach(r -> channelOrder.putIfAbsent(r.channel(), channelOrder.size()));
        Map<String, List<CoverageRow>> byDay = new LinkedHashMap<>();
        for (CoverageRow r : sorted) {
            byDay.computeIfAbsent(r.intervalStart().toLocalDate() + "|" + r.channel(), k -> new ArrayList<>()).add(r);
        }
        List<Day> daily = new ArrayList<>();
        for (List<CoverageRow> day : byDay.values()) {
            Hours hours = new Hours(0, 0, 0, 0);
            for (CoverageRow r : day) {
                hours = hours.plus(new Hours(h * value(r.required()), h * value(r.scheduled()), h * shortfall(r),
                        h * Math.max(0, value(r.scheduled()) - value(r.required()))));
            }
            daily.add(new Day(day.get(0).intervalStart().toLocalDate(), day.get(0).channel(), hours,
                    worst(day, intervalMinutes)));
        }
        daily.sort(Comparator.comparing(Day::date).thenComparing(d -> channelOrder.get(d.channel())));
        LocalDate first = daily.isEmpty() ? null : daily.get(0).date();
        Map<String, Week> weeks = new LinkedHashMap<>();
        for (Day d : daily) {
            LocalDate start = first.plusDays(7 * (ChronoUnit.DAYS.between(first, d.date()) / 7));
            weeks.merge(start + "|" + d.channel(), new Week(start, d.channel(), d.hours()),
                    (a, b) -> new Week(a.weekStart(), a.channel(), a.hours().plus(b.hours())));
        }
        List<Week> weekly = new ArrayList<>(weeks.values());
        weekly.sort(Comparator.comparing(Week::weekStart).thenComparing(w -> channelOrder.get(w.channel())));
        return new CoverageRollup(intervalMinutes, List.copyOf(daily), List.copyOf(weekly));
    }

    /** The {@code n} days of {@code channel} with the most short agent-hours (only short days), worst first. */
    public List<Day> worstDays(String channel, int n) {
        return daily.stream().filter(d -> d.channel().equals(channel) && d.worst() != null)
                .sorted(Comparator.comparingDouble((Day d) -> -d.hours().shortfall()).thenComparing(Day::date))
                .limit(n).toList();
    }

    /** Channels in the order of the rows' first appearance. */
    public List<String> channels() {
        return daily.stream().map(Day::channel).distinct().toList();
    }

    /**
     * The interval length of coverage rows: the smallest step between consecutive rows of a channel, when it
     * divides a day; else 15 minutes (too few rows to tell).
     */
    public static int intervalMinutes(List<CoverageRow> rows) {
        Map<String, LocalDateTime> last = new LinkedHashMap<>();
        long best = Long.MAX_VALUE;
        List<CoverageRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(CoverageRow::intervalStart));
        for (CoverageRow c : sorted) {
            LocalDateTime prev = last.put(c.channel(), c.intervalStart());
            if (prev != null) {
                long gap = Duration.between(prev, c.intervalStart()).toMinutes();
                if (gap > 0 && gap < best) {
                    best = gap;
                }
            }
        }
        return best == Long.MAX_VALUE || 1440 % best != 0 ? 15 : (int) best;
    }

    private static Stretch worst(List<CoverageRow> day, int minutes) {
        double h = minutes / 60.0;
        Stretch best = null;
        LocalDateTime start = null;
        LocalDateTime prevStart = null;
        double hours = 0;
        double peak = 0;
        for (int i = 0; i <= day.size(); i++) {
            CoverageRow r = i < day.size() ? day.get(i) : null;
            boolean continues = r != null && shortfall(r) > EPS && start != null
                    && r.intervalStart().equals(prevStart.plusMinutes(minutes));
            if (start != null && !continues) {
                if (best == null || hours > best.shortHours() + EPS) {
                    best = new Stretch(start, prevStart.plusMinutes(minutes), hours, peak);
                }
                start = null;
            }
            if (r == null || shortfall(r) <= EPS) {
                continue;
            }
            if (start == null) {
                start = r.intervalStart();
                hours = 0;
                peak = 0;
            }
            hours += h * shortfall(r);
            peak = Math.max(peak, shortfall(r));
            prevStart = r.intervalStart();
        }
        return best;
    }

    private static double shortfall(CoverageRow r) {
        return Math.max(0, value(r.required()) - value(r.scheduled()));
    }

    private static double value(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
