package org.wfm.scheduler.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import org.wfm.scheduler.solver.construct.GreedyConstruction;
import org.wfm.scheduler.solver.construct.PauseMove;
import org.wfm.scheduler.solver.construct.PauseMoveFactory;
import org.wfm.scheduler.solver.construct.RuinRecreateMoveFactory;
import org.wfm.scheduler.solver.model.ConstraintName;
import org.wfm.scheduler.solver.model.Schedule;
import org.wfm.scheduler.solver.model.ShiftPattern;
import org.wfm.scheduler.solver.model.ShiftRules;

/**
 * The construction and the ruin-and-recreate rebuild keep the hard rules with fast checks of their own; those
 * checks call the rule book, and here the real score holds them to it: on random problems, no hard rule they
 * claim to keep gets a larger penalty from what they do. Only the weekly minimum is not claimed (a week may be
 * left short when nothing more fits).
 */
class RuleKeepingTest {
    private static final InnerScoreDirectorFactory<Schedule, HardMediumSoftLongScore> SCORE =
            new DefaultSolverFactory<Schedule>(ScheduleSolver.config(new SolveOptions(Duration.ofSeconds(1), 1)))
                    .getScoreDirectorFactory();

    /** Moves tried on each random schedule. */
    private static final int MOVES = 25;

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void constructionBreaksNoRuleItKeeps(@ForAll long seed) {
        onRandomProblem(seed, (r, director) -> {
            Map<ConstraintName, Long> before = hard(director);

            new GreedyConstruction().changeWorkingSolution(director);

            assertKept(before, hard(director), "construction, seed " + seed);
        });
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void rebuildBreaksNoRuleItKeeps(@ForAll long seed) {
        onRandomProblem(seed, (r, director) -> {
            Schedule s = director.getWorkingSolution();
            if (r.nextBoolean()) {
                new GreedyConstruction().changeWorkingSolution(director);
            } else {
                // Legal shifts at random: rest, days, hours, seats and training broken here and there.
                RandomProblems.scrambleInRange(s, r);
                director.setWorkingSolution(s);
            }
            RuinRecreateMoveFactory factory = new RuinRecreateMoveFactory();
            factory.phaseStarted(director);
            Iterator<? extends Move<Schedule>> moves = factory.createRandomMoveIterator(director, r);
            for (int k = 0; k < MOVES && moves.hasNext(); k++) {
                Move<Schedule> m = moves.next();
                if (!m.isMoveDoable(director)) {
                    continue;
                }
                Map<ConstraintName, Long> before = hard(director);
                m.doMoveOnly(director);
                assertKept(before, hard(director), "rebuild " + k + ", seed " + seed);
            }
        });
    }

    /**
     * Every pause move goes to a placement {@link ShiftRules#breakProblem} calls legal, on the interval grid, the
     * shift itself unchanged, and no hard rule gets a larger penalty; pinned days are never drawn.
     */
    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void pauseMovesStayWithinTheRules(@ForAll long seed) {
        onRandomProblem(seed, (r, director) -> {
            Schedule s = director.getWorkingSolution();
            if (r.nextBoolean()) {
                new GreedyConstruction().changeWorkingSolution(director);
            } else {
                RandomProblems.scrambleInRange(s, r);
                director.setWorkingSolution(s);
            }
            PauseMoveFactory factory = new PauseMoveFactory();
            Iterator<PauseMove> moves = factory.createRandomMoveIterator(director, r);
            int im = s.getCtx().intervalMinutes();
            for (int k = 0; k < 4 * MOVES && moves.hasNext(); k++) {
                PauseMove m = moves.next();
                if (!m.isMoveDoable(director)) {
                    continue;
                }
                ShiftPattern from = m.day().getPattern();
                assertThat(m.day().isPinned()).isFalse();
                assertThat(m.to().sameShift(from)).isTrue();
                assertThat(ShiftRules.breakProblem(s.getCtx().rules().breaks(), from.lengthMinutes(), m.to().pauses()))
                        .as("pause move %s, seed %d", m, seed).isNull();
                int changed = 0;
                for (int i = 0; i < from.pauses().size(); i++) {
                    changed += from.pauses().get(i).equals(m.to().pauses().get(i)) ? 0 : 1;
                    assertThat(Math.floorMod(from.startMinute() + m.to().pauses().get(i).offset(), im)).isZero();
                }
                assertThat(changed).isEqualTo(1);
                Map<ConstraintName, Long> before = hard(director);
                m.doMoveOnly(director);
                assertKept(before, hard(director), "pause move " + k + ", seed " + seed);
            }
        });
    }

    /** A random problem (nobody working yet) in a score director with constraint matches, and its random source. */
    private static void onRandomProblem(long seed,
            BiConsumer<Random, InnerScoreDirector<Schedule, HardMediumSoftLongScore>> test) {
        Random r = new Random(seed);
        Schedule s = ScheduleSolver.build(RandomProblems.problem(r));
        try (InnerScoreDirector<Schedule, HardMediumSoftLongScore> director = SCORE.buildScoreDirector(false, true)) {
            director.setWorkingSolution(s);
            test.accept(r, director);
        }
    }

    /** Hard penalty per hard rule, as the score has it now. */
    private static Map<ConstraintName, Long> hard(InnerScoreDirector<Schedule, HardMediumSoftLongScore> director) {
        director.calculateScore();
        Map<ConstraintName, Long> out = new EnumMap<>(ConstraintName.class);
        for (ConstraintMatchTotal<HardMediumSoftLongScore> t : director.getConstraintMatchTotalMap().values()) {
            for (ConstraintName n : ConstraintName.values()) {
                if (n.phrase().equals(t.getConstraintName()) && n.level() == ConstraintName.Level.HARD) {
                    out.put(n, -t.getScore().hardScore());
                }
            }
        }
        return out;
    }

    private static void assertKept(Map<ConstraintName, Long> before, Map<ConstraintName, Long> after, String what) {
        for (ConstraintName n : ConstraintName.values()) {
            if (n.level() == ConstraintName.Level.HARD && n != ConstraintName.WEEKLY_HOURS_MIN) {
                assertThat(after.getOrDefault(n, 0L)).as("%s: %s", what, n)
                        .isLessThanOrEqualTo(before.getOrDefault(n, 0L));
            }
        }
    }
}
