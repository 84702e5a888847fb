package org.wfm.scheduler.solver.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Pause;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

/**
 * Random {@link TrimShiftMove}s: paid time taken off an agent whose week is above the contract's weekly minimum,
 * by a shorter shift that keeps one end of the current one (the other end moves in by one or more of the allowed
 * lengths' steps) or by a day off, never below the minimum. The pauses of the shorter shift are re-placed by
 * {@link PausePlacement} as near as the rules allow to where the current shift has them, so a trim does not undo
 * the staggering the search found (a plain pattern change puts them back at the pattern's defaults).
 *
 * <p>Why: with the lexicographic objective (late contacts before money) every hour that covers nothing is pure
 * cost, and the way to remove it is a trim at a shift's end where its channel is over the requirement; the
 * uniform pattern and nudge moves propose such a trim rarely (a nudge draws among some twenty neighbouring
 * shapes, most of them longer or moved) and reset the pauses. This is the "drop" half of the add/drop
 * neighbourhoods of tour and shift scheduling local search (Musliu, Schaerf and Slany, Local search for shift
 * design, EJOR 153(1), 2004: shorten or remove a shift to take excess staff off), restricted to the removals that
 * keep every weekly minimum.
 */
public class TrimShiftMoveFactory extends RandomMoveFactory<TrimShiftMove> {
    /** Every agent-day by agent (plan index) and day, pinned days included (they count in the week's hours). */
    private AgentDay[][] byPlanDay = new AgentDay[0][];
    private List<AgentDay> movable = List.of();

    @Override
    public void phaseStarted(ScoreDirector<Schedule> director) {
        prepare(director.getWorkingSolution());
    }

    void prepare(Schedule s) {
        int plans = 0;
        for (AgentDay d : s.getDays()) {
            plans = Math.max(plans, d.getPlan().index() + 1);
        }
        AgentDay[][] grid = new AgentDay[plans][s.getCtx().days()];
        List<AgentDay> free = new ArrayList<>();
        for (AgentDay d : s.getDays()) {
            grid[d.getPlan().index()][d.getDay()] = d;
            if (!d.isPinned() && !d.getPatternRange().isEmpty()) {
                free.add(d);
            }
        }
        byPlanDay = grid;
        movable = free;
    }

    @Override
    protected boolean canMove(ScoreDirector<Schedule> director) {
        return !movable.isEmpty();
    }

    @Override
    protected TrimShiftMove nextMove(ScoreDirector<Schedule> director, Random random) {
        for (int tries = 0; tries < 20; tries++) {
            AgentDay d = movable.get(random.nextInt(movable.size()));
            TrimShiftMove m = draw(d, random);
            if (m != null) {
                return m;
            }
        }
        // Nothing to trim found quickly: a move that is not doable, which the solver skips.
        AgentDay d = movable.get(random.nextInt(movable.size()));
        return new TrimShiftMove(d, d.getPattern());
    }

    /** A trim of {@code d}'s shift that keeps its week at or above the minimum, or null when there is none. */
    TrimShiftMove draw(AgentDay d, Random random) {
        ShiftPattern p = d.getPattern();
        if (p == null || d.isPinned()) {
            return null;
        }
        int surplus = weekMinutes(d) - d.getWeek().minMinutes();
        if (surplus <= 0) {
            return null;
        }
        List<ShiftPattern> shorter = shorter(d, p, surplus);
        boolean dayOff = p.paidMinutes() <= surplus;
        int n = shorter.size() + (dayOff ? 1 : 0);
        if (n == 0) {
            return null;
        }
        int pick = random.nextInt(n);
        if (pick == shorter.size()) {
            return new TrimShiftMove(d, null);
        }
        return new TrimShiftMove(d, withPausesNear(d, shorter.get(pick), p));
    }

    /**
     * Shapes of {@code d}'s range that lie inside {@code p}, keep its start or its end, and take off at most
     * {@code surplus} paid minutes.
     */
    static List<ShiftPattern> shorter(AgentDay d, ShiftPattern p, int surplus) {
        List<ShiftPattern> out = new ArrayList<>();
        for (ShiftPattern q : d.getPatternRange()) {
            if (q.lengthMinutes() < p.lengthMinutes() && q.startMinute() >= p.startMinute()
                    && q.endMinute() <= p.endMinute()
                    && (q.startMinute() == p.startMinute() || q.endMinute() == p.endMinute())
                    && p.paidMinutes() - q.paidMinutes() <= surplus) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * {@code q} with each pause placed by {@link PausePlacement} at the legal start nearest (in time of day) to a
     * pause of the same kind in {@code old}; ties in turn. {@code d} is used as the probe and keeps its pattern.
     */
    static ShiftPattern withPausesNear(AgentDay d, ShiftPattern q, ShiftPattern old) {
        if (q.pauses().isEmpty() || old.pauses().isEmpty()) {
            return q;
        }
        ShiftPattern current = d.getPattern();
        try {
            d.setPattern(q);
            return PausePlacement.place(d, cand -> -distance(cand, old), d.getPlan().index() + d.getDay());
        } finally {
            d.setPattern(current);
        }
    }

    /** Minutes between each pause of {@code q} and the nearest pause of the same kind in {@code old}, summed. */
    static long distance(ShiftPattern q, ShiftPattern old) {
        long sum = 0;
        for (Pause a : q.pauses()) {
            long best = Long.MAX_VALUE;
            for (Pause b : old.pauses()) {
                if (a.lunch() == b.lunch()) {
                    best = Math.min(best, Math.abs((long) q.startMinute() + a.offset() - old.startMinute() - b.offset()));
                }
            }
            sum += best == Long.MAX_VALUE ? 0 : best;
        }
        return sum;
    }

    private int weekMinutes(AgentDay d) {
        return RuinRecreateMoveFactory.weekMinutes(byPlanDay[d.getPlan().index()], d.getDay());
    }
}
