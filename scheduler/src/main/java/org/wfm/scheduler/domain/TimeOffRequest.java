package org.wfm.scheduler.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A request for time off awaiting a decision ({@code wfm timeoff check}): {@code start} and {@code end} null for a
 * whole day, as in {@link TimeOff}. {@code rank} orders the requests (lower first; null after every ranked request,
 * in file order); {@code line} is the request's line in its file.
 */
public record TimeOffRequest(String agentId, LocalDate date, LocalTime start, LocalTime end, Integer rank, int line) {
    public boolean wholeDay() {
        return start == null;
    }

    /** The request as the time off it would become once approved. */
    public TimeOff asTimeOff() {
        return new TimeOff(agentId, date, start, end, "request line " + line);
    }
}
