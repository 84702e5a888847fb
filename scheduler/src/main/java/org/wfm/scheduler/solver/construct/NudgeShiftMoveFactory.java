package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Random {@link NudgeShiftMove}s on working days: a pattern whose start and end each move by at most two
 * hours. Fine-tuning moves that a uniformly random pattern change rarely proposes.
 */
public class NudgeShiftMoveFactory implements MoveIteratorFactory<Schedule, NudgeShiftMove> {
    private static final int REACH = 120;

    @Override
    public long getSize(ScoreDirector<Schedule> director) {
        return (long) director.getWorkingSolution().getDays().size() * 10;
    }

    @Override
    public Iterator<NudgeShiftMove> createOriginalMoveIterator(ScoreDirector<Schedule> director) {
        throw new UnsupportedOperationException("random selection only");
    }

    @Override
    public Iterator<NudgeShiftMove> createRandomMoveIterator(ScoreDirector<Schedule> director, Random random) {
        List<AgentDay> days = director.getWorkingSolution().getDays();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !days.isEmpty();
            }

            @Override
            public NudgeShiftMove next() {
                for (int tries = 0; tries < 20; tries++) {
                    AgentDay d = days.get(random.nextInt(days.size()));
                    ShiftPattern p = d.getPattern();
                    if (p == null) {
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
        };
    }
}
