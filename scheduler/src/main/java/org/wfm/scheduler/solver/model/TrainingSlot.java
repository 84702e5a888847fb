package org.wfm.scheduler.solver.model;

/**
 * A training block toward a development goal on {@code channel}: at the start of the {@code segment}-th work
 * segment that holds it counting from the shift's start, or ({@code atEnd}) at the end of the {@code segment}-th
 * counting from its end. Segments beside the pauses, not only the shift's ends, let training sit in a trough in
 * the middle of the day, where it costs no service.
 */
public record TrainingSlot(String channel, boolean atEnd, int segment) {
    /** Segments a training block may be placed in, counted from either end of the shift. */
    public static final int SEGMENTS = 2;

    /** At the start (or end) of the shift's work. */
    public TrainingSlot(String channel, boolean atEnd) {
        this(channel, atEnd, 0);
    }
}
