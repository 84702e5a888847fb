package org.wfm.scheduler.solver.construct;

import java.util.Iterator;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import org.wfm.scheduler.solver.model.Schedule;

/**
 * A move factory for random selection only, which is how the solver configuration uses every custom move:
 * each call of {@link #nextMove} draws one move from the working solution as it is at that moment.
 * Original (exhaustive) order is not implemented: {@link #createOriginalMoveIterator} throws
 * {@link UnsupportedOperationException} on purpose.
 */
abstract class RandomMoveFactory<M extends Move<Schedule>> implements MoveIteratorFactory<Schedule, M> {

    /** Whether any move can be drawn (there are days to draw from). */
    protected abstract boolean canMove(ScoreDirector<Schedule> director);

    /** One random move. */
    protected abstract M nextMove(ScoreDirector<Schedule> director, Random random);

    /** Nominal moves per agent-day, for the neighbourhood's size (OptaPlanner only weighs selectors by it). */
    protected long movesPerDay() {
        return 10;
    }

    @Override
    public final long getSize(ScoreDirector<Schedule> director) {
        return director.getWorkingSolution().getDays().size() * movesPerDay();
    }

    @Override
    public final Iterator<M> createOriginalMoveIterator(ScoreDirector<Schedule> director) {
        throw new UnsupportedOperationException("random selection only");
    }

    /**
     * Draws in a row that may all be undoable before the iterator gives up for this step: per agent-day, plus a
     * floor. When nearly every day is pinned (a replan whose published days are frozen) a factory may draw
     * nothing but undoable moves; OptaPlanner skips those without a score calculation, so neither the move budget
     * nor the step limits advance and only the wall-clock net would end the run (a 3-agent replan: 124 s for a
     * 2 s limit). An exhausted iterator ends the step, and a step with no doable move ends the phase.
     */
    static final int UNDOABLE_PER_DAY = 100;
    static final int UNDOABLE_FLOOR = 1_000;

    @Override
    public final Iterator<M> createRandomMoveIterator(ScoreDirector<Schedule> director, Random random) {
        long limit = UNDOABLE_FLOOR + (long) UNDOABLE_PER_DAY * director.getWorkingSolution().getDays().size();
        return new Iterator<>() {
            private long undoableInARow;

            @Override
            public boolean hasNext() {
                return undoableInARow < limit && canMove(director);
            }

            @Override
            public M next() {
                M move = nextMove(director, random);
                undoableInARow = move.isMoveDoable(director) ? 0 : undoableInARow + 1;
                return move;
            }
        };
    }
}
