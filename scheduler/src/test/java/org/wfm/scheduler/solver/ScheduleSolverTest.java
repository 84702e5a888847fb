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
        assertThat(out.summary().lowerBound().cost()).isNotNull();
        assertThat(out.summary().lowerBound().cost()).isLessThanOrEqualTo(out.summary().cost().total() + 1e-6);
    }

    @Test
    void sameSeedSameSchedule() {
        SolveOptions o = new SolveOptions(Duration.ofSeconds(60), 7, 0, 3_000);
        ScheduleOutcome first = new ScheduleSolver().solve(tiny(), o, null);
        ScheduleOutcome second = new ScheduleSolver().solve(tiny(), o, null);
        assertThat(second.rows()).isEqualTo(first.rows());
        assertThat(first.terminatedBy()).isEqualTo(ScheduleSolver.MOVE_BUDGET);
        assertThat(second.terminatedBy()).isEqualTo(ScheduleSolver.MOVE_BUDGET);
    }

    /** Without a move budget, a short unimproved step count stops the run long before its time limit. */
    @Test
    void unimprovedStepsStopTheRun() {
        ScheduleOutcome out = new ScheduleSolver().solve(tiny(), new SolveOptions(Duration.ofSeconds(60), 3, 500, 0),
                null);
        assertThat(out.terminatedBy()).isEqualTo(ScheduleSolver.UNIMPROVED);
        assertThat(out.summary().solver().seconds()).isLessThan(30.0);
        assertThat(out.publishedDaysChanged()).isZero();
    }

    /** Solving again with the first schedule as the published one reports how many of its days changed. */
    @Test
    void publishedDaysChangedAreReported() {
        SolveOptions o = new SolveOptions(Duration.ofSeconds(60), 7, 0, 3_000);
        ScheduleOutcome first = new ScheduleSolver().solve(tiny(), o, null);
        ScheduleInput base = tiny();
        ScheduleInput again = new ScheduleInput(base.channels(), base.requirements(), base.agents(), base.timeOff(),
                base.rules(), first.rows(), base.curves());
        ScheduleOutcome second = new ScheduleSolver().solve(again, o, null);
        assertThat(second.publishedDaysChanged())
                .isEqualTo(ScheduleEvaluator.evaluate(again, second.rows()).publishedDaysChanged());
        // The construction starts from the published shifts; in cover mode a day changes only for service.
        assertThat(second.summary().lateContacts()).isLessThanOrEqualTo(first.summary().lateContacts() + 1e-9);
    }

    /** SIGTERM: a stop asked for before or during the search returns the construction's (or a better) schedule. */
    @Test
    void aRequestedStopEndsTheSearchWithTheBestScheduleSoFar() {
        ScheduleSolver solver = new ScheduleSolver();
        solver.requestStop();
        ScheduleOutcome out = solver.solve(tiny(), new SolveOptions(Duration.ofSeconds(600), 1), null);
        assertThat(out.terminatedBy()).isEqualTo(ScheduleSolver.STOP_REQUESTED);
        assertThat(out.summary().hardViolations()).isEmpty();
        assertThat(out.rows()).isNotEmpty();
    }

    /** Ctrl-C in the shell interrupts the command's thread: the run ends as a stop, and the bound is still computed. */
    @Test
    void anInterruptEndsTheSearchAsAStop() throws Exception {
        ScheduleOutcome[] out = new ScheduleOutcome[1];
        Thread t = new Thread(() -> out[0] = new ScheduleSolver().solve(tiny(),
                new SolveOptions(Duration.ofSeconds(600), 1), p -> {
                    if (p.phase().equals("local search")) {
                        Thread.currentThread().interrupt();
                    }
                }));
        t.start();
        t.join(120_000);
        assertThat(out[0]).isNotNull();
        assertThat(out[0].terminatedBy()).isEqualTo(ScheduleSolver.STOP_REQUESTED);
        assertThat(out[0].summary().hardViolations()).isEmpty();
        assertThat(out[0].summary().lowerBound().cost()).isNotNull();
    }

    /** After the search, the evaluation and the bound are announced: a run never looks hung between steps. */
    @Test
    void everyStepAfterTheSearchIsReported() {
        ScheduleSolver solver = new ScheduleSolver();
        solver.requestStop();
        List<String> phases = new java.util.ArrayList<>();
        solver.solve(tiny(), new SolveOptions(Duration.ofSeconds(600), 1), p -> {
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(p.phase())) {
                phases.add(p.phase());
            }
        });
        assertThat(phases).endsWith("done", SolverProgress.CHECKING, SolverProgress.BOUND);
    }

    @Test
    void noAgentsLeavesEveryIntervalShort() {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 9, 1.0),
                List.of(), List.of(), TestData.rules(1, TestData.breaks()), List.of(), TestData.LINEAR);
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(1), 1), null);
        assertThat(out.rows()).isEmpty();
        assertThat(out.summary().uncoveredIntervals()).hasSize(4);
        assertThat(out.summary().serviceLevel().get("voice").planned()).isZero();
    }

    @Test
    void demandBeyondTheWorkforceStillEndsWithTheShortIntervals() {
        List<Agent> one = List.of(TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0), 0, 40));
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 8, 16, 3.0),
                one, List.of(), TestData.rules(1, TestData.breaks()), List.of(), TestData.LINEAR);
        ScheduleOutcome out = new ScheduleSolver().solve(in, new SolveOptions(Duration.ofSeconds(2), 1), null);
        assertThat(out.summary().hardViolations()).isEmpty();
        assertThat(out.rows()).isNotEmpty();
        assertThat(out.summary().uncoveredIntervals()).hasSize(32);
        assertThat(out.summary().uncoveredIntervals().get(0).required()).isEqualTo(3.0);
        assertThat(out.summary().lowerBound().cost()).isNotNull()
                .isLessThanOrEqualTo(out.summary().cost().total());
    }
}
