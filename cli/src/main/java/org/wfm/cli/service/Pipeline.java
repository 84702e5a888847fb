package org.wfm.cli.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.wfm.cli.io.ChannelsReader;
import org.wfm.cli.io.RulesReader;
import org.wfm.cli.io.FairnessReader;
import org.wfm.cli.io.Notes;
import org.wfm.cli.io.PreferencesReader;
import org.wfm.cli.output.OutputReaders;
import org.wfm.forecast.ForecastEngine;
import org.wfm.forecast.ForecastOptions;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.HolidayReader;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.solver.ScheduleSolver;
import org.wfm.scheduler.solver.SolveOptions;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.ErlangServiceCurves;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.RequirementsCalculator;

/**
 * The steps of the pipeline as plain calls, shared by the single commands, {@code demo} and {@code plan}:
 * read the inputs, forecast, compute requirements, solve. No printing here beyond progress callbacks.
 */
public final class Pipeline {
    private Pipeline() {
    }

    /** Everything the scheduler reads, with the paths as given (for the checksums in summary.json). */
    public record ScheduleInputs(ChannelPlan channels, List<Agent> agents, List<TimeOff> timeOff, Rules rules,
                                 Map<String, Path> files) {
    }

    /** Non-fatal remarks of the readers (extra columns ignored, defaults used) go to stderr as they come. */
    public static Notes notes() {
        return new Notes(n -> org.wfm.cli.Console.note(n));
    }

    public static ChannelPlan channels(Path file) {
        return ChannelsReader.read(InputFiles.requireFile(file, "--channels"), notes());
    }

    public static History history(Path file, ZoneId zone) {
        return history(file, HistoryReader.Options.in(zone)).history();
    }

    /** The history read as {@code options} say (mapping, zone), with how it was read ({@code dialect}). */
    public static HistoryReader.Result history(Path file, HistoryReader.Options options) {
        // The reader's notes (extra columns ignored, DST hours summed) are the contract's "ignored with a note".
        HistoryReader.Result r = HistoryReader.read(InputFiles.requireFile(file, "--history"), options);
        r.notes().forEach(org.wfm.cli.Console::note);
        return r;
    }

    /**
     * The history's channels named as channels.yaml spells them ({@link org.wfm.cli.io.ChannelNames}: {@code Sales}
     * is {@code sales:}, with a note). A history channel that channels.yaml lacks is an input error naming both files
     * and the near match: its forecast would otherwise be dropped without a word.
     */
    public static History historyChannels(History history, ChannelPlan plan, Path historyFile, Path channelsFile) {
        var names = new org.wfm.cli.io.ChannelNames(plan.channels().stream()
                .map(org.wfm.scheduler.staffing.Channel::name).toList(), channelsFile.toString());
        Map<String, org.wfm.forecast.history.ChannelHistory> renamed = new java.util.TreeMap<>();
        for (var e : new java.util.TreeMap<>(history.channels()).entrySet()) {
            names.resolve(e.getKey(), 0).ifPresent(name -> renamed.put(name,
                    new org.wfm.forecast.history.ChannelHistory(name, e.getValue().observations())));
        }
        org.wfm.forecast.io.Problems problems = new org.wfm.forecast.io.Problems(historyFile.toString());
        for (var u : names.unknown()) {
            problems.add(0, "channel", names.notInChannels(u.written(), 1) + " (expected every channel of the history"
                    + " in " + channelsFile + ", whose settings its requirements need)");
        }
        problems.throwIfAny();
        names.notes(notes(), historyFile.toString(), "channel");
        return names.respelled().isEmpty() ? history : new History(history.zone(), history.intervalMinutes(), renamed);
    }

    public static List<Holiday> holidays(Path file) {
        return file == null ? List.of() : HolidayReader.read(InputFiles.requireFile(file, "--holidays"));
    }

    public static ForecastResult forecast(History history, LocalDate start, int horizonDays, List<Holiday> holidays,
                                          String method, double level, Consumer<String> progress) {
        return forecast(history, start, horizonDays, holidays, method, level, false, progress);
    }

    /** {@code keepOutliers}: keep outage days and spikes in the fit (by default they are left out and listed). */
    public static ForecastResult forecast(History history, LocalDate start, int horizonDays, List<Holiday> holidays,
                                          String method, double level, boolean keepOutliers, Consumer<String> progress) {
        return new ForecastEngine().forecast(history,
                new ForecastOptions(start, horizonDays, holidays, method, level, keepOutliers), progress);
    }

