package org.wfm.forecast.history;

import java.time.LocalDateTime;

/** Contacts offered in one interval of one channel; {@code ahtSeconds} is NaN when the history has none. */
public record Observation(LocalDateTime start, double volume, double ahtSeconds) {
}
