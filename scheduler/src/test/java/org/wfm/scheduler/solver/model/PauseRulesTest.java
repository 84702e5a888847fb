package org.wfm.scheduler.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Rules;

/**
 * The pause rule is one function: {@link ShiftRules#pauseWindow} says where a pause may go with the others where
 * they are, {@link ShiftRules#breakProblem} says whether a whole placement is legal, and the two must agree; the
 * generated patterns are legal.
 */
class PauseRulesTest {
    private static final Rules.Breaks USUAL = new Rules.Breaks(2, 15, 30, 6);
    private static final int[] GRIDS = {5, 10, 15, 30, 60};

    /** Breaks rules from the reader's ranges, mostly plausible ones. */
    private static Rules.Breaks breaks(Random r) {
        double every = new double[] {1, 1.5, 2, 2, 2.5, 3, 4}[r.nextInt(7)];
        int brk = new int[] {5, 10, 15, 15, 20}[r.nextInt(5)];
        int lunch = new int[] {20, 30, 30, 45, 60}[r.nextInt(5)];
        double after = new double[] {4, 5, 6, 6, 7}[r.nextInt(5)];
        return new Rules.Breaks(every, brk, lunch, after);
    }

    @Test
    void anEightHourShiftsWindowsByHand() {
        // 3 pauses (floor(8/2) - 1), lunch in the middle; centres at 2, 4 and 6 hours, so even starts
        // 1:52.5, 3:45 and 5:52.5, each ± 30 minutes.
        List<Pause> even = List.of(new Pause(120, 15, false), new Pause(225, 30, true), new Pause(345, 15, false));
        assertThat(ShiftRules.breakProblem(USUAL, 480, even)).isNull();
        assertThat(ShiftRules.pauseWindow(USUAL, 480, even, 0)).containsExactly(83, 142);
        assertThat(ShiftRules.pauseWindow(USUAL, 480, even, 1)).containsExactly(195, 255);
        assertThat(ShiftRules.pauseWindow(USUAL, 480, even, 2)).containsExactly(323, 382);
        assertThat(ShiftRules.breakProblem(USUAL, 480, List.of(new Pause(150, 15, false), new Pause(225, 30, true),
                new Pause(345, 15, false)))).isEqualTo("break 1 starts 2:30 into the shift, allowed 1:23 to 2:22");
        // A 4-hour shift's one break: centre at 2 hours, start 1:22.5 ± 0:30, within the first and last hour.
        assertThat(ShiftRules.pauseWindow(USUAL, 240, List.of(new Pause(120, 15, false)), 0))
                .containsExactly(83, 142);
        assertThat(ShiftRules.windowHalfWidth(new Rules.Breaks(4, 15, 30, 6))).isEqualTo(60);
    }

    @Test
    void neighboursNarrowTheWindow() {
        List<Pause> crowded = List.of(new Pause(140, 15, false), new Pause(195, 30, true), new Pause(345, 15, false));
        // Break 1 must end by the lunch's start, the lunch start after break 1 ends.
        assertThat(ShiftRules.pauseWindow(USUAL, 480, crowded, 0)).containsExactly(83, 142);
        assertThat(ShiftRules.pauseWindow(USUAL, 480, crowded, 1)).containsExactly(195, 255);
        List<Pause> overlap = List.of(new Pause(140, 15, false), new Pause(150, 30, true), new Pause(345, 15, false));
        assertThat(ShiftRules.breakProblem(USUAL, 480, overlap)).isEqualTo("pauses overlap");
    }

    @Property(tries = 300)
    void everyGeneratedPatternIsLegal(@ForAll long seed) {
        Random r = new Random(seed);
        Rules.Breaks b = breaks(r);
        int grid = GRIDS[r.nextInt(GRIDS.length)];
        int len = 60 * (3 + r.nextInt(10)) + (r.nextInt(4) == 0 ? 30 : 0);
        int start = 5 * r.nextInt(288);
        for (List<Pause> ps : ShiftRules.placements(b, start, len, grid)) {
            assertThat(ShiftRules.breakProblem(b, len, ps)).as("%s %d+%d grid %d: %s", b, start, len, grid, ps)
                    .isNull();
            for (Pause p : ps) {
                assertThat(Math.floorMod(start + p.offset(), grid)).isZero();
            }
        }
    }

    @Property(tries = 300)
    void usualRulesAlwaysHaveAPlacement(@ForAll @IntRange(min = 0, max = 287) int step,
                                        @ForAll @IntRange(min = 0, max = 4) int g,
                                        @ForAll @IntRange(min = 4, max = 12) int hours) {
        assertThat(ShiftRules.placements(USUAL, 5 * step, 60 * hours, GRIDS[g])).isNotEmpty();
    }

    /**
     * From a legal placement, pause k moved to any start: legal by breakProblem exactly when the start is in
     * pauseWindow; and a random walk of such moves stays legal.
     */
    @Property(tries = 100)
    void theWindowIsWhatBreakProblemAllows(@ForAll long seed) {
        Random r = new Random(seed);
        Rules.Breaks b = breaks(r);
        int grid = GRIDS[r.nextInt(3)];
        int len = 60 * (4 + r.nextInt(9));
        int start = 30 * r.nextInt(48);
        List<List<Pause>> all = ShiftRules.placements(b, start, len, grid);
        if (all.isEmpty()) {
            return;
        }
        ShiftPattern p = new ShiftPattern(0, start, len, all.get(r.nextInt(all.size())));
        for (int step = 0; step < 20 && !p.pauses().isEmpty(); step++) {
            int k = r.nextInt(p.pauses().size());
            int[] w = ShiftRules.pauseWindow(b, len, p.pauses(), k);
            for (int x = -5; x <= len + 5; x++) {
                boolean legal = ShiftRules.breakProblem(b, len, p.withPause(k, x).pauses()) == null;
                assertThat(legal).as("%s len %d pause %d at %d, window %d-%d", b, len, k, x, w[0], w[1])
                        .isEqualTo(x >= w[0] && x <= w[1]);
            }
            int[] starts = ShiftRules.gridStarts(start, w, grid);
            assertThat(starts).as("the pause's own start is on the grid and in its window")
                    .contains(p.pauses().get(k).offset());
            p = p.withPause(k, starts[r.nextInt(starts.length)]);
            assertThat(ShiftRules.breakProblem(b, len, p.pauses())).isNull();
        }
    }

    @Test
    void movedPausesKeepTheShiftAndTheirKind() {
        ShiftPattern p = new ShiftPattern(7, 480, 480, ShiftRules.placements(USUAL, 480, 480, 15).get(0));
        ShiftPattern q = p.withPause(1, 240);
        assertThat(q.id()).isEqualTo(7);
        assertThat(q.sameShift(p)).isTrue();
        assertThat(q.pauses().get(1)).isEqualTo(new Pause(240, 30, true));
        assertThat(q.paidMinutes()).isEqualTo(p.paidMinutes());
        assertThat(new ArrayList<>(q.pauses()).subList(0, 1)).isEqualTo(p.pauses().subList(0, 1));
    }
}
