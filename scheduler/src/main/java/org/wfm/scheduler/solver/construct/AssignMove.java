package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Gives several agent-days new shifts at once (pattern, channels and location; training is left as it is): the
 * outcome of a ruin-and-recreate step ({@link RuinRecreateMoveFactory}), judged as one move by the score. Its
 * undo puts back the values found when it was done.
 */
public final class AssignMove extends AbstractMove<Schedule> {
    private final AgentDay[] days;
    private final ShiftPattern[] patterns;
    private final String[] first;
    private final String[] second;
    private final String[] third;
    private final Boolean[] home;

    public AssignMove(AgentDay[] days, ShiftPattern[] patterns, String[] first, String[] second, String[] third,
                      Boolean[] home) {
        this.days = days;
        this.patterns = patterns;
        this.first = first;
        this.second = second;
        this.third = third;
        this.home = home;
    }

    /** The shift this move gives {@code d} (null: off, or {@code d} is not in the move). */
    ShiftPattern patternOf(AgentDay d) {
        for (int i = 0; i < days.length; i++) {
            if (days[i] == d) {
                return patterns[i];
            }
        }
        return null;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> director) {
        for (AgentDay d : days) {
            if (d.isPinned()) {
                return false;
            }
        }
        for (int i = 0; i < days.length; i++) {
            AgentDay d = days[i];
            if (d.getPattern() != patterns[i]
                    || (patterns[i] != null && (!d.getChannel().equals(first[i])
                    || !d.getSecondChannel().equals(second[i]) || !d.getThirdChannel().equals(third[i])
                    || !d.getHome().equals(home[i])))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected AbstractMove<Schedule> createUndoMove(ScoreDirector<Schedule> director) {
        int n = days.length;
        ShiftPattern[] p = new ShiftPattern[n];
        String[] c1 = new String[n];
        String[] c2 = new String[n];
        String[] c3 = new String[n];
        Boolean[] h = new Boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = days[i].getPattern();
            c1[i] = days[i].getChannel();
            c2[i] = days[i].getSecondChannel();
            c3[i] = days[i].getThirdChannel();
            h[i] = days[i].getHome();
        }
        return new AssignMove(days, p, c1, c2, c3, h);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> director) {
        for (int i = 0; i < days.length; i++) {
            AgentDay d = days[i];
            SwapDaysMove.assign(director, d, patterns[i], first[i], second[i], third[i], d.getTraining(),
                    home[i]);
        }
    }

    @Override
    public AssignMove rebase(ScoreDirector<Schedule> destination) {
        AgentDay[] moved = new AgentDay[days.length];
        for (int i = 0; i < days.length; i++) {
            moved[i] = destination.lookUpWorkingObject(days[i]);
        }
        return new AssignMove(moved, patterns, first, second, third, home);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "AssignMove";
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(days);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return new ArrayList<>(Arrays.asList(patterns));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssignMove m && Arrays.equals(m.days, days) && Arrays.equals(m.patterns, patterns)
                && Arrays.equals(m.first, first) && Arrays.equals(m.second, second) && Arrays.equals(m.third, third)
                && Arrays.equals(m.home, home);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(days) * 31 + Arrays.hashCode(patterns);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("assign");
        for (int i = 0; i < days.length; i++) {
            b.append(' ').append(days[i].getId()).append('=').append(patterns[i]);
        }
        return b.toString();
    }
}
