package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.wfm.capacity.Attrition;
import org.wfm.capacity.CapacityPlan;
import org.wfm.capacity.CapacityPlanner;
import org.wfm.capacity.Efficiency;
import org.wfm.capacity.EfficiencyCalibration;
import org.wfm.capacity.HireClass;
import org.wfm.capacity.HireOption;
import org.wfm.capacity.PlanSettings;
import org.wfm.capacity.Scenario;
import org.wfm.capacity.WeeklyDemand;
import org.wfm.cli.io.AgentsReader;
import org.wfm.cli.io.CapacityFiles;
import org.wfm.forecast.ForecastEngine;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.history.History;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.RequirementsCalculator;
import org.wfm.scheduler.staffing.StaffingLimitException;

/**
 * {@code wfm capacity} without the printing: reads the inputs, forecasts the months ahead, measures (or takes) the
 * scheduling efficiency, and plans each scenario ({@link CapacityPlanner}).
 *
 * <p><b>Long-range demand.</b> The forecast is the engine's {@code daily-profile} method (log daily totals on
 * weekday, trend and last year's seasonal change, split into intervals by each weekday's recent intraday profile;
 * holidays applied by the engine, docs/forecasting.md) for the weeks of the plan: interval-level Holt-Winters and
 * the weekday average carry no annual pattern or trend that far ahead, and {@code auto} would backtest every method
 * over a year-long horizon. The plan's first week is the first Monday on or after the day after the history.
 */
public final class CapacityRun {
    /** The forecasting method for months ahead (see the class comment). */
    public static final String METHOD = "daily-profile";
    // the defaults of wfm capacity's options, also those of plan.yaml capacity: (one place)
    public static final int DEFAULT_CALIBRATION_WEEKS = 1;
    public static final int DEFAULT_CALIBRATION_SECONDS = 10;
    public static final double DEFAULT_FTE_HOURS = 37.5;
    public static final int DEFAULT_TRAINING_WEEKS = 4;
    public static final int DEFAULT_RAMP_WEEKS = 8;
    public static final int DEFAULT_LEAD_WEEKS = 6;
    public static final int DEFAULT_CLASS_EVERY = 4;
    public static final double DEFAULT_HIRE_COST = 6400;
    /** Recommended classes: {@code pairs} (single channels and the pairs today's agents combine) or {@code single}. */
    public static final String DEFAULT_HIRE_SKILLS = "pairs";
    public static final java.util.Set<String> HIRE_SKILLS = java.util.Set.of("pairs", "single");

    private CapacityRun() {
    }

    /** What the command was asked; null where an option was not given. */
    public record Request(Path history, Path channels, Path agents, Path rules, Path holidays, String holidaysCountry,
                          ZoneId zone, int months, String attrition, Path hires, Path scenarios, Double efficiency,
                          int calibrationWeeks, Duration calibrationLimit, long seed, double fteHours,
                          int trainingWeeks, int rampWeeks, int leadWeeks, int classEvery, double hireCost,
                          Double hireHourlyCost, Double shortCost, Path leave, String hireSkills,
                          int extraTrainingWeeks) {
        /** With the defaults of the recommended classes' skill sets. */
        public Request(Path history, Path channels, Path agents, Path rules, Path holidays, String holidaysCountry,
                       ZoneId zone, int months, String attrition, Path hires, Path scenarios, Double efficiency,
                       int calibrationWeeks, Duration calibrationLimit, long seed, double fteHours,
                       int trainingWeeks, int rampWeeks, int leadWeeks, int classEvery, double hireCost,
                       Double hireHourlyCost, Double shortCost, Path leave) {
            this(history, channels, agents, rules, holidays, holidaysCountry, zone, months, attrition, hires,
                    scenarios, efficiency, calibrationWeeks, calibrationLimit, seed, fteHours, trainingWeeks,
                    rampWeeks, leadWeeks, classEvery, hireCost, hireHourlyCost, shortCost, leave, DEFAULT_HIRE_SKILLS,
                    org.wfm.capacity.HireCurve.DEFAULT_EXTRA_WEEKS_PER_SKILL);
        }

        /** Without planned leave. */
        public Request(Path history, Path channels, Path agents, Path rules, Path holidays, String holidaysCountry,
                       ZoneId zone, int months, String attrition, Path hires, Path scenarios, Double efficiency,
                       int calibrationWeeks, Duration calibrationLimit, long seed, double fteHours,
                       int trainingWeeks, int rampWeeks, int leadWeeks, int classEvery, double hireCost,
                       Double hireHourlyCost, Double shortCost) {
            this(history, channels, agents, rules, holidays, holidaysCountry, zone, months, attrition, hires,
                    scenarios, efficiency, calibrationWeeks, calibrationLimit, seed, fteHours, trainingWeeks,
                    rampWeeks, leadWeeks, classEvery, hireCost, hireHourlyCost, shortCost, null);
        }
    }

