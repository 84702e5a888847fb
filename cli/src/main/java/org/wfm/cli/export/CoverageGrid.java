package org.wfm.cli.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wfm.scheduler.domain.CoverageRow;

/**
 * Coverage on a regular time grid, for the charts: every interval of the same daily window on every day of the
 * horizon, zero where a channel is closed (coverage.csv has no rows there). Without it a closed night or day would
 * vanish from a category axis and squeeze the days together. The window runs from the earliest opening to the latest
 * closing of any channel on any day, in whole hours (the whole day when a channel is open around the clock), so that
 * every day takes the same width.
 *
 * <p>Per interval the required agents split into covered = min(required, scheduled) and short = required − covered,
 * and the scheduled ones into covered and surplus = scheduled − covered: stacked, covered + short reaches the
 * requirement and covered + surplus the schedule.
 *
 * @param times start of each grid interval
 * @param perDay grid intervals per day
 */
record CoverageGrid(List<LocalDateTime> times, int step, int perDay, Map<String, Channel> channels) {

    /** One channel's values on the grid; required and scheduled are 0 where closed. */
    record Channel(double[] required, double[] scheduled) {
        double covered(int i) {
            return Math.min(required[i], scheduled[i]);
        }

        double shortfall(int i) {
            return Math.max(0, required[i] - scheduled[i]);
        }

        double surplus(int i) {
            return Math.max(0, scheduled[i] - required[i]);
        }
    }

    static CoverageGrid of(List<CoverageRow> rows, List<String> channels, LocalDate first, LocalDate last, int step) {
        return of(rows, channels, first, last, step, false);
    }

    /** As above; {@code wholeDays}: every interval of every day (for a time axis, where nights keep their width). */
    static CoverageGrid of(List<CoverageRow> rows, List<String> channels, LocalDate first, LocalDate last, int step,
                           boolean wholeDays) {
        int from = 24 * 60;
        int to = 0;
        for (CoverageRow c : wholeDays ? List.<CoverageRow>of() : rows) {
            int minute = c.intervalStart().getHour() * 60 + c.intervalStart().getMinute();
            from = Math.min(from, minute / 60 * 60);
            to = Math.max(to, Math.min(24 * 60, (minute + step + 59) / 60 * 60));
        }
        if (from >= to) {
            from = 0;
            to = 24 * 60;
        }
        int perDay = (to - from) / step;
        int days = first == null ? 0 : (int) ChronoUnit.DAYS.between(first, last) + 1;
        List<LocalDateTime> times = new ArrayList<>(days * perDay);
        Map<LocalDateTime, Integer> index = new HashMap<>();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < perDay; i++) {
                LocalDateTime t = first.plusDays(d).atStartOfDay().plusMinutes(from + (long) i * step);
                index.put(t, times.size());
                times.add(t);
            }
        }
        Map<String, Channel> out = new LinkedHashMap<>();
        for (String ch : channels) {
            out.put(ch, new Channel(new double[times.size()], new double[times.size()]));
        }
        for (CoverageRow c : rows) {
            Integer i = index.get(c.intervalStart());
            Channel ch = out.get(c.channel());
            if (i != null && ch != null) {
                ch.required()[i] = finite(c.required());
                ch.scheduled()[i] = finite(c.scheduled());
            }
        }
        return new CoverageGrid(List.copyOf(times), step, perDay, out);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
