package org.wfm.scheduler.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/** A row of timeoff.csv; {@code start} and {@code end} are null for a whole day off. */
public record TimeOff(String agentId, LocalDate date, LocalTime start, LocalTime end, String reason) {
    public boolean wholeDay() {
        return start == null;
    }
}
