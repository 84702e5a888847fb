package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;

/** Random {@link SwapDaysMove}s: a random agent, two of their days within a week of each other. */
public class SwapDaysMoveFactory extends RandomMoveFactory<SwapDaysMove> {
    private List<List<AgentDay>> byAgent = List.of();

    @Override
    public void phaseStarted(ScoreDirector<Schedule> director) {
        byAgent = byAgent(director.getWorkingSolution());
    }

    @Override
    protected long movesPerDay() {
        return 7;
    }

    @Override
    protected boolean canMove(ScoreDirector<Schedule> director) {
        return !byAgent.isEmpty();
    }

    @Override
    protected SwapDaysMove nextMove(ScoreDirector<Schedule> director, Random random) {
        List<AgentDay> days = byAgent.get(random.nextInt(byAgent.size()));
        int a = random.nextInt(days.size());
        int lo = Math.max(0, a - 6);
        int hi = Math.min(days.size() - 1, a + 6);
        int b = lo + random.nextInt(hi - lo + 1);
        return new SwapDaysMove(days.get(a), days.get(b));
    }

    static List<List<AgentDay>> byAgent(Schedule s) {
        Map<Object, List<AgentDay>> m = new LinkedHashMap<>();
        for (AgentDay d : s.getDays()) {
            if (d.isPinned()) {
                continue;
            }
            m.computeIfAbsent(d.getPlan(), k -> new ArrayList<>()).add(d);
        }
        List<List<AgentDay>> out = new ArrayList<>();
        for (List<AgentDay> l : m.values()) {
            l.sort(java.util.Comparator.comparingInt(AgentDay::getDay));
            if (l.size() > 1) {
                out.add(l);
            }
        }
        return out;
    }
}