    /** The plan and what it was made from, for the outputs. */
    public record Result(List<CapacityPlan> plans, ChannelPlan channels, WeeklyDemand demand, ForecastResult forecast,
                         PlanSettings settings, Attrition attrition, int agents, double agentFte,
                         Map<String, Path> inputs, List<String> notes) {
        /** The baseline: the plan without scenario changes, always first. */
        public CapacityPlan plan() {
            return plans.get(0);
        }
    }

    public static Result run(Request r, Consumer<String> progress) {
        List<String> notes = new ArrayList<>();
        ChannelPlan plan = Pipeline.channels(r.channels());
        ZoneId zone = r.zone() != null ? r.zone() : plan.zone() != null ? plan.zone() : ZoneId.systemDefault();
        // the small inputs first: a mistake in them ends the run before the slow forecast
        Attrition attrition = attrition(r.attrition());
        List<HireClass> planned = r.hires() == null ? List.of()
                : CapacityFiles.hires(InputFiles.requireFile(r.hires(), "--hires"), plan, Pipeline.notes());
        List<Scenario> scenarios = r.scenarios() == null ? List.of()
                : CapacityFiles.scenarios(InputFiles.requireFile(r.scenarios(), "--scenarios"), plan, Pipeline.notes());
        History history = Pipeline.history(r.history(), zone);
        LocalDate start = ForecastEngine.lastDate(history).plusDays(1);
        LocalDate firstWeek = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int weeks = weeks(r.months());
        Path rulesFile = r.rules() != null ? r.rules() : besideAgents(r.agents(), "rules.yaml");
        if (r.efficiency() == null && rulesFile == null) {
            throw org.wfm.cli.WfmException.usage("the scheduling efficiency is measured by scheduling a week with"
                    + " rules.yaml: give --rules F (none beside " + r.agents() + ") or --efficiency X");
        }
        List<Agent> agents;
        List<TimeOff> timeOff = List.of();
        Rules rules = null;
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("history", r.history());
        inputs.put("channels", r.channels());
        if (r.attrition() != null && !isNumber(r.attrition())) {
            inputs.put("attrition", Path.of(r.attrition()));
        }
        if (r.hires() != null) {
            inputs.put("hires", r.hires());
        }
        if (r.scenarios() != null) {
            inputs.put("scenarios", r.scenarios());
        }
        if (rulesFile != null) {
            // rules.yaml's own horizon (optional here) is replaced by the calibration weeks
            Pipeline.ScheduleInputs in = Pipeline.scheduleInputs(r.channels(), r.agents(), rulesFile, null, zone,
                    new Rules.Horizon(firstWeek, 7 * r.calibrationWeeks()));
            agents = in.agents();
            timeOff = in.timeOff();
            rules = in.rules();
            inputs.putAll(in.files());
        } else {
            agents = AgentsReader.read(InputFiles.requireFile(r.agents(), "--agents"), plan, null, Pipeline.notes());
            inputs.put("agents", r.agents());
        }
        List<CapacityPlanner.Leave> leave = leave(r, agents, inputs);
        int days = (int) ChronoUnit.DAYS.between(start, firstWeek) + 7 * weeks;
        List<Holiday> holidays = Pipeline.holidays(r.holidays());
        if (r.holidays() != null) {
            inputs.put("holidays", r.holidays());
        }
        if (r.holidaysCountry() != null) {
            try {
                holidays = org.wfm.forecast.HolidayReader.merge(holidays, org.wfm.forecast.HolidayReader.forCountry(
                        r.holidaysCountry(), ForecastEngine.firstDate(history), firstWeek.plusWeeks(weeks)));
            } catch (IllegalArgumentException e) {
                throw org.wfm.cli.WfmException.usage("--holidays-country \"" + r.holidaysCountry() + "\": "
                        + e.getMessage());
            }
        }
        ForecastResult forecast = Pipeline.forecast(history, start, days, holidays, METHOD, 80, progress);
        WeeklyDemand demand = demand(forecast.points(), plan, firstWeek, weeks, r.history().getFileName() + "");
        Efficiency efficiency;
        if (r.efficiency() != null) {
            efficiency = Efficiency.given(r.efficiency());
        } else {
            progress.accept("measuring the scheduling efficiency: scheduling " + r.calibrationWeeks() + " week(s) from "
                    + firstWeek);
            try {
                efficiency = EfficiencyCalibration.measure(plan, agents, timeOff, rules, forecast.points(),
                        r.calibrationLimit(), r.seed(), p -> progress.accept("calibration: "
                                + PipelineRun.solverLine(p, r.calibrationLimit())));
            } catch (EfficiencyCalibration.NothingCovered e) {
                throw new InputException(String.valueOf(r.history().getFileName()), 0, null, e.getMessage());
            }
        }
        for (HireClass h : planned) {
            if (!h.start().isBefore(firstWeek.plusWeeks(weeks))) {
                notes.add("the class of " + h.size() + " starting " + h.start() + " (" + r.hires()
                        + ") starts after the plan's last week and is left out");
            }
        }
        notes.addAll(unknownSites(attrition, agents, r.attrition()));
        double hourly = r.hireHourlyCost() != null ? r.hireHourlyCost() : medianHourly(agents);
        double shortCost = r.shortCost() != null ? r.shortCost() : OVERTIME_MULTIPLIER * r.fteHours() * hourly;
        PlanSettings settings = new PlanSettings(r.fteHours(), new org.wfm.capacity.HireCurve(r.trainingWeeks(),
                r.rampWeeks(), r.extraTrainingWeeks()), r.leadWeeks(), r.classEvery(), r.hireCost(), hourly, shortCost);
        List<String> channelNames = demand.channels();
        List<HireOption> options = HireOption.candidates(channelNames, agents, !"single".equals(r.hireSkills()),
                r.hireHourlyCost(), medianHourly(agents));
        progress.accept("solving the hiring plan");
        List<CapacityPlan> plans = new ArrayList<>();
        plans.add(CapacityPlanner.plan(new CapacityPlanner.Input(BASELINE, plan, demand, agents, planned,
                attrition, settings, efficiency, leave, options)));
        for (Scenario sc : scenarios) {
            progress.accept("scenario " + sc.name());
            ChannelPlan changed = sc.apply(plan);
            List<org.wfm.forecast.ForecastPoint> points;
            try {
                points = sc.apply(forecast.points(), plan);
            } catch (IllegalArgumentException e) {
                throw new InputException(String.valueOf(r.scenarios().getFileName()), 0, "aht_delta_seconds",
                        e.getMessage());
            }
            WeeklyDemand d = demand(points, changed, firstWeek, weeks, "scenario " + sc.name() + " of "
                    + r.scenarios().getFileName());
            plans.add(CapacityPlanner.plan(new CapacityPlanner.Input(sc.name(), changed, d, agents, planned,
                    sc.apply(attrition), settings, efficiency, leave, options)));
        }
        double fte = agents.stream().mapToDouble(a -> org.wfm.capacity.Supply.contractedHours(a) / r.fteHours()).sum();
        return new Result(plans, plan, demand, forecast, settings, attrition, agents.size(), fte, inputs, notes);
    }

