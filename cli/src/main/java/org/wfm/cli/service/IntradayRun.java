package org.wfm.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.Numbers;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.output.Timestamps;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.history.ChannelHistory;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.forecast.history.Observation;
import org.wfm.forecast.intraday.IntradayPrior;
import org.wfm.forecast.intraday.IntradayUpdate;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.intraday.IntradayReplan;
import org.wfm.scheduler.solver.Evaluation;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.staffing.Requirement;

/**
 * {@code wfm intraday}: reforecast the rest of a published day from its actuals ({@link IntradayUpdate}), recompute
 * the requirements with the nightly staffing maths, re-optimise the rest of the day with the fewest changes worth their
 * cost ({@link IntradayReplan}) and write a run folder like the night's, plus changes.csv and offers.csv.
 */
public final class IntradayRun {
    /** Level of the forecast's prediction interval assumed for the default prior (the forecast's default, 80%). */
    static final double DEFAULT_LEVEL_Z = 1.2816;
    /** Default prior's AHT uncertainties: a day's AHT 10% off the forecast; one contact's time exponential (CV 1). */
    static final double DEFAULT_AHT_DAY_VARIANCE = 0.01;
    static final double DEFAULT_AHT_CONTACT_VARIANCE = 1.0;
    /** Floor of the default prior's day-level variance: a day's level 10% uncertain. */
    static final double MIN_DAY_VARIANCE = 0.01;

    private IntradayRun() {
    }

    /** The night's input files: given on the command line, else found in the run's summary.json inputs. */
    public record Files(Path channels, Path agents, Path rules, Path timeoff, Path history) {
    }

    /** What the command asked for. */
    public record Request(Path run, Path actuals, LocalTime at, LocalDate date, Files files,
                          HistoryReader.Options read, IntradayReplan.Settings settings, Duration timeLimit, long seed) {
    }

    /** What the run found: the replan, the day, now, the volume factor per channel, the folder written. */
    public record Outcome(IntradayReplan.Result replan, LocalDate day, LocalDateTime at,
                          Map<String, IntradayUpdate.Result> updates, Path out, List<String> notes) {
    }

    /**
     * The input files: each one given wins; otherwise the run's summary.json inputs are searched for a file whose name
     * says its role ({@code channels*.yaml}, {@code agents*.csv}, {@code rules*.yaml}, {@code timeoff*.csv},
     * {@code history*}); channels, agents and rules are required.
     */
    public static Files files(Path run, Path channels, Path agents, Path rules, Path timeoff, Path history) {
        List<Path> recorded = new ArrayList<>();
        Path summary = run.resolve("summary.json");
        if (java.nio.file.Files.isRegularFile(summary)) {
            try {
                JsonNode tree = org.wfm.cli.output.SummaryJson.MAPPER.readTree(summary.toFile());
                tree.path("inputs").fieldNames().forEachRemaining(p -> recorded.add(Path.of(p)));
            } catch (java.io.IOException e) {
                throw new InputException("summary.json", 0, null, "is not JSON (" + e.getMessage() + ")");
            }
        }
        return new Files(pick(channels, recorded, "channels", "--channels", true),
                pick(agents, recorded, "agents", "--agents", true), pick(rules, recorded, "rules", "--rules", true),
                pick(timeoff, recorded, "timeoff", "--timeoff", false),
                pick(history, recorded, "history", "--history", false));
    }

