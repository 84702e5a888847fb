package org.wfm.scheduler.solver.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.solver.bench.InstanceGenerator;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;

class TrimShiftMoveFactoryTest {

    /**
     * One agent and a week (no proration of the weekly minimum {@code minHours}), demand 9:00-13:00 on the first
     * day, where the agent works {@code hours} from 9:00; the other days off.
     */
    private static Schedule oneDay(double minHours, int hours, Rules.Breaks breaks) {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 9, 13, 1.0),
                List.of(TestData.agent("a", Employment.PART_TIME, Map.of("voice", 1.0), minHours, 40)),
                List.of(), TestData.rules(7, breaks), List.of(), TestData.LINEAR);
        Schedule s = ScheduleSolver.build(in);
        AgentDay d = first(s);
        d.setPattern(pattern(d, 9, hours));
        d.setChannels("voice", "voice", "voice");
        return s;
    }

    private static AgentDay first(Schedule s) {
        return s.getDays().stream().filter(d -> d.getDay() == 0).findFirst().orElseThrow();
    }

    private static ShiftPattern pattern(AgentDay d, int startHour, int hours) {
        return d.getPatternRange().stream()
                .filter(p -> p.startMinute() == startHour * 60 && p.lengthMinutes() == hours * 60)
                .findFirst().orElseThrow();
    }

    private static TrimShiftMoveFactory factory(Schedule s) {
        TrimShiftMoveFactory f = new TrimShiftMoveFactory();
        f.prepare(s);
        return f;
    }

    /** Only shorter shifts inside the current one that keep an end, and never below the weekly minimum. */
    @Test
    void trimsKeepAnEndAndTheWeeklyMinimum() {
        Schedule s = oneDay(6, 8, null);
        AgentDay d = first(s);
        TrimShiftMoveFactory f = factory(s);
        for (int seed = 0; seed < 50; seed++) {
            TrimShiftMove m = f.draw(d, new Random(seed));
            assertThat(m).isNotNull();
            ShiftPattern to = m.to();
            // 2 hours above a 6-hour minimum: a 6-hour shift from 9:00 or to 17:00, never 4 hours, never a day off.
            assertThat(to).isNotNull();
            assertThat(to.lengthMinutes()).isEqualTo(360);
            assertThat(to.startMinute() == 9 * 60 || to.endMinute() == 17 * 60).isTrue();
        }
        // Without a minimum the day off is among the draws.
        Schedule free = oneDay(0, 8, null);
        TrimShiftMoveFactory g = factory(free);
        boolean off = false;
        for (int seed = 0; seed < 50; seed++) {
            off |= g.draw(first(free), new Random(seed)).to() == null;
        }
        assertThat(off).isTrue();
    }

    /** A week at its minimum is not trimmed. */
    @Test
    void aWeekAtItsMinimumIsLeftAlone() {
        Schedule s = oneDay(8, 8, null);
        assertThat(factory(s).draw(first(s), new Random(1))).isNull();
    }

    /**
     * The trimmed shift's pauses keep the rules and sit as near as the rules allow to where the day had them; the
     * day itself keeps its pattern (the factory only proposes).
     */
    @Test
    void pausesAreRePlacedNearTheOldOnes() {
        Schedule s = oneDay(0, 8, TestData.breaks());
        AgentDay d = first(s);
        ShiftPattern eight = d.getPattern();
        ShiftPattern six = pattern(d, 9, 6);
        ShiftPattern placed = TrimShiftMoveFactory.withPausesNear(d, six, eight);
        assertThat(d.getPattern()).isSameAs(eight);
        assertThat(placed.sameShift(six)).isTrue();
        assertThat(ShiftRules.breakProblem(TestData.breaks(), 360, placed.pauses())).isNull();
        assertThat(TrimShiftMoveFactory.distance(placed, eight))
                .isLessThanOrEqualTo(TrimShiftMoveFactory.distance(six, eight));
    }

    /**
     * A search with only trims takes the hours that cover nothing off the 8-hour shift (demand 9:00-13:00,
     * minimum 4 hours): the cheapest schedule that keeps the service, 9:00-13:00. In full-assert mode, so the
     * moves and their undos keep the incremental score exact.
     */
    @Test
    void searchTrimsToTheDemand() {
        Schedule s = oneDay(4, 8, null);
        SolverConfig c = ScheduleSolver.config(new SolveOptions(Duration.ofSeconds(60), 1, 0, 0));
        c.setEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        c.setTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(200L));
        c.setPhaseConfigList(List.of(c.getPhaseConfigList().get(1)));
        LocalSearchPhaseConfig ls = (LocalSearchPhaseConfig) c.getPhaseConfigList().get(0);
        ls.setMoveSelectorConfig(new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(TrimShiftMoveFactory.class));
        Solver<Schedule> solver = SolverFactory.<Schedule>create(c).buildSolver();

        Schedule best = solver.solve(s);

        ShiftPattern p = first(best).getPattern();
        assertThat(p.startMinute()).isEqualTo(9 * 60);
        assertThat(p.lengthMinutes()).isEqualTo(240);
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore().mediumScore()).isZero();
    }

    /** On a generated centre with breaks and three channels the trims keep the incremental score exact. */
    @Test
    void trimsAndUndosKeepTheScoreExact() {
        ScheduleInput in = InstanceGenerator.generate(8, 7, 3, true, 3);
        SolverConfig c = ScheduleSolver.config(new SolveOptions(Duration.ofSeconds(60), 1, 0, 0));
        c.setEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        c.setTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(600L));
        LocalSearchPhaseConfig ls = (LocalSearchPhaseConfig) c.getPhaseConfigList().get(1);
        ls.setMoveSelectorConfig(new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(TrimShiftMoveFactory.class));
        Schedule best = SolverFactory.<Schedule>create(c).buildSolver().solve(ScheduleSolver.build(in));

        assertThat(best.getScore().hardScore()).isZero();
    }
}
