package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;

/** Random {@link SwapDaysMove}s between two agents on the same day, at least one of them working. */
public class SwapAgentsMoveFactory extends RandomMoveFactory<SwapDaysMove> {
    private List<List<AgentDay>> byDay = List.of();

    @Override
    public void phaseStarted(ScoreDirector<Schedule> director) {
        List<List<AgentDay>> out = new ArrayList<>();
        for (AgentDay d : director.getWorkingSolution().getDays()) {
            if (d.isPinned()) {
                continue;
            }
            while (out.size() <= d.getDay()) {
                out.add(new ArrayList<>());
            }
            out.get(d.getDay()).add(d);
        }
        out.removeIf(l -> l.size() < 2);
        byDay = out;
    }

    @Override
    protected boolean canMove(ScoreDirector<Schedule> director) {
        return !byDay.isEmpty();
    }

    @Override
    protected SwapDaysMove nextMove(ScoreDirector<Schedule> director, Random random) {
        List<AgentDay> day = byDay.get(random.nextInt(byDay.size()));
        return new SwapDaysMove(day.get(random.nextInt(day.size())), day.get(random.nextInt(day.size())));
    }
}
