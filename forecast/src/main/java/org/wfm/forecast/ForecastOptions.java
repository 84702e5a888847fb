package org.wfm.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * What to forecast. {@code start} null means the day after the history's last date; {@code method} is
 * {@code auto} or one of {@link ForecastEngine#methodNames()}; {@code level} is the prediction-interval
 * coverage in percent (e.g. 80); {@code keepUnusual} keeps days and intervals that {@link Anomalies} would
 * leave out of fitting (outages, one-off spikes) in the fit.
 */
public record ForecastOptions(LocalDate start, int horizonDays, List<Holiday> holidays, String method, double level,
                              boolean keepUnusual) {
    /** Unusual days and spikes screened out of fitting (the default). */
    public ForecastOptions(LocalDate start, int horizonDays, List<Holiday> holidays, String method, double level) {
        this(start, horizonDays, holidays, method, level, false);
    }

    public ForecastOptions {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        method = method == null ? ForecastEngine.AUTO : method;
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon days must be at least 1, was " + horizonDays);
        }
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("level must be between 0 and 100 (exclusive), was " + level);
        }
    }
}
