package org.wfm.scheduler.solver.model;

/** Agent {@code agent} (plan index) holds a seat at {@code seat}'s site in its interval. */
public record SeatHold(SeatKey seat, int agent) {
}
