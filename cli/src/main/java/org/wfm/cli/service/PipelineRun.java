package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.wfm.cli.Console;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.staffing.Requirement;

/**
 * The whole pipeline on one set of inputs (the bundled samples for {@code wfm demo}, plan.yaml's files for
 * {@code wfm plan}): forecast, requirements, schedule, simulation, export. Everything is written into a
 * temporary folder and moved into place only when complete.
 */
public final class PipelineRun {
    /** Enough replications for a confidence interval of about ±1 point per channel over two weeks. */
    static final int SIMULATION_REPLICATIONS = 10;

    private PipelineRun() {
    }

    public record InputSet(Path history, Path holidays, Path channels, Path agents, Path timeoff, Path rules,
                           org.wfm.forecast.history.HistoryFormat historyFormat, Path preferences, Path overrides) {
        /** Inputs without overrides.csv. */
        public InputSet(Path history, Path holidays, Path channels, Path agents, Path timeoff, Path rules,
                        org.wfm.forecast.history.HistoryFormat historyFormat, Path preferences) {
            this(history, holidays, channels, agents, timeoff, rules, historyFormat, preferences, null);
        }

        /** Inputs without preferences.csv. */
        public InputSet(Path history, Path holidays, Path channels, Path agents, Path timeoff, Path rules,
                        org.wfm.forecast.history.HistoryFormat historyFormat) {
            this(history, holidays, channels, agents, timeoff, rules, historyFormat, null);
        }

        public InputSet(Path history, Path holidays, Path channels, Path agents, Path timeoff, Path rules) {
            this(history, holidays, channels, agents, timeoff, rules, org.wfm.forecast.history.HistoryFormat.AUTO);
        }
    }

    public record Settings(String method, double level, Duration timeLimit, long seed, Path previous) {
    }

    /**
     * @param historyBefore   history on or after this day is ignored (wfm plan --date); null keeps all
     * @param forecastDays    days to forecast from the day after the history; 0 forecasts exactly the horizon
     * @param horizon         the schedule's horizon; null takes rules.yaml's
     */
    public record Request(InputSet files, ZoneId defaultZone, LocalDate historyBefore, int forecastDays,
                          Rules.Horizon horizon, Settings settings) {
    }

    public record Result(ForecastResult forecast, ScheduleOutcome outcome, List<String> notes, Path dir) {
    }

    public static Path samplesDir() {
        String home = System.getProperty("wfm.home");
        Path base = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        Path samples = base.resolve("samples");
        if (!Files.isDirectory(samples)) {
            throw new InputException("samples", 0, null,
                    "folder not found at " + samples + " (run wfm from its checkout or set -Dwfm.home)");
        }
        return samples;
    }

    public static InputSet sampleFiles() {
        Path s = samplesDir();
        return new InputSet(s.resolve("history.csv"), s.resolve("holidays.csv"), s.resolve("channels.yaml"),
                s.resolve("agents.csv"), s.resolve("timeoff.csv"), s.resolve("rules.yaml"));
    }

    /**
     * Runs the pipeline into the folder {@code out} claims (checked and locked before this slow work). {@code beforeCommit} (may be null) gets the complete temporary folder
     * and the schedule's outcome, to add files such as run.log before the folder is renamed into place.
     */
    public static Result run(Request req, AtomicOutput.Claim out, Consumer<String> progress,
                             BiConsumer<Path, ScheduleOutcome> beforeCommit) {
        Prepared p = prepare(req, progress);
        try (GracefulStop stop = GracefulStop.open()) {
            Solved solved = solve(req, p, progress);
            Path tmp = out.temporary();
            try {
                Result r = write(req, p, solved, tmp, out.target(), progress);
                if (beforeCommit != null) {
                    beforeCommit.accept(tmp, solved.outcome());
                }
                out.commit(tmp);
                return r;
            } catch (RuntimeException | Error e) {
                // the shell's JVM lives on, so its exit hook would leave the half-written folder until then
                AtomicOutput.discard(tmp);
                throw e;
            }
        }
    }

    /**
     * One unit of a plan with {@code units:} (or the whole of a single plan): prepared, solved and written into
     * {@code dir}, an existing empty folder that becomes {@code target}. The caller opens {@link GracefulStop}.
     */
    public static Result runInto(Request req, Path dir, Path target, Consumer<String> progress) {
        return runInto(req, Forecaster.ENGINE, dir, target, progress);
    }

    /** As {@link #runInto(Request, Path, Path, Consumer)}, with the forecast from {@code forecaster}. */
    public static Result runInto(Request req, Forecaster forecaster, Path dir, Path target,
                                 Consumer<String> progress) {
        Prepared p = prepare(req, forecaster, progress);
        return write(req, p, solve(req, p, progress), dir, target, progress);
    }

