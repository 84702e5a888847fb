package org.wfm.scheduler.solver.construct;

import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Pause;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;

/**
 * Random {@link PauseMove}s: one pause of one working, unpinned agent-day to another start on the interval grid
 * within its window ({@link ShiftRules#pauseWindow}), the other pauses staying. Staggers pauses where the
 * construction could not (its choice is one agent at a time) and lets the search trade a pause's place
 * against the rest of the day.
 */
public class PauseMoveFactory extends RandomMoveFactory<PauseMove> {

    @Override
    protected boolean canMove(ScoreDirector<Schedule> director) {
        Schedule s = director.getWorkingSolution();
        return !s.getDays().isEmpty() && s.getCtx().rules().breaks() != null;
    }

    @Override
    protected PauseMove nextMove(ScoreDirector<Schedule> director, Random random) {
        List<AgentDay> days = director.getWorkingSolution().getDays();
        for (int tries = 0; tries < 20; tries++) {
            PauseMove m = draw(days.get(random.nextInt(days.size())), random);
            if (m != null) {
                return m;
            }
        }
        // Nothing movable found quickly: a move that is not doable, which the solver skips.
        AgentDay d = days.get(random.nextInt(days.size()));
        return new PauseMove(d, d.getPattern());
    }

    /** A move of one random pause of {@code d} to another legal start on the grid, or null when there is none. */
    static PauseMove draw(AgentDay d, Random random) {
        ShiftPattern p = d.getPattern();
        if (p == null || d.isPinned() || p.pauses().isEmpty()) {
            return null;
        }
        int k = random.nextInt(p.pauses().size());
        int[] starts = starts(d, p, k);
        int here = p.pauses().get(k).offset();
        int others = 0;
        for (int x : starts) {
            if (x != here) {
                others++;
            }
        }
        if (others == 0) {
            return null;
        }
        int pick = random.nextInt(others);
        for (int x : starts) {
            if (x != here && pick-- == 0) {
                return new PauseMove(d, p.withPause(k, x));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Starts on the interval grid that pause {@code k} of {@code p} may take on {@code d}. */
    static int[] starts(AgentDay d, ShiftPattern p, int k) {
        Rules.Breaks b = d.rules().breaks();
        List<Pause> pauses = p.pauses();
        return ShiftRules.gridStarts(p.startMinute(), ShiftRules.pauseWindow(b, p.lengthMinutes(), pauses, k),
                d.getCtx().intervalMinutes());
    }
}