    /**
     * {@code --leave}: planned leave in timeoff.csv's format (the one reader), as hours per agent and day: the
     * times given, or for a whole day the agent's contracted weekly hours ÷ 5 (a working day).
     */
    static List<CapacityPlanner.Leave> leave(Request r, List<org.wfm.scheduler.domain.Agent> agents,
                                             Map<String, Path> inputs) {
        if (r.leave() == null) {
            return List.of();
        }
        java.util.Map<String, org.wfm.scheduler.domain.Agent> byId = new java.util.HashMap<>();
        agents.forEach(a -> byId.put(a.id(), a));
        List<org.wfm.scheduler.domain.TimeOff> rows = org.wfm.cli.io.TimeOffReader.read(
                InputFiles.requireFile(r.leave(), "--leave"), byId.keySet(), Pipeline.notes());
        inputs.put("leave", r.leave());
        List<CapacityPlanner.Leave> out = new ArrayList<>();
        for (org.wfm.scheduler.domain.TimeOff t : rows) {
            double hours = t.wholeDay() ? org.wfm.capacity.Supply.contractedHours(byId.get(t.agentId())) / 5.0
                    : ChronoUnit.MINUTES.between(t.start(), t.end()) / 60.0;
            out.add(new CapacityPlanner.Leave(t.agentId(), t.date(), hours));
        }
        return out;
    }

