package org.wfm.scheduler.solver.construct;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Gives one agent-day another pattern. The kinds ({@link NudgeShiftMove}, {@link PauseMove}) differ only in
 * which patterns their factories draw and when the move is doable; changing the variable, undoing, rebasing
 * and identity are here once.
 */
public abstract class PatternMove extends AbstractMove<Schedule> {
    protected final AgentDay day;
    protected final ShiftPattern to;

    protected PatternMove(AgentDay day, ShiftPattern to) {
        this.day = day;
        this.to = to;
    }

    /** The same kind of move for another day and pattern (undo and rebase). */
    protected abstract PatternMove with(AgentDay day, ShiftPattern to);

    /** The pattern the day takes. */
    public ShiftPattern to() {
        return to;
    }

    public AgentDay day() {
        return day;
    }

    @Override
    protected AbstractMove<Schedule> createUndoMove(ScoreDirector<Schedule> director) {
        return with(day, day.getPattern());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> director) {
        director.beforeVariableChanged(day, "pattern");
        day.setPattern(to);
        director.afterVariableChanged(day, "pattern");
    }

    @Override
    public PatternMove rebase(ScoreDirector<Schedule> destination) {
        return with(destination.lookUpWorkingObject(day), to);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return getClass().getSimpleName();
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(day);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return Collections.singletonList(to);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((PatternMove) o).day == day && ((PatternMove) o).to == to;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(day) * 31 + System.identityHashCode(to);
    }
}