    /** overrides.csv read against {@code channels} (the history's, or channels.yaml's, named by {@code label}). */
    public static List<org.wfm.forecast.ForecastOverride> overrides(Path file, java.util.Collection<String> channels,
                                                                     String label) {
        if (file == null) {
            return List.of();
        }
        return org.wfm.cli.io.OverridesReader.read(InputFiles.requireFile(file, "--overrides"), channels, label,
                notes());
    }

    /**
     * The forecast with the overrides applied; an override that covers no interval of the forecast (a past
     * campaign still in the file) is a warning naming its line, not silence.
     */
    public static org.wfm.forecast.Overrides.Result applyOverrides(ForecastResult forecast,
            List<org.wfm.forecast.ForecastOverride> overrides, int intervalMinutes, Path file) {
        org.wfm.forecast.Overrides.Result r = org.wfm.forecast.Overrides.apply(forecast, overrides, intervalMinutes);
        for (org.wfm.forecast.Overrides.Applied a : r.applied()) {
            if (a.intervals() == 0) {
                org.wfm.cli.Console.warning(file.getFileName() + " line " + a.override().line() + ": "
                        + a.override().channel() + " " + a.override().start() + " to " + a.override().end()
                        + " covers no interval of the forecast; ignored");
            }
        }
        return r;
    }

    /**
     * Deferred work is written as it arrives (the contract's coverage semantics): the scheduler moves it within
     * its response window itself, so levelling it here first would hide the troughs it can fill.
     */
    public static List<Requirement> requirements(List<ForecastPoint> forecast, ChannelPlan channels) {
        return requirements(forecast, channels, "forecast");
    }

    /**
     * As {@link #requirements(List, ChannelPlan)}; a row needing more agents than the staffing search allows is
     * an input error of {@code source} (the forecast file) naming its channel and interval.
     */
    public static List<Requirement> requirements(List<ForecastPoint> forecast, ChannelPlan channels, String source) {
        try {
            return RequirementsCalculator.compute(forecast, channels, RequirementsCalculator.DeferredMode.AS_ARRIVING);
        } catch (org.wfm.scheduler.staffing.StaffingLimitException e) {
            throw new org.wfm.forecast.io.InputException(source, 0, "volume", e.getMessage());
        }
    }

    /** As above for the rows of a forecast file, naming the line of a row that cannot be staffed. */
    public static List<Requirement> requirements(List<ForecastPoint> forecast, ChannelPlan channels, Path forecastFile,
                                                 String channelsLabel) {
        try {
            return RequirementsCalculator.compute(forecast, channels, RequirementsCalculator.DeferredMode.AS_ARRIVING);
        } catch (org.wfm.scheduler.staffing.StaffingLimitException e) {
            int line = e.channel() == null ? 0
                    : OutputReaders.lineOf(forecastFile, channels, channelsLabel, e.channel(), e.intervalStart());
            String name = forecastFile.getFileName() == null ? forecastFile.toString() : forecastFile.getFileName().toString();
            throw new org.wfm.forecast.io.InputException(name, line, "volume", e.getMessage());
        }
    }

    /** Reads channels, rules, agents and time off; {@code timeoff} null means timeoff.csv beside agents.csv if present. */
    public static ScheduleInputs scheduleInputs(Path channelsFile, Path agentsFile, Path rulesFile, Path timeoffFile) {
        return scheduleInputs(channelsFile, agentsFile, rulesFile, timeoffFile, null, null);
    }

