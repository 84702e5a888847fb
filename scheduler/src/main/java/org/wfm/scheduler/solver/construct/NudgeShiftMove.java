package org.wfm.scheduler.solver.construct;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/** Replaces one day's shift by a neighbouring pattern (a little earlier or later, longer or shorter). */
public class NudgeShiftMove extends PatternMove {
    public NudgeShiftMove(AgentDay day, ShiftPattern to) {
        super(day, to);
    }

    @Override
    protected NudgeShiftMove with(AgentDay day, ShiftPattern to) {
        return new NudgeShiftMove(day, to);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> director) {
        return !day.isPinned() && day.getPattern() != to;
    }

    @Override
    public String toString() {
        return day + " -> " + to;
    }
}
