package org.wfm.scheduler.simulation;

/** A simulated interval whose service level falls {@code gap} (a share, 0.05 = 5 points) under {@code reference}. */
public record ServiceGap(SimulationRow row, double reference, double gap) {
}
