package org.wfm.scheduler.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.wfm.scheduler.domain.Rules;

/**
 * The most a week can hold, by the input-conflict check's dynamic programme, equals a brute force over every set of
 * working days (each at its longest paid shift) that keeps the day and run limits, capped by the weekly maximum.
 */
class ReachableMinutesTest {

    @Property(tries = 300)
    void dynamicProgrammeEqualsBruteForce(@ForAll @IntRange(min = 0, max = 127) int openMask,
                                          @ForAll @IntRange(min = 1, max = 7) int maxDays,
                                          @ForAll @IntRange(min = 1, max = 6) int maxRun,
                                          @ForAll @IntRange(min = 0, max = 6) int priorRun,
                                          @ForAll @IntRange(min = 1, max = 7) int days,
                                          @ForAll @IntRange(min = 0, max = 3) int lengthSeed,
                                          @ForAll @IntRange(min = 600, max = 3000) int maxMinutes) {
        int[] paid = new int[days];
        List<List<ShiftPattern>> ranges = new ArrayList<>();
        for (int k = 0; k < days; k++) {
            boolean open = (openMask >> k & 1) == 1;
            int len = 240 + 120 * ((k + lengthSeed) % 4);
            paid[k] = open ? len : 0;
            ranges.add(open ? List.of(new ShiftPattern(k, 8 * 60, len, List.of())) : List.of());
        }
        Rules.Shifts shifts = new Rules.Shifts(List.of(4.0, 6.0, 8.0, 10.0), 30, 11, maxRun, maxDays);
        AgentWeek week = new AgentWeek(null, 0, days, 0, maxMinutes, maxDays, 2400, 0.5, 240);

        int best = 0;
        for (int set = 0; set < 1 << days; set++) {
            boolean ok = true;
            int count = 0;
            int run = priorRun;
            int sum = 0;
            for (int k = 0; k < days && ok; k++) {
                boolean on = (set >> k & 1) == 1;
                if (on && paid[k] == 0) {
                    ok = false;
                }
                run = on ? run + 1 : 0;
                count += on ? 1 : 0;
                sum += on ? paid[k] : 0;
                ok &= !(on && run > maxRun);
            }
            if (ok && count <= maxDays) {
                best = Math.max(best, Math.min(sum, maxMinutes));
            }
        }
        assertThat(InputConflicts.reachableMinutes(week, ranges, priorRun, shifts)).isEqualTo(best);
    }
}
