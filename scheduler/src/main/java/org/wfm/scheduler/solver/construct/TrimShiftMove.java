package org.wfm.scheduler.solver.construct;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Takes paid time off one agent-day: a shorter shift inside the current one (one end kept, pauses re-placed near
 * where they were) or the day off ({@code to} null). Drawn by {@link TrimShiftMoveFactory}, which keeps the week at
 * or above its minimum; the undo move gives the day its shift back.
 */
public class TrimShiftMove extends PatternMove {
    public TrimShiftMove(AgentDay day, ShiftPattern to) {
        super(day, to);
    }

    @Override
    protected TrimShiftMove with(AgentDay day, ShiftPattern to) {
        return new TrimShiftMove(day, to);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> director) {
        return !day.isPinned() && day.getPattern() != to;
    }

    @Override
    public String toString() {
        return day + " trimmed -> " + (to == null ? "day off" : to);
    }
}
