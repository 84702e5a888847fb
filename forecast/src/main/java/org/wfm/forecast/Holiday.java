package org.wfm.forecast;

import java.time.LocalDate;

/**
 * A public holiday or special day. {@code factor} is 0 for a closed day, otherwise the multiplier
 * applied to the usual volume (e.g. 0.6); NaN means "unknown: learn it from history".
 */
public record Holiday(LocalDate date, String name, double factor) {
    public boolean closed() {
        return factor == 0.0;
    }
}
