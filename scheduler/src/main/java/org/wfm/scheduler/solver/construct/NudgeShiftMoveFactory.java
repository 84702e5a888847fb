package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Random {@link NudgeShiftMove}s on working days: a pattern whose start and end each move by at most two
 * hours. Fine-tuning moves that a uniformly random pattern change rarely proposes.
 */
public class NudgeShiftMoveFactory extends RandomMoveFactory<NudgeShiftMove> {
    private static final int REACH = 120;

    @Override
    protected boolean canMove(ScoreDirector<Schedule> director) {
        return !director.getWorkingSolution().getDays().isEmpty();
    }

    @Override
    protected NudgeShiftMove nextMove(ScoreDirector<Schedule> director, Random random) {
        List<AgentDay> days = director.getWorkingSolution().getDays();
        for (int tries = 0; tries < 20; tries++) {
            AgentDay d = days.get(random.nextInt(days.size()));
            ShiftPattern p = d.getPattern();
            if (p == null || d.isPinned()) {
                continue;
            }
            List<ShiftPattern> near = new ArrayList<>();
            for (ShiftPattern q : d.getPatternRange()) {
                if (q != p && Math.abs(q.startMinute() - p.startMinute()) <= REACH
                        && Math.abs(q.endMinute() - p.endMinute()) <= REACH) {
                    near.add(q);
                }
            }
            if (!near.isEmpty()) {
                return new NudgeShiftMove(d, near.get(random.nextInt(near.size())));
            }
        }
        AgentDay d = days.get(random.nextInt(days.size()));
        return new NudgeShiftMove(d, d.getPattern());
    }
}
