package org.wfm.scheduler.solver.construct;

import java.util.Collection;
import java.util.List;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/** Replaces one day's shift by a neighbouring pattern (a little earlier or later, longer or shorter). */
public class NudgeShiftMove extends AbstractMove<Schedule> {
    private final AgentDay day;
    private final ShiftPattern to;

    public NudgeShiftMove(AgentDay day, ShiftPattern to) {
        this.day = day;
        this.to = to;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> director) {
        return !day.isPinned() && day.getPattern() != to;
    }

    @Override
    protected AbstractMove<Schedule> createUndoMove(ScoreDirector<Schedule> director) {
        return new NudgeShiftMove(day, day.getPattern());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> director) {
        director.beforeVariableChanged(day, "pattern");
        day.setPattern(to);
        director.afterVariableChanged(day, "pattern");
    }

    @Override
    public NudgeShiftMove rebase(ScoreDirector<Schedule> destination) {
        return new NudgeShiftMove(destination.lookUpWorkingObject(day), to);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "NudgeShiftMove";
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(day);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return java.util.Collections.singletonList(to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NudgeShiftMove m && m.day == day && m.to == to;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(day) * 31 + System.identityHashCode(to);
    }

    @Override
    public String toString() {
        return day + " -> " + to;
    }
}