    /** The inputs read and checked, the forecast and the requirements: everything before the solver. */
    public record Prepared(Pipeline.ScheduleInputs in, ForecastResult forecast, List<Requirement> allReqs,
                           List<Requirement> reqs, ScheduleInput input, List<String> notes) {
    }

    /** The schedule and its simulation. */
    public record Solved(ScheduleOutcome outcome, org.wfm.scheduler.simulation.SimulationResult simulation) {
    }

    public static Prepared prepare(Request req, Consumer<String> progress) {
        return prepare(req, Forecaster.ENGINE, progress);
    }

    /**
     * How {@link #prepare} gets the statistical forecast of its {@link ForecastInput}: {@link #ENGINE} forecasts
     * every series here; a plan with units on Spark forecasts the series as tasks of their own and assembles them
     * ({@link org.wfm.forecast.ForecastEngine#assemble}), the same result.
     */
    @FunctionalInterface
    public interface Forecaster {
        Forecaster ENGINE = (in, progress) -> new org.wfm.forecast.ForecastEngine().forecast(in.history(),
                in.options(), progress);

        ForecastResult forecast(ForecastInput in, Consumer<String> progress);
    }

    /** What the forecast of a request reads: the checked schedule inputs, the history, the forecast's options. */
    public record ForecastInput(Pipeline.ScheduleInputs in, History history, org.wfm.forecast.ForecastOptions options) {
    }

    /**
     * The inputs read and checked up to the forecast: channels.yaml, agents.csv, rules.yaml and timeoff.csv (first,
     * so their errors come first), the history in the channels' zone and named as channels.yaml names them, cut at
     * {@code historyBefore}, and the forecast's options (from the day after the history for {@code forecastDays},
     * else exactly the horizon).
     */
    public static ForecastInput forecastInput(Request req, Consumer<String> progress) {
        InputSet f = req.files();
        Settings settings = req.settings();
        Pipeline.ScheduleInputs in = Pipeline.scheduleInputs(f.channels(), f.agents(), f.rules(), f.timeoff(),
                req.defaultZone(), req.horizon());
        Rules.Horizon horizon = in.rules().horizon();
        progress.accept("reading history " + f.history());
        org.wfm.forecast.history.HistoryReader.Result read = Pipeline.history(f.history(),
                new org.wfm.forecast.history.HistoryReader.Options(f.historyFormat(), in.channels().zone(), true,
                        "plan.yaml's history: columns:"));
        if (read.dialect() != null) {
            progress.accept(read.dialect());
        }
        History history = Pipeline.historyChannels(read.history(), in.channels(), f.history(), f.channels());
        if (req.historyBefore() != null) {
            history = before(history, req.historyBefore());
        }
        List<Holiday> holidays = Pipeline.holidays(f.holidays());
        org.wfm.forecast.ForecastOptions options;
        if (req.forecastDays() <= 0) {
            options = new org.wfm.forecast.ForecastOptions(horizon.start(), horizon.days(), holidays,
                    settings.method(), settings.level(), false);
        } else {
            LocalDate first = lastDate(history).plusDays(1);
            LocalDate reach = first.plusDays(req.forecastDays());
            if (reach.isBefore(horizon.end())) {
                throw new InputException("plan.yaml", 0, "forecast.horizon_days", req.forecastDays()
                        + " days from " + first + " end before the schedule's last day " + horizon.end().minusDays(1)
                        + "; expected at least " + (horizon.end().toEpochDay() - first.toEpochDay()));
            }
            options = new org.wfm.forecast.ForecastOptions(first, req.forecastDays(), holidays, settings.method(),
                    settings.level(), false);
        }
        return new ForecastInput(in, history, options);
    }

    /** As {@link #prepare(Request, Consumer)}, with the forecast from {@code forecaster}. */
    public static Prepared prepare(Request req, Forecaster forecaster, Consumer<String> progress) {
        InputSet f = req.files();
        Settings settings = req.settings();
        ForecastInput fi = forecastInput(req, progress);
        Pipeline.ScheduleInputs in = fi.in();
        ForecastResult forecast = forecaster.forecast(fi, progress);
        if (f.overrides() != null) {
            // planners' campaigns and closures on top of the statistical forecast, as `wfm forecast --overrides`
            var overrides = Pipeline.overrides(f.overrides(), in.channels().channels().stream()
                    .map(org.wfm.scheduler.staffing.Channel::name).toList(), f.channels().getFileName().toString());
            var applied = Pipeline.applyOverrides(forecast, overrides, in.channels().intervalMinutes(), f.overrides());
            forecast = applied.forecast();
            Report.overrides(applied.applied()).lines().forEach(l -> progress.accept(l.strip()));
        }
        List<Requirement> allReqs = Pipeline.requirements(forecast.points(), in.channels());
        List<String> notes = new ArrayList<>();
        List<Requirement> reqs = Pipeline.inHorizon(allReqs, in.rules(), new ArrayList<>());
        Pipeline.checkSkills(in, reqs, "the forecast of " + f.history(), f.agents().toString(), Console::warning);
        ScheduleInput input = Pipeline.withCarried(Pipeline.withPreferences(
                Pipeline.scheduleInput(in, reqs, Pipeline.previous(settings.previous())), in, f.preferences()), in,
                settings.previous());
        return new Prepared(in, forecast, allReqs, reqs, input, notes);
    }

