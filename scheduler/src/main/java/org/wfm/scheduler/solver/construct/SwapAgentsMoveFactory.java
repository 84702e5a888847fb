package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;

/** Random {@link SwapDaysMove}s between two agents on the same day, at least one of them working. */
public class SwapAgentsMoveFactory implements MoveIteratorFactory<Schedule, SwapDaysMove> {
    private List<List<AgentDay>> byDay = List.of();

    @Override
    public void phaseStarted(ScoreDirector<Schedule> director) {
        List<List<AgentDay>> out = new ArrayList<>();
        for (AgentDay d : director.getWorkingSolution().getDays()) {
            while (out.size() <= d.getDay()) {
                out.add(new ArrayList<>());
            }
            out.get(d.getDay()).add(d);
        }
        out.removeIf(l -> l.size() < 2);
        byDay = out;
    }

    @Override
    public long getSize(ScoreDirector<Schedule> director) {
        return (long) director.getWorkingSolution().getDays().size() * 10;
    }

    @Override
    public Iterator<SwapDaysMove> createOriginalMoveIterator(ScoreDirector<Schedule> director) {
        throw new UnsupportedOperationException("random selection only");
    }

    @Override
    public Iterator<SwapDaysMove> createRandomMoveIterator(ScoreDirector<Schedule> director, Random random) {
        List<List<AgentDay>> days = byDay;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !days.isEmpty();
            }

            @Override
            public SwapDaysMove next() {
                List<AgentDay> day = days.get(random.nextInt(days.size()));
                return new SwapDaysMove(day.get(random.nextInt(day.size())), day.get(random.nextInt(day.size())));
            }
        };
    }
}
