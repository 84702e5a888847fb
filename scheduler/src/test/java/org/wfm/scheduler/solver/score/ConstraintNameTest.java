package org.wfm.scheduler.solver.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.optaplanner.constraint.streams.common.AbstractConstraintStreamScoreDirectorFactory;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.solver.model.ConstraintName;
import org.wfm.scheduler.solver.model.Schedule;

/** The constraints the provider defines are exactly the scored names of {@link ConstraintName}, once each. */
class ConstraintNameTest {

    @Test
    void everyScoredNameIsOneConstraint() {
        var factory = (AbstractConstraintStreamScoreDirectorFactory<Schedule, ?>)
                new DefaultSolverFactory<Schedule>(ScheduleSolver.config(new SolveOptions(Duration.ofSeconds(1), 1)))
                        .getScoreDirectorFactory();
        String[] defined = Arrays.stream(factory.getConstraints()).map(Constraint::getConstraintName)
                .toArray(String[]::new);
        String[] scored = Arrays.stream(ConstraintName.values())
                .filter(n -> n.level() != ConstraintName.Level.ROWS_ONLY).map(ConstraintName::phrase)
                .toArray(String[]::new);

        assertThat(defined).containsExactlyInAnyOrder(scored);
    }
}
