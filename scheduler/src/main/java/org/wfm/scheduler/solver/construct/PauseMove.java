package org.wfm.scheduler.solver.construct;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Moves one pause of one agent-day within its window ({@link org.wfm.scheduler.solver.model.ShiftRules#pauseWindow}):
 * the day keeps its start, length, channels, training and location and takes a copy of its pattern with that
 * pause elsewhere. Drawn by {@link PauseMoveFactory}.
 */
public class PauseMove extends PatternMove {
    public PauseMove(AgentDay day, ShiftPattern to) {
        super(day, to);
    }

    @Override
    protected PauseMove with(AgentDay day, ShiftPattern to) {
        return new PauseMove(day, to);
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
    public String toString() {
        return day + " pauses -> " + (to == null ? "-" : to.pauses());
    }
}
