package org.wfm.scheduler.solver.construct;

import java.util.List;
import java.util.function.ToLongFunction;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.WorkSlot;

/**
 * Where a shift built by the construction or the ruin-and-recreate move takes its pauses: one pause at a time,
 * in order, at the start on the interval grid within its window ({@link PauseMoveFactory#starts}) where the
 * agent's absence costs the least service given the coverage of the agents placed before, so a pause goes where
 * the channel is most over its requirement and agents placed later avoid the pauses of agents placed earlier.
 * Where every start costs the same (coverage far above the requirement, or a deferred channel whose window
 * spans them all), agents take them in turn: the tie goes to the start {@code turn} places along the window.
 * Surplus-driven break placement follows the break-window heuristics of Aykin (Management Science 42(4), 1996)
 * and Bechtold and Jacobs (Management Science 36(11), 1990), where a shift's breaks go to the periods of
 * largest surplus.
 */
final class PausePlacement {
    private PausePlacement() {
    }

    /**
     * The pattern of {@code probe} (which has its channels and location set) with its pauses placed; the probe
     * holds that pattern afterwards. {@code gain} values the probe's coverage against what is already placed.
     * Returns the number of placements valued through {@code valued[0]} (for a caller that charges its work).
     */
    static ShiftPattern place(AgentDay probe, ToLongFunction<List<WorkSlot>> gain, int turn, long[] valued) {
        return place(probe, q -> {
            probe.setPattern(q);
            valued[0]++;
            return gain.applyAsLong(probe.workSlots());
        }, turn);
    }

    /**
     * As above, with each placement valued by {@code gainOf} directly (the construction's quick placement values
     * a pattern by estimates, without the probe's coverage): one pause at a time, the best start kept, ties taken
     * in turn.
     */
    static ShiftPattern place(AgentDay probe, ToLongFunction<ShiftPattern> gainOf, int turn) {
        ShiftPattern p = probe.getPattern();
        if (p == null || p.pauses().isEmpty()) {
            return p;
        }
        for (int k = 0; k < p.pauses().size(); k++) {
            int[] starts = PauseMoveFactory.starts(probe, p, k);
            if (starts.length <= 1) {
                continue;
            }
            ShiftPattern best = null;
            long bestGain = Long.MIN_VALUE;
            int bestRank = Integer.MAX_VALUE;
            int here = p.pauses().get(k).offset();
            for (int i = 0; i < starts.length; i++) {
                ShiftPattern q = starts[i] == here ? p : p.withPause(k, starts[i]);
                long g = gainOf.applyAsLong(q);
                int rank = Math.floorMod(i - turn, starts.length);
                if (g > bestGain || (g == bestGain && rank < bestRank)) {
                    best = q;
                    bestGain = g;
                    bestRank = rank;
                }
            }
            p = best;
        }
        probe.setPattern(p);
        return p;
    }
}
