package org.wfm.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The volume factor of a holiday in the forecast horizon. A factor given in holidays.csv wins; a
 * holiday with no effect is learnt from the same holiday (by name, else any holiday) in the history:
 * closed when the channel was closed on most of them, otherwise the median ratio of the day's volume to
 * the mean of the same weekday in the four surrounding weeks (two before, two after).
 */
final class HolidayEffects {
    private HolidayEffects() {
    }

    /** The factor for {@code holiday} on this channel: 0 closed, 1 when nothing can be learnt. */
    static double factor(Holiday holiday, ChannelData data, List<Holiday> all) {
        if (!Double.isNaN(holiday.factor())) {
            return holiday.factor();
        }
        List<Holiday> past = new ArrayList<>();
        for (Holiday h : all) {
            if (h.date().isBefore(holiday.date()) && sameName(h, holiday) && inside(h.date(), data)) {
                past.add(h);
            }
        }
        if (past.isEmpty()) {
            for (Holiday h : all) {
                if (h.date().isBefore(holiday.date()) && inside(h.date(), data)) {
                    past.add(h);
                }
            }
        }
        List<Double> ratios = new ArrayList<>();
        int closed = 0;
        for (Holiday h : past) {
            int d = (int) java.time.temporal.ChronoUnit.DAYS.between(data.first, h.date());
            double baseline = baseline(data, d);
            if (Double.isNaN(baseline) || baseline <= 0) {
                continue;
            }
            if (!data.hasRows[d]) {
                closed++;
            } else {
                ratios.add(total(data, d) / baseline);
            }
        }
        if (closed + ratios.size() == 0) {
            return 1.0;
        }
        if (closed > ratios.size()) {
            return 0.0;
        }
        ratios.sort(Double::compare);
        int n = ratios.size();
        return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    }

    /**
     * The first day after {@code date} (skipping further holidays) on which the channel usually opens:
     * where contacts held back by the holiday arrive.
     */
    static LocalDate nextOpenDay(LocalDate date, ChannelData data, java.util.Set<LocalDate> holidays) {
        LocalDate d = date.plusDays(1);
        for (int i = 0; i < 14; i++, d = d.plusDays(1)) {
            if (!holidays.contains(d) && data.openWeekday(d.getDayOfWeek())) {
                return d;
            }
        }
        return null;
    }

    /**
     * The catch-up after a holiday: median ratio of the first open day after each past holiday to its
     * usual level; 1 when the history holds fewer than two such days.
     */
    static double afterHolidayFactor(ChannelData data, List<Holiday> all, java.util.Set<LocalDate> holidays) {
        List<Double> ratios = new ArrayList<>();
        for (Holiday h : all) {
            LocalDate next = nextOpenDay(h.date(), data, holidays);
            if (next == null || !inside(next, data) || !inside(h.date(), data)) {
                continue;
            }
            int d = (int) java.time.temporal.ChronoUnit.DAYS.between(data.first, next);
            double baseline = baseline(data, d);
            if (data.hasRows[d] && baseline > 0) {
                ratios.add(total(data, d) / baseline);
            }
        }
        if (ratios.size() < 2) {
            return 1.0;
        }
        ratios.sort(Double::compare);
        int n = ratios.size();
        return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    }

    private static boolean sameName(Holiday a, Holiday b) {
        return a.name() != null && b.name() != null
                && a.name().trim().toLowerCase(Locale.ROOT).equals(b.name().trim().toLowerCase(Locale.ROOT));
    }

    private static boolean inside(LocalDate date, ChannelData data) {
        return !date.isBefore(data.first) && date.isBefore(data.first.plusDays(data.days()));
    }

    /** Mean total of the same weekday two weeks either side, open non-holiday days only; NaN if none. */
    private static double baseline(ChannelData data, int d) {
        double sum = 0;
        int n = 0;
        for (int k : new int[] {-14, -7, 7, 14}) {
            int dd = d + k;
            if (dd >= 0 && dd < data.days() && data.fit.open(dd)) {
                sum += data.fit.total(dd);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double total(ChannelData data, int d) {
        double s = 0;
        for (double v : data.volume[d]) {
            s += v;
        }
        return s;
    }

    static String describe(LocalDate date, double factor) {
        return factor == 0 ? date + " closed" : String.format(Locale.ROOT, "%s ×%.2f", date, factor);
    }
}
