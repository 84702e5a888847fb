package org.wfm.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.Observation;

/** Synthetic histories with known answers for tests. */
final class Synthetic {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Synthetic() {
    }

    /** An exactly weekly-periodic volume: open 08:00-18:00 Mon-Fri, 09:00-13:00 Sat, closed Sun. */
    static double weekly(LocalDateTime t) {
        DayOfWeek wd = t.getDayOfWeek();
        int minute = t.getHour() * 60 + t.getMinute();
        if (wd == DayOfWeek.SUNDAY) {
            return Double.NaN;
        }
        int open = wd == DayOfWeek.SATURDAY ? 9 * 60 : 8 * 60;
        int close = wd == DayOfWeek.SATURDAY ? 13 * 60 : 18 * 60;
        if (minute < open || minute >= close) {
            return Double.NaN;
        }
        double dayLevel = 100 - 8 * wd.ordinal();
        double shape = 1 + 0.6 * Math.sin(Math.PI * (minute - open) / (close - open));
        return dayLevel * shape / 10;
    }

    /** A history of {@code days} days from {@code start}; NaN from the volume function means no row. */
    static ChannelHistory channel(String name, LocalDate start, int days, int minutes, ToDoubleFunction<LocalDateTime> volume,
                                  Predicate<LocalDate> dayMissing) {
        List<Observation> obs = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            if (dayMissing.test(date)) {
                continue;
            }
            for (int m = 0; m < 1440; m += minutes) {
                LocalDateTime t = date.atStartOfDay().plusMinutes(m);
                double v = volume.applyAsDouble(t);
                if (!Double.isNaN(v)) {
                    obs.add(new Observation(t, v, 300));
                }
            }
        }
        return new ChannelHistory(name, obs);
    }

    static History history(int minutes, ChannelHistory... channels) {
        java.util.LinkedHashMap<String, ChannelHistory> map = new java.util.LinkedHashMap<>();
        for (ChannelHistory c : channels) {
            map.put(c.channel(), c);
        }
        return new History(LONDON, minutes, Map.copyOf(map));
    }

    /** Poisson draw (Knuth for small means, normal approximation for large). */
    static double poisson(Random rnd, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
