package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Employment;

class SolveOptionsTest {

    private static ScheduleInput input(boolean breaks) {
        return new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 16, 1.0),
                List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40)), List.of(),
                TestData.rules(1, breaks ? TestData.breaks() : null), List.of(), TestData.LINEAR);
    }

    /**
     * The budget is the limit × the quiet speed × the search's share, from the limit and the instance alone:
     * 60 s without breaks 60 × 0.8 × 30,000 = 1,440,000 moves; with breaks 60 × 0.8 × 22,000 = 1,056,000
     * (the flat budget was 900,000); the unimproved limit follows the budget; seed and bound are kept.
     */
    @Test
    void theBudgetComesFromTheLimitAndTheInstance() {
        SolveOptions flat = new SolveOptions(Duration.ofSeconds(60), 7).withoutBound();
        SolveOptions noBreaks = flat.calibratedFor(input(false));
        SolveOptions breaks = flat.calibratedFor(input(true));
        assertThat(flat.moveBudget()).isEqualTo(900_000);
        assertThat(noBreaks.moveBudget()).isEqualTo(1_440_000);
        assertThat(breaks.moveBudget()).isEqualTo(1_056_000);
        assertThat(noBreaks.unimprovedSteps()).isEqualTo(SolveOptions.defaultUnimprovedSteps(1_440_000));
        assertThat(noBreaks.seed()).isEqualTo(7);
        assertThat(noBreaks.bound()).isFalse();
        assertThat(noBreaks).isEqualTo(flat.calibratedFor(input(false)));
    }
}