    private static Path pick(Path given, List<Path> recorded, String role, String option, boolean required) {
        if (given != null) {
            return InputFiles.requireFile(given, option);
        }
        for (Path p : recorded) {
            String name = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
            if (name.startsWith(role) && java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        if (required) {
            throw new InputException("summary.json", 0, "inputs", "names no readable " + role + " file (expected the"
                    + " run's inputs, or give " + option + ")");
        }
        return null;
    }

    public static Outcome run(AtomicOutput.Claim claim, Request rq, Consumer<String> progress) {
        List<String> notes = new ArrayList<>();
        org.wfm.cli.export.RunFolder run = org.wfm.cli.export.RunFolder.open(rq.run(), "--run");
        List<ScheduleRow> published = run.schedule();
        Files f = rq.files();
        var channels = Pipeline.channels(f.channels());
        List<ForecastPoint> forecast = new ArrayList<>(run.forecast());
        if (forecast.isEmpty()) {
            Path reqFile = rq.run().resolve(org.wfm.cli.export.RunFolder.REQUIREMENTS);
            if (!java.nio.file.Files.isRegularFile(reqFile)) {
                throw new InputException(rq.run().toString(), 0, null, "has neither forecast.csv nor requirements.csv"
                        + " (expected a run folder of wfm plan, demo or schedule)");
            }
            for (Requirement r : OutputReaders.readRequirements(reqFile, channels, f.channels().toString())) {
                forecast.add(new ForecastPoint(r.intervalStart(), r.channel(), r.forecastVolume(), r.forecastVolume(),
                        r.forecastVolume(), r.ahtSeconds()));
            }
            notes.add("the run has no forecast.csv: its requirements.csv's forecast_volume is the night's forecast");
        }
        if (forecast.isEmpty()) {
            throw new InputException(rq.run().toString(), 0, null, "has an empty forecast (expected the night's"
                    + " forecast of the day)");
        }
        TreeSet<LocalDate> runDates = new TreeSet<>();
        forecast.forEach(p -> runDates.add(p.intervalStart().toLocalDate()));
        published.forEach(r -> runDates.add(r.date()));
        Rules.Horizon horizon = new Rules.Horizon(runDates.first(),
                (int) ChronoUnit.DAYS.between(runDates.first(), runDates.last()) + 1);
        Pipeline.ScheduleInputs in = Pipeline.scheduleInputs(f.channels(), f.agents(), f.rules(), f.timeoff(), null,
                horizon);

        // Actuals: the same reader and channel names as the history.
        InputFiles.requireFile(rq.actuals(), "--actuals");
        History actuals = Pipeline.historyChannels(Pipeline.history(rq.actuals(), rq.read()).history(), channels,
                rq.actuals(), f.channels());
        String actualsName = String.valueOf(rq.actuals().getFileName());
        TreeSet<LocalDate> actualDates = new TreeSet<>();
        actuals.channels().values().forEach(c -> c.observations().forEach(o -> actualDates.add(o.start().toLocalDate())));
        LocalDate day = rq.date();
        if (day == null) {
            if (actualDates.size() != 1) {
                throw new InputException(actualsName, 0, "interval_start", actualDates.isEmpty()
                        ? "has no rows (expected the day's intervals so far)"
                        : "covers " + actualDates.size() + " days, " + actualDates.first() + " .. " + actualDates.last()
                        + " (expected one day, or --date to say which)");
            }
            day = actualDates.first();
        }
        if (!runDates.contains(day)) {
            throw new InputException(actualsName, 0, "interval_start", "the day " + day + " is not in the run "
                    + rq.run() + " (it covers " + runDates.first() + " .. " + runDates.last() + ")");
        }
        LocalDateTime at = day.atTime(rq.at());
        int im = channels.intervalMinutes();

        // Reforecast the rest of the day, channel by channel.
        History history = null;
        if (f.history() != null) {
            // --columns maps the actuals; the night's history is read as the night read it
            history = Pipeline.history(f.history(), new HistoryReader.Options(null, rq.read().zone(),
                    rq.read().zoneGiven(), null)).history();
        }
        Map<String, IntradayUpdate.Result> updates = new TreeMap<>();
        List<ForecastPoint> updated = new ArrayList<>();
        Map<String, List<ForecastPoint>> dayPoints = new TreeMap<>();
        final LocalDate theDay = day;
        for (ForecastPoint p : forecast) {
            if (p.intervalStart().toLocalDate().equals(theDay)) {
                dayPoints.computeIfAbsent(p.channel(), k -> new ArrayList<>()).add(p);
            } else {
                updated.add(p);
            }
        }
        int ignored = 0;
        for (Map.Entry<String, List<ForecastPoint>> e : dayPoints.entrySet()) {
            String ch = e.getKey();
            Map<LocalDateTime, Observation> seen = new TreeMap<>();
            ChannelHistory ac = actuals.channels().get(ch);
            if (ac != null) {
                for (Observation o : ac.observations()) {
                    if (!o.start().toLocalDate().equals(theDay)) {
                        ignored++;
                    } else if (o.start().plusMinutes(im).isAfter(at)) {
                        ignored++;
                    } else {
                        seen.put(o.start(), o);
                    }
                }
            } else {
                notes.add(actualsName + " has no rows for channel " + ch + ": its forecast is kept");
            }
            IntradayPrior prior = history != null && history.channels().containsKey(ch)
                    ? IntradayPrior.estimate(history.channels().get(ch), theDay) : IntradayPrior.NONE;
            if (prior.days() == 0) {
                prior = defaultPrior(e.getValue());
            }
            IntradayUpdate.Result u = IntradayUpdate.update(e.getValue(), seen, at, im, prior);
            updates.put(ch, u);
            if (u.missing() > 0) {
                notes.add(actualsName + ": " + u.missing() + " intervals of " + ch + " before " + rq.at()
                        + " have no row: left out of the update (not reported is not zero)");
            }
            for (ForecastPoint p : e.getValue()) {
                Observation o = seen.get(p.intervalStart());
                if (o != null) {
                    // What happened: the seen intervals' own contacts and handling time.
                    double aht = Double.isNaN(o.ahtSeconds()) || o.volume() <= 0 ? p.ahtSeconds() : o.ahtSeconds();
                    updated.add(new ForecastPoint(p.intervalStart(), ch, o.volume(), o.volume(), o.volume(), aht));
                } else if (p.intervalStart().isBefore(at)) {
                    updated.add(p);
                }
            }
            updated.addAll(u.rest());
        }
        actuals.channels().keySet().stream().filter(ch -> !dayPoints.containsKey(ch)).forEach(ch ->
                notes.add(actualsName + ": channel " + ch + " has no forecast on " + theDay + " in the run: ignored"));
        if (ignored > 0) {
            notes.add(actualsName + ": " + ignored + " rows outside " + theDay + " before " + rq.at()
                    + " were ignored (only intervals ended by --at are seen)");
        }
        updated.sort(java.util.Comparator.comparing(ForecastPoint::intervalStart)
                .thenComparing(ForecastPoint::channel));
        List<Requirement> reqs = Pipeline.requirements(updated, in.channels(), "the reforecast");

        progress.accept("re-optimising " + theDay + " from " + rq.at());
        ScheduleInput input = Pipeline.scheduleInput(in, reqs, List.of());
        long t0 = System.nanoTime();
        IntradayReplan.Result replan;
        try (GracefulStop stop = GracefulStop.open()) {
            replan = IntradayReplan.replan(input, published, theDay, at, rq.settings(),
                    new SolveOptions(rq.timeLimit(), rq.seed()), p -> progress.accept(PipelineRun.solverLine(p,
                            rq.timeLimit())));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<ScheduleRow> rows = new ArrayList<>();
        published.stream().filter(r -> !r.date().equals(theDay)).forEach(rows::add);
        rows.addAll(replan.rows());
        rows.sort(java.util.Comparator.comparing(ScheduleRow::agentId).thenComparing(ScheduleRow::start));
        Evaluation ev = ScheduleEvaluator.evaluate(input, rows);
        Summary s = ev.summary();
        Summary summary = new Summary(s.cost(), s.serviceLevel(), s.lateContacts(), s.training(), s.remoteShare(),
                s.onDemandHours(), s.paidHours(), s.hardViolations(), s.uncoveredIntervals(),
                new Summary.LowerBound(null, null), new Summary.SolverInfo("intraday", seconds, rq.seed()),
                s.inputs(), s.previous(), s.version(), s.agents(), s.deferred());
        ScheduleOutcome outcome = new ScheduleOutcome(rows, ev.coverage(), summary, List.of(), replan.terminatedBy(),
                List.of(), true);

        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("actuals", rq.actuals());
        inputs.putAll(in.files());
        if (f.history() != null) {
            inputs.put("history", f.history());
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("intraday_date", theDay.toString());
        options.put("intraday_at", Timestamps.format(rq.at()));
        options.put("change_cost", rq.settings().changeCost());
        options.put("time_limit_seconds", rq.timeLimit().toSeconds());
        options.put("seed", rq.seed());
        Map<String, Object> reforecast = new TreeMap<>();
        updates.forEach((ch, u) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volume_factor", Numbers.round(u.volumeFactor(), 4));
            m.put("aht_factor", Numbers.round(u.ahtFactor(), 4));
            m.put("weight", Numbers.round(u.weight(), 4));
            m.put("forecast_seen", Numbers.round(u.forecastSeen(), 2));
            m.put("actual_seen", Numbers.round(u.actualSeen(), 2));
            reforecast.put(ch, m);
        });
        options.put("reforecast", reforecast);
        Map<String, Object> sl = new TreeMap<>();
        replan.serviceAfter().forEach((ch, after) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("before", finite(replan.serviceBefore().get(ch)));
            m.put("after", finite(after));
            sl.put(ch, m);
        });
        options.put("service_level_after_at", sl);
        options.put("changes", replan.changes().size());

        Path tmp = claim.temporary();
        try {
            CsvFiles.writeForecast(tmp.resolve("forecast.csv"), updated);
            writeOffers(tmp.resolve("offers.csv"), replan.offers());
            RunFolder.writeInto(tmp, new RunFolder.Contents(null, reqs, outcome, in.agents(), inputs, rq.run(), true,
                    options, null), claim.target(), progress);
            // the run folder's changes.csv lists every difference from the published run; the intraday one lists
            // the changes kept, with their reasons and effects, through the same writer
            Map<String, String> names = new java.util.HashMap<>();
            in.agents().forEach(a -> names.put(a.id(), a.name()));
            org.wfm.cli.export.ChangesFile.write(tmp.resolve(org.wfm.cli.export.ChangesFile.FILE),
                    replan.changes().stream().map(c -> new org.wfm.cli.export.ChangesFile.Row(c.change(), c.reason(),
                            c.effect())).toList(), names);
            claim.commit(tmp);
        } catch (RuntimeException | Error e) {
            AtomicOutput.discard(tmp);
            throw e;
        }
        return new Outcome(replan, theDay, at, updates, claim.target(), notes);
    }

    private static Double finite(Double v) {
        return v == null || Double.isNaN(v) ? null : Numbers.round(v, 4);
    }

    /**
     * The prior when no history is at hand: the forecast's own prediction intervals give each interval's variance
     * beyond Poisson, e = ((upper − lower) / 2z)² − f) / f² averaged over the day (z for an 80% interval); half of it is
     * taken as the day level's variance (at least {@value #MIN_DAY_VARIANCE}, a day level 10% uncertain, so that a
     * forecast whose intervals are no wider than Poisson noise still learns from the morning) and half as the
     * intervals' own. Handling time: {@value
     * #DEFAULT_AHT_DAY_VARIANCE} between days, {@value #DEFAULT_AHT_CONTACT_VARIANCE} per contact.
     */
    static IntradayPrior defaultPrior(List<ForecastPoint> day) {
        double sum = 0;
        int n = 0;
        for (ForecastPoint p : day) {
            if (p.volume() > 0 && p.volumeUpper() > p.volumeLower()) {
                double sd = (p.volumeUpper() - p.volumeLower()) / (2 * DEFAULT_LEVEL_Z);
                sum += Math.max(0, (sd * sd - p.volume()) / (p.volume() * p.volume()));
                n++;
            }
        }
        double e = n == 0 ? 0 : sum / n;
        return new IntradayPrior(Math.max(MIN_DAY_VARIANCE, e / 2), e / 2, DEFAULT_AHT_DAY_VARIANCE,
                DEFAULT_AHT_CONTACT_VARIANCE, 1);
    }

    static final String[] OFFERS = {"agent_id", "kind", "start", "end", "priority"};

    static void writeOffers(Path file, List<IntradayReplan.Offer> offers) {
        CsvFiles.write(file, OFFERS, p -> {
            for (IntradayReplan.Offer o : offers) {
                p.printRecord(o.agentId(), o.kind(), Timestamps.format(o.start()), Timestamps.format(o.end()),
                        o.priority());
            }
        });
    }

    /** The end summary: "voice now 71% -> 80%, chat now 65% -> 70% with 6 changes (4 agents)". */
    public static String headline(IntradayReplan.Result r) {
        List<String> parts = new ArrayList<>();
        r.serviceAfter().forEach((ch, after) -> {
            Double before = r.serviceBefore().get(ch);
            if (after != null && !after.isNaN() && before != null && !before.isNaN()) {
                parts.add(String.format(Locale.ROOT, "%s now %.0f%% -> %.0f%%", ch, 100 * before, 100 * after));
            }
        });
        int n = r.changes().size();
        long agents = r.changes().stream().map(c -> c.change().agentId()).distinct().count();
        return (parts.isEmpty() ? "no contacts after now" : String.join(", ", parts)) + " with " + n
                + (n == 1 ? " change" : " changes") + " (" + agents + (agents == 1 ? " agent)" : " agents)");
    }
}
