package org.wfm.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;

import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.Observation;
import org.wfm.forecast.model.Series;

/**
 * One channel's history on the local day × interval grid, with what the engine needs around the
 * models: which days were open, the series to fit (holidays and closed days blanked), AHT, and the
 * opening hours per weekday inferred from recent weeks.
 *
 * <p>DST: the grid is in local time. On the 25-hour day the repeated hour's volume was summed by the
 * reader into one local interval; it is halved here so models see an ordinary rate, and doubled again
 * in the output. The 23-hour day's missing local hour has no rows and no forecast.
 */
final class ChannelData {
    /** Recent weeks that define opening hours. */
    static final int OPENING_WEEKS = 8;

    final String channel;
    final ZoneId zone;
    final int minutes;
    final LocalDate first;
    final int slots;
    /** Volume per day and interval; NaN rows for days without any row. */
    final double[][] volume;
    final double[][] aht;
    final boolean[] hasRows;
    /** The series as observed, holidays and the days after them blanked: what backtests score against. */
    final Series observed;
    /** The series for fitting: {@link #observed} with unusual days blanked and spikes capped ({@link Anomalies}). */
    final Series fit;
    /** What the screening kept out of {@link #fit} (empty when screening is off). */
    final Anomalies.Report unusual;
    /** First and last open interval per weekday (ISO order, Monday = 0); -1 when the weekday is closed. */
    final int[] openFrom = new int[7];
    final int[] openTo = new int[7];

    ChannelData(ChannelHistory history, ZoneId zone, int minutes, LocalDate first, LocalDate last,
                Set<LocalDate> holidayDates) {
        this(history, zone, minutes, first, last, holidayDates, true);
    }

    /** {@code screen} false keeps unusual days and spikes in the fit (the user's override). */
    ChannelData(ChannelHistory history, ZoneId zone, int minutes, LocalDate first, LocalDate last,
                Set<LocalDate> holidayDates, boolean screen) {
        this.channel = history.channel();
        this.zone = zone;
        this.minutes = minutes;
        this.first = first;
        this.slots = 1440 / minutes;
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        volume = new double[days][];
        aht = new double[days][];
        hasRows = new boolean[days];
        boolean[][] present = new boolean[days][];
        byte[] transition = new byte[days];
        for (Observation o : history.observations()) {
            int d = (int) ChronoUnit.DAYS.between(first, o.start().toLocalDate());
            if (d < 0 || d >= days) {
                continue;
            }
            if (volume[d] == null) {
                volume[d] = new double[slots];
                aht[d] = new double[slots];
                Arrays.fill(aht[d], Double.NaN);
                present[d] = new boolean[slots];
                hasRows[d] = true;
            }
            int s = (o.start().getHour() * 60 + o.start().getMinute()) / minutes;
            // the zone's rules are asked only on the two transition days a year (a cached flag per day)
            if (transition[d] == 0) {
                transition[d] = (byte) (org.wfm.forecast.history.DstCalendar.isTransitionDay(zone, o.start().toLocalDate()) ? 1 : -1);
            }
            int mult = transition[d] < 0 ? 1 : Math.max(1, multiplicity(zone, o.start()));
            volume[d][s] += o.volume() / mult;
            aht[d][s] = o.ahtSeconds();
            present[d][s] = true;
        }
        double[] closed = new double[slots];
        Arrays.fill(closed, Double.NaN);
        for (int d = 0; d < days; d++) {
            if (volume[d] == null) {
                volume[d] = closed;
                aht[d] = closed;
            }
        }
        inferOpening(present, holidayDates);
        // Holidays and the catch-up day after each are special days: left out of fitting, their effect
        // is applied afterwards (HolidayEffects).
        Set<LocalDate> special = new java.util.HashSet<>(holidayDates);
        for (LocalDate h : holidayDates) {
            LocalDate next = HolidayEffects.nextOpenDay(h, this, holidayDates);
            if (next != null) {
                special.add(next);
            }
        }
        double[][] fitValues = new double[days][];
        for (int d = 0; d < days; d++) {
            fitValues[d] = special.contains(first.plusDays(d)) ? closed : volume[d];
        }
        observed = new Series(first, minutes, fitValues);
        if (screen) {
            double[][] cleaned = new double[days][];
            unusual = Anomalies.screen(fitValues, first, minutes, this::open, cleaned);
            fit = new Series(first, minutes, cleaned);
        } else {
            unusual = new Anomalies.Report(java.util.List.of(), java.util.List.of(), java.util.List.of(), 0);
            fit = observed;
        }
    }

    /** How many real intervals carry this local start: 0 in the spring-forward gap, 2 in the fall-back hour. */
    static int multiplicity(ZoneId zone, LocalDateTime local) {
        return org.wfm.forecast.history.DstCalendar.intervalsAt(zone, local);
    }

    int days() {
        return volume.length;
    }

    LocalDate date(int d) {
        return first.plusDays(d);
    }

    /**
     * A weekday is open when at least a third of its recent non-holiday occurrences have rows; its open
     * intervals span from the first to the last interval present on at least a quarter of those days
     * (absent zero rows inside the span do not close it; a quarter lets sparse channels whose exports
     * leave zero intervals out keep their edges, and lets extended hours count after two weeks).
     */
    private void inferOpening(boolean[][] present, Set<LocalDate> holidays) {
        int[] occurrences = new int[7];
        int[] withRows = new int[7];
        int[][] slotCount = new int[7][slots];
        for (int d = Math.max(0, days() - 7 * OPENING_WEEKS); d < days(); d++) {
            if (holidays.contains(date(d))) {
                continue;
            }
            int w = date(d).getDayOfWeek().ordinal();
            occurrences[w]++;
            if (hasRows[d]) {
                withRows[w]++;
                for (int s = 0; s < slots; s++) {
                    if (present[d][s]) {
                        slotCount[w][s]++;
                    }
                }
            }
        }
        for (int w = 0; w < 7; w++) {
            openFrom[w] = -1;
            openTo[w] = -1;
            if (withRows[w] == 0 || 3 * withRows[w] < occurrences[w]) {
                continue;
            }
            for (int s = 0; s < slots; s++) {
                if (4 * slotCount[w][s] >= withRows[w]) {
                    if (openFrom[w] < 0) {
                        openFrom[w] = s;
                    }
                    openTo[w] = s;
                }
            }
        }
    }

    boolean open(DayOfWeek weekday, int slot) {
        int w = weekday.ordinal();
        return openFrom[w] >= 0 && slot >= openFrom[w] && slot <= openTo[w];
    }

    boolean openWeekday(DayOfWeek weekday) {
        return openFrom[weekday.ordinal()] >= 0;
    }
}
