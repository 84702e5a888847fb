package org.wfm.scheduler.solver.construct;

import java.util.Collection;
import java.util.List;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.TrainingSlot;

/**
 * Swaps everything between two agent-days. Between two days of one agent it moves a day off (or a shift) to
 * another day while the week's hours and day count stay the same, which a single change cannot do without
 * breaking a hard rule; between two agents on one day it hands a shift to the other agent (a cheaper one, or one
 * with hours to spare) without touching coverage.
 */
public class SwapDaysMove extends AbstractMove<Schedule> {
    private final AgentDay left;
    private final AgentDay right;

    public SwapDaysMove(AgentDay left, AgentDay right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<Schedule> director) {
        if (left == right || left.isPinned() || right.isPinned() || left.getPattern() == right.getPattern()) {
            return false;
        }
        return fits(left, right.getPattern()) && fits(right, left.getPattern()) && sameRanges(left, right);
    }

    /** Other variables can be swapped as they are when both days belong to one agent, else they must fit. */
    private static boolean sameRanges(AgentDay a, AgentDay b) {
        if (a.getPlan() == b.getPlan()) {
            return true;
        }
        return b.getChannelRange().contains(a.getChannel()) && b.getChannelRange().contains(a.getSecondChannel())
                && b.getChannelRange().contains(a.getThirdChannel())
                && a.getChannelRange().contains(b.getChannel()) && a.getChannelRange().contains(b.getSecondChannel())
                && a.getChannelRange().contains(b.getThirdChannel())
                && (a.getTraining() == null || b.getTrainingRange().contains(a.getTraining()))
                && (b.getTraining() == null || a.getTrainingRange().contains(b.getTraining()))
                && b.getHomeRange().contains(a.getHome()) && a.getHomeRange().contains(b.getHome());
    }

    /** The day allows the shift; its pauses may sit elsewhere than the generated pattern's (moved per day). */
    private static boolean fits(AgentDay d, ShiftPattern p) {
        if (p == null) {
            return true;
        }
        for (ShiftPattern q : d.getPatternRange()) {
            if (q.sameShift(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected AbstractMove<Schedule> createUndoMove(ScoreDirector<Schedule> director) {
        return new SwapDaysMove(right, left);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<Schedule> director) {
        ShiftPattern p = left.getPattern();
        String c1 = left.getChannel();
        String c2 = left.getSecondChannel();
        String c3 = left.getThirdChannel();
        TrainingSlot t = left.getTraining();
        Boolean h = left.getHome();
        assign(director, left, right.getPattern(), right.getChannel(), right.getSecondChannel(),
                right.getThirdChannel(), right.getTraining(), right.getHome());
        assign(director, right, p, c1, c2, c3, t, h);
    }

    static void assign(ScoreDirector<Schedule> director, AgentDay d, ShiftPattern p, String c1, String c2,
                       String c3, TrainingSlot t, Boolean h) {
        director.beforeVariableChanged(d, "pattern");
        d.setPattern(p);
        director.afterVariableChanged(d, "pattern");
        director.beforeVariableChanged(d, "channel");
        d.setChannel(c1);
        director.afterVariableChanged(d, "channel");
        director.beforeVariableChanged(d, "secondChannel");
        d.setSecondChannel(c2);
        director.afterVariableChanged(d, "secondChannel");
        director.beforeVariableChanged(d, "thirdChannel");
        d.setThirdChannel(c3);
        director.afterVariableChanged(d, "thirdChannel");
        director.beforeVariableChanged(d, "training");
        d.setTraining(t);
        director.afterVariableChanged(d, "training");
        director.beforeVariableChanged(d, "home");
        d.setHome(h);
        director.afterVariableChanged(d, "home");
    }

    @Override
    public SwapDaysMove rebase(ScoreDirector<Schedule> destination) {
        return new SwapDaysMove(destination.lookUpWorkingObject(left), destination.lookUpWorkingObject(right));
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "SwapDaysMove";
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(left, right);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return java.util.Arrays.asList(left.getPattern(), right.getPattern());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwapDaysMove m && m.left == left && m.right == right;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(left) * 31 + System.identityHashCode(right);
    }

    @Override
    public String toString() {
        return left + " <-> " + right;
    }
}
