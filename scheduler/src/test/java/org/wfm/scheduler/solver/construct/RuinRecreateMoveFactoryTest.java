package org.wfm.scheduler.solver.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.solver.bench.InstanceGenerator;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;

class RuinRecreateMoveFactoryTest {

    private static Agent agent(String id, Employment e, double max, double cost) {
        return new Agent(id, id, "london", WorkMode.ONSITE, e, Map.of("voice", 1.0), Map.of(), 0, max, cost,
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0), LocalTime.of(22, 0));
    }

    /**
     * One day, one agent wanted from 9:00 to 17:00; a cheap contract agent working 9-13 and a dear on-demand one
     * working 13-17.
     */
    private static Schedule oneDay(double cheapMaxHours) {
        ScheduleInput in = new ScheduleInput(TestData.plan(TestData.voice()), TestData.flat("voice", 1, 9, 17, 1.0),
                List.of(agent("cheap", Employment.PART_TIME, cheapMaxHours, 15.0),
                        agent("dear", Employment.ON_DEMAND, 30, 20.0)),
                List.of(), TestData.rules(1, null), List.of(), TestData.LINEAR);
        Schedule s = ScheduleSolver.build(in);
        day(s, "cheap").setPattern(pattern(day(s, "cheap"), 9, 4));
        day(s, "dear").setPattern(pattern(day(s, "dear"), 13, 4));
        return s;
    }

    /** The rebuild of both agents' day. */
    private static AssignMove rebuild(Schedule s, long seed) {
        RuinRecreateMoveFactory f = new RuinRecreateMoveFactory();
        f.prepare(s);
        return f.rebuild(s, List.of(day(s, "cheap"), day(s, "dear")), new Random(seed));
    }

    private static AgentDay day(Schedule s, String agent) {
        return s.getDays().stream().filter(d -> d.getPlan().id().equals(agent)).findFirst().orElseThrow();
    }

    private static ShiftPattern pattern(AgentDay d, int startHour, int hours) {
        return d.getPatternRange().stream()
                .filter(p -> p.startMinute() == startHour * 60 && p.lengthMinutes() == hours * 60)
                .findFirst().orElseThrow();
    }

    /** The cheap agent works 9-13, the dear one 13-17: the rebuild gives the cheap one the whole day. */
    @Test
    void movesHoursToTheCheaperAgent() {
        Schedule s = oneDay(40);
        AgentDay cheap = day(s, "cheap");
        AgentDay dear = day(s, "dear");

        AssignMove move = rebuild(s, 1);

        assertThat(move.patternOf(cheap)).isSameAs(pattern(cheap, 9, 8));
        assertThat(move.patternOf(dear)).isNull();
        // The rebuild only proposes: the solution is untouched until the move is done.
        assertThat(cheap.getPattern()).isSameAs(pattern(cheap, 9, 4));
        assertThat(dear.getPattern()).isSameAs(pattern(dear, 13, 4));
    }

    /** With no hours to spare the cheap agent keeps 4 hours and the dear one still covers the rest. */
    @Test
    void weeklyMaximumIsKept() {
        Schedule s = oneDay(4);
        AgentDay cheap = day(s, "cheap");
        AgentDay dear = day(s, "dear");

        AssignMove move = rebuild(s, 2);
        ShiftPattern a = move.patternOf(cheap);
        ShiftPattern b = move.patternOf(dear);
        assertThat(a).isNotNull();
        assertThat(a.paidMinutes()).isEqualTo(240);
        assertThat(b).isNotNull();
        // Together they still cover 9:00-17:00.
        assertThat(Math.min(a.startMinute(), b.startMinute())).isEqualTo(9 * 60);
        assertThat(Math.max(a.endMinute(), b.endMinute())).isEqualTo(17 * 60);
        // Whatever the random order, never beyond the maximum.
        for (int seed = 0; seed < 10; seed++) {
            ShiftPattern r = rebuild(s, seed).patternOf(cheap);
            assertThat(r == null ? 0 : r.paidMinutes()).isLessThanOrEqualTo(240);
        }
    }

    /** A rebuild counts in the move budget as the ordinary moves its work is worth (whole ones, rounded down). */
    @Test
    void rebuildWorkIsChargedToTheMoveBudget() {
        int[] increments = {0};
        @SuppressWarnings("unchecked")
        org.optaplanner.core.api.score.director.ScoreDirector<Schedule> director =
                (org.optaplanner.core.api.score.director.ScoreDirector<Schedule>) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {org.optaplanner.core.impl.score.director.InnerScoreDirector.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("incrementCalculationCount")) {
                                increments[0]++;
                            }
                            return null;
                        });

        RuinRecreateMoveFactory.charge(director, 3 * RuinRecreateMoveFactory.WORK_PER_MOVE + 999);
        assertThat(increments[0]).isEqualTo(3);
        RuinRecreateMoveFactory.charge(director, RuinRecreateMoveFactory.WORK_PER_MOVE - 1);
        assertThat(increments[0]).isEqualTo(3);
    }

    /**
     * Done and undone by OptaPlanner in full-assert mode, which recomputes the score from scratch after every
     * move and undo and fails on any difference: the moves keep the incremental score exact.
     */
    @ParameterizedTest
    @EnumSource(Rules.ObjectiveMode.class)
    void movesAndUndosKeepTheScoreExact(Rules.ObjectiveMode mode) {
        ScheduleInput generated = InstanceGenerator.generate(8, 7, 2, true, 3);
        Rules r = generated.rules();
        ScheduleInput in = new ScheduleInput(generated.channels(), generated.requirements(), generated.agents(),
                generated.timeOff(), new Rules(r.horizon(), r.shifts(), r.breaks(),
                r.training(), r.siteSeats(), r.costs(), new Rules.Objective(mode, 1.5)),
                generated.previous(), generated.curves());
        SolverConfig c = ScheduleSolver.config(new SolveOptions(Duration.ofSeconds(60), 1, 0, 0));
        c.setEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        c.setTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(600L));
        LocalSearchPhaseConfig ls = (LocalSearchPhaseConfig) c.getPhaseConfigList().get(1);
        ls.setMoveSelectorConfig(new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RuinRecreateMoveFactory.class));
        Solver<Schedule> solver = SolverFactory.<Schedule>create(c).buildSolver();

        Schedule best = solver.solve(ScheduleSolver.build(in));

        assertThat(best.getScore().hardScore()).isZero();
    }
}
