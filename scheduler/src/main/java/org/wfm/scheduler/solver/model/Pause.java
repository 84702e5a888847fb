package org.wfm.scheduler.solver.model;

/** A break or the lunch inside a shift, as minutes from the shift's start. */
public record Pause(int offset, int minutes, boolean lunch) {
    public int end() {
        return offset + minutes;
    }
}