    /** As above, with plan.yaml's zone and horizon when it gives them (null otherwise). */
    public static ScheduleInputs scheduleInputs(Path channelsFile, Path agentsFile, Path rulesFile, Path timeoffFile,
                                                ZoneId defaultZone, Rules.Horizon horizon) {
        InputFiles.requireFile(channelsFile, "--channels");
        InputFiles.requireFile(agentsFile, "--agents");
        InputFiles.requireFile(rulesFile, "--rules");
        if (timeoffFile != null) {
            InputFiles.requireFile(timeoffFile, "--timeoff");
        }
        org.wfm.cli.io.ScheduleInputs in = org.wfm.cli.io.ScheduleInputs.read(channelsFile, rulesFile, agentsFile,
                timeoffFile, defaultZone, notes());
        Rules rules = in.rules();
        if (horizon != null) {
            rules = RulesReader.withHorizon(rules, horizon.start(), horizon.days());
        } else if (rules.horizon() == null) {
            throw new org.wfm.forecast.io.InputException(rulesFile.toString(), 0, "horizon",
                    "missing, expected horizon: {start: YYYY-MM-DD, days: N}");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("channels", channelsFile);
        files.put("agents", agentsFile);
        files.put("rules", rulesFile);
        if (in.timeOffFile() != null) {
            files.put("timeoff", in.timeOffFile());
        }
        return new ScheduleInputs(in.channels(), in.agents(), in.timeOff(), rules, files);
    }

    /**
     * A horizon that no requirement row falls in is a mistake (a year typed wrong, the wrong requirements file),
     * not an empty plan: scheduling it would pay every agent's minimum hours against no demand and report every
     * interval covered.
     */
    public static void requireOverlap(List<Requirement> reqs, Rules rules, Path rulesFile, Path requirementsFile) {
        if (reqs.isEmpty()) {
            throw new org.wfm.forecast.io.InputException(requirementsFile.toString(), 0, null,
                    "has no requirement rows (expected rows for the horizon of " + rulesFile + ")");
        }
        var start = rules.horizon().start().atStartOfDay();
        var end = rules.horizon().end().atStartOfDay();
        boolean any = reqs.stream().anyMatch(r -> !r.intervalStart().isBefore(start) && r.intervalStart().isBefore(end));
        if (!any) {
            var first = reqs.stream().map(Requirement::intervalStart).min(java.util.Comparator.naturalOrder()).orElseThrow();
            var last = reqs.stream().map(Requirement::intervalStart).max(java.util.Comparator.naturalOrder()).orElseThrow();
            throw new org.wfm.forecast.io.InputException(rulesFile.toString(), 0, "horizon", "the horizon "
                    + rules.horizon().start() + " .. " + rules.horizon().end().minusDays(1) + " has no requirement"
                    + " rows: " + requirementsFile + " covers " + first.toLocalDate() + " .. " + last.toLocalDate()
                    + " (expected a horizon within the requirements' dates)");
        }
    }

    /** Requirements inside the rules' horizon (others are ignored with a note). */
    public static List<Requirement> inHorizon(List<Requirement> reqs, Rules rules, List<String> notes) {
        var start = rules.horizon().start().atStartOfDay();
        var end = rules.horizon().end().atStartOfDay();
        List<Requirement> in = new ArrayList<>();
        int outside = 0;
        for (Requirement r : reqs) {
            if (r.intervalStart().isBefore(start) || !r.intervalStart().isBefore(end)) {
                outside++;
            } else {
                in.add(r);
            }
        }
        if (outside > 0) {
            notes.add(outside + " requirement rows outside the horizon " + rules.horizon().start() + " .. "
                    + rules.horizon().end().minusDays(1) + " were ignored");
        }
        return in;
    }

    /**
     * Demand and skills checked against each other (the horizon's requirements against agents.csv): a channel with
     * demand that no agent is skilled for (proficiency above 0) is an input error of the agents file, since its
     * contacts would go unanswered while the end summary reports the other channels; a channel some agents are
     * skilled for but without demand is a warning naming the agents (those with no other skill are still paid their
     * minimum hours). Channel names are channels.yaml's on both sides (the readers resolve them).
     *
     * @param demandLabel what the demand came from, for messages (requirements.csv, or "the forecast of history.csv")
     * @param agentsLabel the agents file as given
     * @param warnings    receives the warnings, one line each
     */
    public static void checkSkills(ScheduleInputs in, List<Requirement> reqs, String demandLabel, String agentsLabel,
                                   Consumer<String> warnings) {
        Map<String, Double> staffHours = new LinkedHashMap<>();
        double hoursPerInterval = in.channels().intervalMinutes() / 60.0;
        for (Requirement r : reqs) {
            if (r.requiredStaff() > 0) {
                staffHours.merge(r.channel(), r.requiredStaff() * hoursPerInterval, Double::sum);
            }
        }
        org.wfm.forecast.io.Problems problems = new org.wfm.forecast.io.Problems(agentsLabel);
        List<String> unused = new ArrayList<>();
        for (var c : in.channels().channels()) {
            String ch = c.name();
            List<String> skilled = in.agents().stream().filter(a -> a.proficiency(ch) > 0).map(Agent::id).toList();
            Double hours = staffHours.get(ch);
            if (hours != null && skilled.isEmpty()) {
                problems.add(0, "skills", String.format(java.util.Locale.ROOT, "no agent is skilled for channel `%s`,"
                        + " which needs %.1f staff-hours in %s within the horizon (its contacts would go unanswered;"
                        + " expected at least one agent with a skill such as %s:1.0, or no demand for it)", ch, hours,
                        demandLabel, ch));
            } else if (hours == null && !skilled.isEmpty()) {
                long only = in.agents().stream().filter(a -> a.proficiency(ch) > 0)
                        .filter(a -> a.skills().entrySet().stream()
                                .noneMatch(e -> e.getValue() > 0 && staffHours.containsKey(e.getKey())))
                        .count();
                unused.add(agentsLabel + ": " + skilled.size() + (skilled.size() == 1 ? " agent has" : " agents have")
                        + " a skill for channel `" + ch + "` (" + org.wfm.cli.io.ChannelNames.list(skilled, 3)
                        + "), which has no demand in " + demandLabel + " within the horizon"
                        + (only == 0 ? "; they work their other channels"
                        : "; " + only + " of them have no skill with demand and are paid their minimum hours with no"
                        + " contacts to handle"));
            }
        }
        problems.throwIfAny();
        unused.forEach(warnings);
    }

    public static List<ScheduleRow> previous(Path previousDir) {
        if (previousDir == null) {
            return List.of();
        }
        return org.wfm.cli.export.RunFolder.open(previousDir, "--previous").schedule();
    }

    public static ScheduleInput scheduleInput(ScheduleInputs in, List<Requirement> reqs, List<ScheduleRow> previous) {
        return new ScheduleInput(in.channels(), reqs, in.agents(), in.timeOff(), in.rules(), previous,
                new ErlangServiceCurves());
    }

    /**
     * The input with agents' preferences read from {@code file} (null: none), the file recorded among the run's
     * inputs. Rows about dates outside the horizon have nothing to act on: they are noted, not silently dropped.
     */
    public static ScheduleInput withPreferences(ScheduleInput input, ScheduleInputs in, Path file) {
        if (file == null) {
            return input;
        }
        InputFiles.requireFile(file, "--preferences");
        Set<String> ids = new java.util.LinkedHashSet<>();
        in.agents().forEach(a -> ids.add(a.id()));
        Notes notes = notes();
        List<Preference> prefs = PreferencesReader.read(file, ids, notes);
        Rules.Horizon h = in.rules().horizon();
        List<Preference> kept = new ArrayList<>();
        for (Preference p : prefs) {
            if (p.date() != null && (p.date().isBefore(h.start()) || !p.date().isBefore(h.end()))) {
                notes.add(file.toString(), p.line(), "date_or_weekday", p.date() + " is outside the horizon "
                        + h.start() + " to " + h.end().minusDays(1) + "; ignored");
            } else {
                kept.add(p);
            }
        }
        in.files().put("preferences", file);
        return input.withPreferences(kept);
    }

    /**
     * The input with the weekend days and late shifts each agent carries from earlier runs: the previous run's
     * fairness.csv counts (of the days before its horizon) plus its schedule.csv's days from its horizon's start to
     * this horizon's start (the days published and now past). A previous run without fairness.csv (written before it
     * existed) gives the counts of its schedule.csv before this horizon alone (noted).
     */
    public static ScheduleInput withCarried(ScheduleInput input, ScheduleInputs in, Path previousDir) {
        if (previousDir == null) {
            return input;
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        in.agents().forEach(a -> ids.add(a.id()));
        Notes notes = notes();
        Path file = previousDir.resolve("fairness.csv");
        LocalDate start = in.rules().horizon().start();
        FairnessReader.Carried carried;
        if (java.nio.file.Files.isRegularFile(file)) {
            carried = FairnessReader.read(file, ids, notes);
        } else {
            carried = new FairnessReader.Carried(null, List.of());
            notes.add(file.toString(), 0, null, "not found: weekend days and late shifts are counted from "
                    + previousDir.resolve("schedule.csv") + " alone");
        }
        LocalDate from = carried.before() == null ? LocalDate.MIN : carried.before();
        if (from.isAfter(start)) {
            notes.add(file.toString(), 0, "carried_before", "counts carried up to " + from + ", after this horizon's"
                    + " start " + start + ": used as they are");
        }
        Map<String, int[]> published = org.wfm.scheduler.solver.model.FairnessRules.count(input.previous(),
                in.rules().fairness(), from, start);
        Map<String, org.wfm.scheduler.domain.FairnessCount> out = new LinkedHashMap<>();
        carried.counts().forEach(c -> out.put(c.agentId(), c));
        published.forEach((id, c) -> {
            if (ids.contains(id)) {
                out.put(id, out.getOrDefault(id, new org.wfm.scheduler.domain.FairnessCount(id, 0, 0)).plus(c[0], c[1]));
            }
        });
        return input.withCarried(List.copyOf(out.values()));
    }

    public static ScheduleOutcome solve(ScheduleInput input, Duration timeLimit, long seed,
                                        Consumer<org.wfm.scheduler.solver.SolverProgress> progress) {
        return solve(input, new SolveOptions(timeLimit, seed).calibratedFor(input), progress);
    }

    public static ScheduleOutcome solve(ScheduleInput input, SolveOptions options,
                                        Consumer<org.wfm.scheduler.solver.SolverProgress> progress) {
        ScheduleSolver solver = new ScheduleSolver();
        GracefulStop.attach(solver);
        return solver.solve(input, options, progress);
    }
}
