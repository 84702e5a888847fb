package org.wfm.scheduler.solver.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.solver.model.PlanContext;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The bounds credit a redirected stretch where a channel has no demand ({@link CoverLowerBound#demanded}); the
 * solver redirects where its demand buckets are missing. Both must name the same intervals, deferred windows
 * included.
 */
class DemandedTest {

    @Property(tries = 40)
    void theBoundsAndTheSolverAgreeWhereAChannelHasDemand(@ForAll @IntRange(min = 0, max = 23) int voiceFrom,
                                                          @ForAll @IntRange(min = 1, max = 24) int voiceHours,
                                                          @ForAll @IntRange(min = 0, max = 23) int emailFrom,
                                                          @ForAll @IntRange(min = 1, max = 6) int emailHours,
                                                          @ForAll @IntRange(min = 1, max = 30) int responseHours) {
        List<Requirement> reqs = new ArrayList<>(TestData.flat("voice", 2, voiceFrom,
                Math.min(23, voiceFrom + voiceHours), 1.5));
        reqs.addAll(TestData.flat("email", 2, emailFrom, Math.min(23, emailFrom + emailHours), 0.5));
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice(), TestData.chat(),
                TestData.email(responseHours)), reqs,
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "email", 0.5), 0, 40)),
                List.of(), TestData.rules(2, TestData.breaks()), List.of(), TestData.LINEAR);
        boolean[][] demanded = CoverLowerBound.demanded(in);
        PlanContext ctx = ScheduleSolver.build(in).getCtx();
        for (int c = 0; c < demanded.length; c++) {
            for (int i = 0; i < demanded[c].length; i++) {
                assertThat(demanded[c][i]).as("channel %d interval %d", c, i).isEqualTo(ctx.bucket(c, i) != null);
            }
        }
    }
}
