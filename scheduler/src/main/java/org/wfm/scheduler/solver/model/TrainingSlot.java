package org.wfm.scheduler.solver.model;

/** A training block toward a development goal on {@code channel}, at the start or end of the shift's work. */
public record TrainingSlot(String channel, boolean atEnd) {
}
