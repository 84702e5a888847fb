package org.wfm.cli.units;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.wfm.cli.io.Notes;
import org.wfm.cli.io.PlanConfig;
import org.wfm.cli.io.PlanConfigReader;
import org.wfm.cli.service.PipelineRun;
import org.wfm.forecast.ForecastEngine;
import org.wfm.scheduler.domain.Rules;

/**
 * One unit's night: forecast its series, compute requirements, schedule, simulate and write its run folder into
 * {@code dir} (which becomes {@code target}). Plain strings and numbers only, so the task is serialisable and can be
 * shipped to a Spark executor, which reads plan.yaml and the unit's files itself (they must be on storage it sees).
 *
 * <p>The unit's series (one per channel of its history) can also be forecast apart, one task each
 * ({@link #forecastSeries}), and handed to {@link #run(UnitTask, List, Consumer)}: the same forecast, since
 * {@link ForecastEngine#assemble} of the parts is {@link ForecastEngine#forecast}'s result.
 *
 * @param config     plan.yaml, absolute
 * @param unit       the unit's name in plan.yaml
 * @param runDate    the unit's run date (history from the next day on is ignored)
 * @param start      the schedule's first day
 * @param seed       the unit's seed ({@link UnitSeeds})
 * @param previous   the unit's folder in the published run, or null
 * @param memoryMb   the unit's memory estimate ({@link UnitMemory})
 * @param channels   the channels of the unit's channels.yaml: its possible series (a channel without history has
 *                   none)
 */
public record UnitTask(String config, String unit, String runDate, String start, long seed, String previous,
                       String dir, String target, long memoryMb, List<String> channels) implements Serializable {

    public UnitTask {
        channels = List.copyOf(channels);
    }

    /** Runs the task in this JVM, forecasting its series here; progress lines are prefixed with the unit's name. */
    public static void run(UnitTask t, Consumer<String> progress) {
        run(t, PipelineRun.Forecaster.ENGINE, progress);
    }

    /**
     * Runs the task with its series forecast elsewhere ({@link #forecastSeries}): {@code series} must be every
     * series of the unit's history, in any order.
     */
    public static void run(UnitTask t, List<ForecastEngine.SeriesForecast> series, Consumer<String> progress) {
        run(t, (in, p) -> {
            List<String> expected = ForecastEngine.series(in.history());
            List<String> got = series.stream().map(ForecastEngine.SeriesForecast::channel).sorted().toList();
            if (!expected.equals(got)) {
                throw new IllegalStateException("unit " + t.unit() + ": series " + got + " forecast, the history has "
                        + expected);
            }
            return ForecastEngine.assemble(series);
        }, progress);
    }

    private static void run(UnitTask t, PipelineRun.Forecaster forecaster, Consumer<String> progress) {
        PipelineRun.Request req = request(t);
        try {
            java.nio.file.Files.createDirectories(Path.of(t.dir()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + t.dir() + ": " + e.getMessage(), e);
        }
        PipelineRun.runInto(req, forecaster, Path.of(t.dir()), Path.of(t.target()),
                line -> progress.accept(t.unit() + ": " + line));
    }

    /**
     * One series of the unit: the channel {@code channel} of its history forecast with the whole history's range,
     * exactly as inside {@link #run(UnitTask, Consumer)}; null when the history has no such series (a channel of
     * channels.yaml nobody contacted). Reads the unit's inputs itself, so it can run on any executor.
     */
    public static ForecastEngine.SeriesForecast forecastSeries(UnitTask t, String channel) {
        PipelineRun.ForecastInput in = PipelineRun.forecastInput(request(t), line -> { });
        if (!in.history().channels().containsKey(channel)) {
            return null;
        }
        return new ForecastEngine().forecastSeries(in.history(), in.options(), channel, line -> { });
    }

    private static PipelineRun.Request request(UnitTask t) {
        PlanConfig cfg = PlanConfigReader.read(Path.of(t.config()), new Notes());
        PlanConfig.Unit u = cfg.units().stream().filter(x -> x.name().equals(t.unit())).findFirst()
                .orElseThrow(() -> new IllegalStateException("unit " + t.unit() + " is no longer in " + t.config()));
        return request(cfg, u, LocalDate.parse(t.runDate()), LocalDate.parse(t.start()), t.seed(),
                t.previous() == null ? null : Path.of(t.previous()));
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
