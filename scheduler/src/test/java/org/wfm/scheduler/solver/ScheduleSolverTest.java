package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.ScheduleRow;

class ScheduleSolverTest {

    private static ScheduleInput tiny() {
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(TestData.agent("a" + i, Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40));
        }
        return new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 3, 8, 16, 2.0), agents,
                List.of(), TestData.rules(3, TestData.breaks()), List.of(), TestData.LINEAR);
    }

    @Test
    void coversAFlatDemandWithLegalShifts() {
        ScheduleInput in = tiny();
        List<SolverProgress> seen = new ArrayList<>();
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(3), 1), seen::add);
        assertThat(out.summary().hardViolations()).isEmpty();
        assertThat(out.rows()).isNotEmpty();
        assertThat(out.rows()).isSortedAccordingTo(Comparator.comparing(ScheduleRow::agentId)
                .thenComparing(ScheduleRow::start));
        assertThat(seen).isNotEmpty();
        // The outcome is exactly what the rows imply.
        Evaluation again = ScheduleEvaluator.evaluate(in, out.rows());
        assertThat(again.coverage()).isEqualTo(out.coverage());
        assertThat(again.summary().cost()).isEqualTo(out.summary().cost());
        System.out.println(out.summary());
        out.rows().forEach(System.out::println);
    }
}
