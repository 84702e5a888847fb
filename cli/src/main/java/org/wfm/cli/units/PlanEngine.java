package org.wfm.cli.units;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the unit tasks of a plan with units. Each task writes its unit's run folder ({@link UnitTask#run}) and
 * depends only on its own inputs and seed, so an engine may run them in any order and anywhere that sees the same
 * files; it must have run every task (or thrown the first failure in task order) when it returns.
 *
 * <p>{@code local} ({@link LocalEngine}) is built in. Other engines are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.wfm.cli.units.PlanEngine}), so the CLI does not depend on them: the
 * {@code wfm-spark} module provides {@code spark}.
 */
public interface PlanEngine {
    /** The name {@code --engine} selects. */
    String name();

    /** Runs every task; throws the first task's failure in task order (an input error stays an input error). */
    void run(List<UnitTask> tasks, EngineOptions options, Consumer<String> progress);
}