    /**
     * A short FTE-week is priced at what covering it with overtime would cost: 1.5 × the hourly wage × the hours of
     * an FTE (the usual overtime premium; rules.yaml's default multiplier).
     */
    static final double OVERTIME_MULTIPLIER = 1.5;

    /** The scenario name of the plan without changes. */
    public static final String BASELINE = "baseline";

    /** Weekly demand of a forecast; a volume no staffing can serve is an input error of {@code source}. */
    private static WeeklyDemand demand(List<org.wfm.forecast.ForecastPoint> points, ChannelPlan plan, LocalDate first,
                                       int weeks, String source) {
        List<Requirement> reqs;
        try {
            reqs = RequirementsCalculator.compute(points, plan);
        } catch (StaffingLimitException e) {
            throw new InputException(source, 0, "volume", "the forecast of " + e.getMessage());
        }
        return new WeeklyDemand(reqs, plan, first, weeks);
    }

    /** Weeks in {@code months} months: 52 a year, rounded up. */
    public static int weeks(int months) {
        return (int) Math.ceil(months * 52 / 12.0 - 1e-9);
    }

    private static Path besideAgents(Path agents, String name) {
        Path parent = agents.toAbsolutePath().getParent();
        if (parent == null) {
            return null;
        }
        Path p = parent.resolve(name);
        return Files.isRegularFile(p) ? agents.resolveSibling(name) : null;
    }

    /** {@code --attrition} is a rate when it reads as a number, else a file. */
    public static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code --attrition}: a monthly rate such as 0.03, or attrition.csv. */
    private static Attrition attrition(String option) {
        if (option == null) {
            return Attrition.uniform(Attrition.DEFAULT_MONTHLY);
        }
        if (isNumber(option)) {
            return Attrition.uniform(Double.parseDouble(option.trim()));
        }
        return CapacityFiles.attrition(InputFiles.requireFile(Path.of(option), "--attrition"), Attrition.DEFAULT_MONTHLY,
                Pipeline.notes());
    }

    /**
     * Sites of attrition.csv that no agent has (a typing error would otherwise never match, silently): noted.
     */
    static List<String> unknownSites(Attrition attrition, List<Agent> agents, String file) {
        java.util.Set<String> sites = new java.util.TreeSet<>();
        agents.forEach(a -> sites.add(a.site() == null || a.site().isBlank() ? "home" : a.site()));
        List<String> out = new ArrayList<>();
        for (String key : attrition.rates().keySet()) {
            String site = key.substring(0, key.indexOf('|'));
            if (!site.equals(Attrition.ANY) && !sites.contains(site)) {
                out.add(file + ": no agent is at site `" + site + "` (agents' sites: " + String.join(", ", sites)
                        + "); its rate applies to nobody");
            }
        }
        return out;
    }

    /** The median hourly cost of today's agents: what a new hire is paid unless --hire-hourly-cost says. */
    static double medianHourly(List<Agent> agents) {
        double[] c = agents.stream().mapToDouble(Agent::hourlyCost).sorted().toArray();
        if (c.length == 0) {
            return 0;
        }
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
