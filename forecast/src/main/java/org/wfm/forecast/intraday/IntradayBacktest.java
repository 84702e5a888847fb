package org.wfm.forecast.intraday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.wfm.forecast.ForecastEngine;
import org.wfm.forecast.ForecastOptions;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.Observation;

/**
 * Replays past days as if it were {@code cut} o'clock on each: the night's forecast of the day from the history
 * before it, the update from the day's contacts until the cut ({@link IntradayUpdate}, its prior learnt from the
 * days before), and both scored on the rest of the day. A day is replayed when the history has rows for it; an
 * interval of the forecast without a row had no contacts.
 */
public final class IntradayBacktest {
    private IntradayBacktest() {
    }

    /**
     * Scores of one channel at one time of day over the replayed days.
     *
     * @param nightWape   rest-of-day WAPE of the night's forecast, Σ|a − f| / Σa
     * @param updatedWape rest-of-day WAPE of the update
     * @param nightCover  share of rest-of-day intervals inside the night's prediction interval
     * @param updatedCover the same for the update's interval
     * @param meanWeight  mean credibility weight Z
     * @param days        days replayed
     */
    public record Row(String channel, LocalTime cut, double nightWape, double updatedWape, double nightCover,
                      double updatedCover, double meanWeight, int days) {
    }

    /**
     * @param lastDays the newest days of the history to replay
     * @param cuts     times of day at which to update
     */
    public static List<Row> run(History h, List<Holiday> holidays, String method, double level, int lastDays,
                                List<LocalTime> cuts) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        h.channels().values().forEach(c -> c.observations().forEach(o -> dates.add(o.start().toLocalDate())));
        List<LocalDate> origins = new ArrayList<>(dates.descendingSet()).subList(0, Math.min(lastDays, dates.size()));
        Map<String, Map<LocalTime, double[]>> acc = new TreeMap<>(); // {nightErr, updErr, actual, nightIn, updIn, n, z, days}
        ForecastEngine engine = new ForecastEngine();
        for (LocalDate day : origins) {
            History before = until(h, day);
            if (before.channels().isEmpty() || dates.first().plusWeeks(IntradayPrior.WEEKS).isAfter(day)) {
                continue;
            }
            ForecastResult fc = engine.forecast(before, new ForecastOptions(day, 1, holidays, method, level), null);
            Map<String, List<ForecastPoint>> byChannel = new HashMap<>();
            fc.points().forEach(p -> byChannel.computeIfAbsent(p.channel(), k -> new ArrayList<>()).add(p));
            for (Map.Entry<String, List<ForecastPoint>> e : byChannel.entrySet()) {
                ChannelHistory ch = h.channels().get(e.getKey());
                Map<LocalDateTime, Observation> actual = new LinkedHashMap<>();
                ch.observations().stream().filter(o -> o.start().toLocalDate().equals(day))
                        .forEach(o -> actual.put(o.start(), o));
                if (actual.isEmpty()) {
                    continue;
                }
                IntradayPrior prior = IntradayPrior.estimate(ch, day);
                for (LocalTime cut : cuts) {
                    IntradayUpdate.Result r = IntradayUpdate.update(e.getValue(), actual, day.atTime(cut),
                            h.intervalMinutes(), prior);
                    double[] a = acc.computeIfAbsent(e.getKey(), k -> new TreeMap<>())
                            .computeIfAbsent(cut, k -> new double[8]);
                    Map<LocalDateTime, ForecastPoint> night = new HashMap<>();
                    e.getValue().forEach(p -> night.put(p.intervalStart(), p));
                    for (ForecastPoint u : r.rest()) {
                        ForecastPoint p = night.get(u.intervalStart());
                        Observation o = actual.get(u.intervalStart());
                        double y = o == null ? 0 : o.volume();
                        a[0] += Math.abs(y - p.volume());
                        a[1] += Math.abs(y - u.volume());
                        a[2] += y;
                        a[3] += y >= p.volumeLower() && y <= p.volumeUpper() ? 1 : 0;
                        a[4] += y >= u.volumeLower() && y <= u.volumeUpper() ? 1 : 0;
                        a[5] += 1;
                    }
                    a[6] += r.weight();
                    a[7] += 1;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        acc.forEach((channel, byCut) -> byCut.forEach((cut, a) -> rows.add(new Row(channel, cut,
                a[2] > 0 ? a[0] / a[2] : Double.NaN, a[2] > 0 ? a[1] / a[2] : Double.NaN,
                a[5] > 0 ? a[3] / a[5] : Double.NaN, a[5] > 0 ? a[4] / a[5] : Double.NaN,
                a[7] > 0 ? a[6] / a[7] : Double.NaN, (int) a[7]))));
        return rows;
    }

    /** The history before {@code day}. */
    static History until(History h, LocalDate day) {
        Map<String, ChannelHistory> out = new HashMap<>();
        h.channels().forEach((name, c) -> {
            List<Observation> obs = c.observations().stream().filter(o -> o.start().toLocalDate().isBefore(day))
                    .toList();
            if (!obs.isEmpty()) {
                out.put(name, new ChannelHistory(name, obs));
            }
        });
        return new History(h.zone(), h.intervalMinutes(), out);
    }
}
