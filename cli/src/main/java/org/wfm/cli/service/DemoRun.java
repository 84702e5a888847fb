package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.wfm.cli.output.AtomicOutput;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.history.History;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The whole pipeline on one set of inputs (the bundled samples for {@code wfm demo}, plan.yaml's files for
 * {@code wfm plan}): forecast the rules' horizon, turn it into requirements, solve, export. Everything is
 * written into a temporary folder and moved into place when complete.
 */
public final class DemoRun {
    /** Enough replications for a confidence interval of about ±1 point per channel over two weeks. */
    static final int SIMULATION_REPLICATIONS = 10;

    private DemoRun() {
    }

    public record Files_(Path history, Path holidays, Path channels, Path agents, Path timeoff, Path rules) {
    }

    public record Settings(String method, double level, Duration timeLimit, long seed, Path previous) {
    }

    public record Result(ForecastResult forecast, ScheduleOutcome outcome, List<String> notes, Path dir) {
    }

    public static Path samplesDir() {
        String home = System.getProperty("wfm.home");
        Path base = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        Path samples = base.resolve("samples");
        if (!Files.isDirectory(samples)) {
            throw new org.wfm.forecast.io.InputException("samples", 0, null,
                    "folder not found at " + samples + " (run wfm from its checkout or set -Dwfm.home)");
        }
        return samples;
    }

    public static Files_ sampleFiles() {
        Path s = samplesDir();
        return new Files_(s.resolve("history.csv"), s.resolve("holidays.csv"), s.resolve("channels.yaml"),
                s.resolve("agents.csv"), s.resolve("timeoff.csv"), s.resolve("rules.yaml"));
    }

    /** Runs the pipeline into {@code target} (checked for --force by the caller). */
    public static Result run(Files_ f, Settings settings, Path target, boolean force, Consumer<String> progress) {
        AtomicOutput.checkWritable(target, force);
        Pipeline.ScheduleInputs in = Pipeline.scheduleInputs(f.channels(), f.agents(), f.rules(), f.timeoff());
        progress.accept("reading history " + f.history());
        History history = Pipeline.history(f.history(), in.channels().zone());
        List<Holiday> holidays = Pipeline.holidays(f.holidays());
        var horizon = in.rules().horizon();
        ForecastResult forecast = Pipeline.forecast(history, horizon.start(), horizon.days(), holidays,
                settings.method(), settings.level(), progress);
        List<Requirement> reqs = Pipeline.requirements(forecast.points(), in.channels());
        List<String> notes = new ArrayList<>();
        reqs = Pipeline.inHorizon(reqs, in.rules(), notes);
        ScheduleInput input = Pipeline.scheduleInput(in, reqs, Pipeline.previous(settings.previous()));
        ScheduleOutcome outcome = Pipeline.solve(input, settings.timeLimit(), settings.seed(),
                p -> progress.accept(String.format(java.util.Locale.ROOT, "solving: %s %.0fs best %s", p.phase(),
                        p.secondsElapsed(), p.bestScore())));
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("history", f.history());
        if (f.holidays() != null) {
            inputs.put("holidays", f.holidays());
        }
        inputs.putAll(in.files());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("method", settings.method());
        options.put("level", settings.level());
        options.put("time_limit_seconds", settings.timeLimit().toSeconds());
        options.put("seed", settings.seed());
        progress.accept("simulating the schedule");
        var simulation = SimulationRun.simulate(outcome.rows(), in.agents(), in.channels(), forecast.points().stream()
                .filter(p -> in.channels().channel(p.channel()).isPresent()).toList(), SIMULATION_REPLICATIONS,
                settings.seed(), progress);
        Path tmp = AtomicOutput.tempDirFor(target);
        RunFolder.Contents contents = new RunFolder.Contents(forecast, reqs, outcome, in.agents(), inputs,
                settings.previous(), true, options, simulation);
        progress.accept("writing " + target);
        RunFolder.writeInto(tmp, contents);
        AtomicOutput.commit(tmp, target);
        return new Result(forecast, outcome, notes, target);
    }
}
