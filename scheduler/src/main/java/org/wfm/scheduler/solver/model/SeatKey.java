package org.wfm.scheduler.solver.model;

/** One interval at one site; {@code seats} rides along so the constraint needs no lookup. */
public record SeatKey(String site, int seats, int interval) {
}
