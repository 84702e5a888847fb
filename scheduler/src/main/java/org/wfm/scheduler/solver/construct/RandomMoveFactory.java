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

    @Override
    public final Iterator<M> createRandomMoveIterator(ScoreDirector<Schedule> director, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return canMove(director);
            }

            @Override
            public M next() {
                return nextMove(director, random);
            }
        };
    }
}
