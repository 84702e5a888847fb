package org.wfm.scheduler.solver.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftPatternTest {
    /** 08:00 + 8 h: break 10:00–10:15, lunch 12:00–12:30, break 14:30–14:45; work segments 0–120, 135–240, 270–390, 405–480. */
    private final ShiftPattern eightHours = new ShiftPattern(0, 480, 480,
            List.of(new Pause(120, 15, false), new Pause(240, 30, true), new Pause(390, 15, false)));

    @Test
    void trainingSitsBesideThePausesCountedFromEitherEnd() {
        assertEquals(0, eightHours.trainingOffset(60, false));
        assertEquals(135, eightHours.trainingOffset(60, false, 1));
        assertEquals(270, eightHours.trainingOffset(60, false, 2));
        // The last segment (75 minutes) cannot hold an hour and keep 30 minutes of work beside it.
        assertEquals(330, eightHours.trainingOffset(60, true));
        assertEquals(180, eightHours.trainingOffset(60, true, 1));
        assertEquals(60, eightHours.trainingOffset(60, true, 2));
        assertEquals(-1, eightHours.trainingOffset(60, true, 3));
    }
}
