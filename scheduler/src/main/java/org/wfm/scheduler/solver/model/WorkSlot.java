package org.wfm.scheduler.solver.model;

/** Proficiency-weighted agent-minutes (×1000) one agent-day gives to one demand bucket. */
public record WorkSlot(Demand demand, long milliMinutes) {
}