    public static Solved solve(Request req, Prepared p, Consumer<String> progress) {
        Settings settings = req.settings();
        ScheduleOutcome outcome = Pipeline.solve(p.input(), settings.timeLimit(), settings.seed(),
                s -> progress.accept(solverLine(s, settings.timeLimit())));
        progress.accept("simulating the schedule (" + SIMULATION_REPLICATIONS + " replications)");
        var simulation = SimulationRun.simulate(outcome.rows(), p.in().agents(), p.in().channels(), p.reqs().stream()
                .map(r -> new org.wfm.forecast.ForecastPoint(r.intervalStart(), r.channel(), r.forecastVolume(),
                        Double.NaN, Double.NaN, r.ahtSeconds())).toList(), SIMULATION_REPLICATIONS,
                settings.seed(), progress);
        return new Solved(outcome, simulation);
    }

    /** Writes the run folder's files into {@code dir}, which becomes {@code target} once complete. */
    public static Result write(Request req, Prepared p, Solved solved, Path dir, Path target,
                               Consumer<String> progress) {
        InputSet f = req.files();
        Settings settings = req.settings();
        Rules.Horizon horizon = p.in().rules().horizon();
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("history", f.history());
        if (f.holidays() != null) {
            inputs.put("holidays", f.holidays());
        }
        if (f.overrides() != null) {
            inputs.put("overrides", f.overrides());
        }
        inputs.putAll(p.in().files());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("method", settings.method());
        options.put("level", settings.level());
        options.put("time_limit_seconds", settings.timeLimit().toSeconds());
        options.put("seed", settings.seed());
        options.put("horizon_start", horizon.start().toString());
        options.put("horizon_days", horizon.days());
        // requirements.csv keeps the whole forecast horizon; the schedule and its coverage use the horizon
        RunFolder.Contents contents = new RunFolder.Contents(p.forecast(), p.allReqs(), solved.outcome(),
                p.in().agents(), inputs, settings.previous(), true, options, solved.simulation(),
                p.in().channels().zone());
        RunFolder.writeInto(dir, contents, target, progress);
        return new Result(p.forecast(), solved.outcome(), p.notes(), target);
    }

    /** "solving (local search): 12 of 30 s, best -48hard/…": the phase, time against the limit, best score so far. */
    public static String solverLine(org.wfm.scheduler.solver.SolverProgress p, Duration limit) {
        String best = "-".equals(p.bestScore()) ? "building the first schedule" : "best " + p.bestScore();
        if (org.wfm.scheduler.solver.SolverProgress.CHECKING.equals(p.phase())) {
            return "checking the schedule: coverage, service level, cost and rules per interval";
        }
        if (org.wfm.scheduler.solver.SolverProgress.BOUND.equals(p.phase())) {
            return "computing the lower bound on cost (a linear programme) for the summary's gap";
        }
        if ("done".equals(p.phase())) {
            return String.format(java.util.Locale.ROOT, "solved in %.0f s (limit %d s), score %s", p.secondsElapsed(),
                    limit.toSeconds(), p.bestScore());
        }
        return String.format(java.util.Locale.ROOT, "solving (%s): %.0f of %d s, %s", p.phase(), p.secondsElapsed(),
                limit.toSeconds(), best);
    }

    /** The history without the intervals on or after {@code day} (wfm plan --date runs as if on that day). */
    static History before(History h, LocalDate day) {
        LocalDateTime cut = day.atStartOfDay();
        Map<String, ChannelHistory> channels = new LinkedHashMap<>();
        h.channels().forEach((name, ch) -> channels.put(name, new ChannelHistory(name,
                ch.observations().stream().filter(o -> o.start().isBefore(cut)).toList())));
        if (channels.values().stream().allMatch(c -> c.observations().isEmpty())) {
            throw new InputException("history", 0, null, "no history before " + day);
        }
        return new History(h.zone(), h.intervalMinutes(), channels);
    }

    static LocalDate lastDate(History h) {
        return h.channels().values().stream().filter(c -> !c.observations().isEmpty())
                .map(c -> c.observations().get(c.observations().size() - 1).start().toLocalDate())
                .max(LocalDate::compareTo).orElseThrow();
    }
}
