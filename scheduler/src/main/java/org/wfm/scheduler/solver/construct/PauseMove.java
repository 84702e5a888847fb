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
 * Moves one pause of one agent-day within its window ({@link org.wfm.scheduler.solver.model.ShiftRules#pauseWindow}):
 * the day keeps its start, length, channels, training and location and takes a copy of its pattern with that
 * pause elsewhere. Drawn by {@link PauseMoveFactory}.
 */
public class PauseMove extends AbstractMove<Schedule> {
    private final AgentDay day;
    private final ShiftPattern to;

    public PauseMove(AgentDay day, ShiftPattern to) {
        this.day = day;
        this.to = to;
    }

    /** The pattern the day takes. */
    public ShiftPattern to() {
        return to;
    }

    public AgentDay day() {
        return day;
    }

    /**
     * Not on a pinned day, and only where the day's training block still fits exactly as it did: the work
     * segments change with the pauses, and a block that appears or vanishes would change the week's training
     * hours (a hard maximum) and what the agent is taught.
     */
    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> director) {
        return !day.isPinned() && to != null && day.getPattern() != to && to.sameShift(day.getPattern())
                && day.trainingMinutesWith(to) == day.trainingMinutes();
    }

    @Override
    protected AbstractMove<Schedule> createUndoMove(ScoreDirector<Schedule> director) {
        return new PauseMove(day, day.getPattern());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> director) {
        director.beforeVariableChanged(day, "pattern");
        day.setPattern(to);
        director.afterVariableChanged(day, "pattern");
    }

    @Override
    public PauseMove rebase(ScoreDirector<Schedule> destination) {
        return new PauseMove(destination.lookUpWorkingObject(day), to);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "PauseMove";
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
        return o instanceof PauseMove m && m.day == day && m.to == to;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(day) * 31 + System.identityHashCode(to);
    }

    @Override
    public String toString() {
        return day + " pauses -> " + (to == null ? "-" : to.pauses());
    }
}
