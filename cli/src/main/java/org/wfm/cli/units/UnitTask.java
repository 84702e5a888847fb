package org.wfm.cli.units;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.wfm.cli.io.Notes;
import org.wfm.cli.io.PlanConfig;
import org.wfm.cli.io.PlanConfigReader;
import org.wfm.cli.service.PipelineRun;
import org.wfm.scheduler.domain.Rules;

/**
 * One unit's night: forecast its series, compute requirements, schedule, simulate and write its run folder into
 * {@code dir} (which becomes {@code target}). Plain strings and numbers only, so the task is serialisable and can be
 * shipped to a Spark executor, which reads plan.yaml and the unit's files itself (they must be on storage it sees).
 *
 * @param config     plan.yaml, absolute
 * @param unit       the unit's name in plan.yaml
 * @param runDate    the plan's date (history from the next day on is ignored)
 * @param start      the schedule's first day
 * @param seed       the unit's seed ({@link UnitSeeds})
 * @param previous   the unit's folder in the published run, or null
 * @param memoryMb   the unit's memory estimate ({@link UnitMemory})
 */
public record UnitTask(String config, String unit, String runDate, String start, long seed, String previous,
                       String dir, String target, long memoryMb) implements Serializable {

    /** Runs the task in this JVM; progress lines are prefixed with the unit's name. */
    public static void run(UnitTask t, Consumer<String> progress) {
        PlanConfig cfg = PlanConfigReader.read(Path.of(t.config()), new Notes());
        PlanConfig.Unit u = cfg.units().stream().filter(x -> x.name().equals(t.unit())).findFirst()
                .orElseThrow(() -> new IllegalStateException("unit " + t.unit() + " is no longer in " + t.config()));
        PipelineRun.Request req = request(cfg, u, LocalDate.parse(t.runDate()), LocalDate.parse(t.start()), t.seed(),
                t.previous() == null ? null : Path.of(t.previous()));
        try {
            java.nio.file.Files.createDirectories(Path.of(t.dir()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + t.dir() + ": " + e.getMessage(), e);
        }
        PipelineRun.runInto(req, Path.of(t.dir()), Path.of(t.target()), line -> progress.accept(t.unit() + ": " + line));
    }

    /** The single-plan request of one unit: its own files, the plan's forecast and schedule settings, its seed. */
    public static PipelineRun.Request request(PlanConfig cfg, PlanConfig.Unit u, LocalDate runDate, LocalDate start,
                                              long seed, Path previous) {
        return new PipelineRun.Request(
                new PipelineRun.InputSet(u.history(), u.holidays(), u.channels(), u.agents(), u.timeoff(), u.rules(),
                        u.historyFormat(), u.preferences(), u.overrides()),
                u.timezone(), runDate.plusDays(1), cfg.forecast().horizonDays(),
                new Rules.Horizon(start, cfg.schedule().days()),
                new PipelineRun.Settings(cfg.forecast().method(), cfg.forecast().level(), cfg.schedule().timeLimit(),
                        seed, previous));
    }
}
