package org.wfm.cli.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wfm.forecast.history.HistoryFormat;
import org.wfm.forecast.io.Problems;

/**
 * Reads plan.yaml into a {@link PlanConfig}. Relative paths are resolved against the folder of plan.yaml
 * (so the batch works from any working directory). Input files named in the plan must exist: a wrong path
 * is reported here, at its line of plan.yaml, rather than later under a resolved name the planner never
 * wrote. {@code timeoff} absent: timeoff.csv beside agents.csv when it exists (noted). {@code history} is a path,
 * or a mapping with {@code file:} and how to read it ({@link #historyFormat}).
 */
public final class PlanConfigReader {
    static final String DEFAULT_METHOD = "auto";
    static final int DEFAULT_FORECAST_DAYS = 42;
    static final double DEFAULT_LEVEL = 80;
    static final int DEFAULT_SCHEDULE_DAYS = 14;
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    static final long DEFAULT_SEED = 1;
    private static final Map<String, PlanConfig.Previous> PREVIOUS = new LinkedHashMap<>();

    static {
        PREVIOUS.put("latest", PlanConfig.Previous.LATEST);
        PREVIOUS.put("none", PlanConfig.Previous.NONE);
    }

    private PlanConfigReader() {
    }

    /** Reads the file, discarding notes (see {@link #read(Path, Notes)}). */
    public static PlanConfig read(Path file) {
        return read(file, new Notes());
    }

    /**
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static PlanConfig read(Path file, Notes notes) {
        String label = file.toString();
        String text = TextInput.read(file, label, "a YAML plan naming history, channels, agents and rules");
        Problems problems = new Problems(label);
        YamlSection root = YamlSection.root(YamlTree.parse(text, problems, notes), problems);
        Path base = file.getParent();

        // with units: the top-level input keys are defaults the units inherit, so none of them is required here
        boolean hasUnits = root.has("units");
        InputKeys top = inputKeys(root, base, !hasUnits, label, notes);
        Path history = top.history();
        HistoryFormat historyFormat = top.historyFormat();
        Path holidays = top.holidays();
        Path channels = top.channels();
        Path agents = top.agents();
        Path timeoff = top.timeoff();
        Path rules = top.rules();
        Path preferences = inputFile(root, "preferences", base, false);
        if (preferences != null && hasUnits) {
            root.problem("preferences", "a top-level preferences: cannot go with units: (its rows name agents of one"
                    + " unit); give each unit its own preferences:");
        }
        Path overrides = inputFile(root, "overrides", base, false);
        if (overrides != null && hasUnits) {
            root.problem("overrides", "a top-level overrides: cannot go with units: (units have their own channels);"
                    + " give each unit its own overrides:");
        }
        PlanConfig.Capacity capacity = capacity(root.section("capacity"), base);
        if (capacity != null && hasUnits) {
            root.problem("capacity", "capacity: with units: is not planned by the nightly batch yet; run wfm capacity"
                    + " for each unit");
        }
        ZoneId zone = root.value("timezone", null, ChannelsReader::zone);
        PlanConfig.Forecast forecast = forecast(root.section("forecast"));
        PlanConfig.Schedule schedule = schedule(root.section("schedule"));
        if (forecast.horizonDays() < schedule.days() + schedule.start().maxOffsetDays()) {
            problems.add(root.has("forecast") ? root.lineOf("forecast") : 1, "forecast.horizon_days",
                    forecast.horizonDays() + " days of forecast do not reach the end of the schedule (start "
                            + schedule.start() + " + " + schedule.days() + " days needs at least "
                            + (schedule.days() + schedule.start().maxOffsetDays()) + ")");
        }
        Path runs = root.path("runs", base);
        if (runs == null) {
            runs = base == null ? Path.of("runs") : base.resolve("runs");
        } else if (Files.exists(runs) && !Files.isDirectory(runs)) {
            root.problem("runs", runs + " is a file, not a folder");
        }
        PlanConfig.Previous previous = root.choice("previous", PlanConfig.Previous.LATEST, PREVIOUS);
        PlanConfig.KeepRuns keep = root.value("keep_runs", null, PlanConfigReader::keepRuns);
        List<PlanConfig.Unit> units = hasUnits ? units(root, base, top, zone, label, notes) : List.of();
        root.finish();
        problems.throwIfAny();
        return new PlanConfig(file, history, holidays, channels, agents, timeoff, rules, zone, forecast, schedule,
                runs, previous, keep, historyFormat, preferences, overrides, capacity, units);
    }

    /** The input keys of the top level or of one unit; any may be null. */
    private record InputKeys(Path history, HistoryFormat historyFormat, Path holidays, Path channels, Path agents,
                             Path timeoff, Path rules) {
    }

    private static InputKeys inputKeys(YamlSection s, Path base, boolean required, String label, Notes notes) {
        Path history;
        HistoryFormat historyFormat = HistoryFormat.AUTO;
        if (s.isMapping("history")) {
            YamlSection h = s.section("history");
            history = inputFile(h, "file", base, true);
            historyFormat = historyFormat(h);
            h.finish();
        } else {
            history = inputFile(s, "history", base, required);
        }
        Path holidays = inputFile(s, "holidays", base, false);
        Path channels = inputFile(s, "channels", base, required);
        Path agents = inputFile(s, "agents", base, required);
        Path timeoff = inputFile(s, "timeoff", base, false);
        if (timeoff == null && !s.has("timeoff") && agents != null) {
            Path beside = agents.resolveSibling("timeoff.csv");
            if (Files.isRegularFile(beside)) {
                timeoff = beside;
                notes.add(label, 0, s.path("timeoff"), "not given; using " + beside + " beside the agents file");
            }
        }
        Path rules = inputFile(s, "rules", base, required);
        return new InputKeys(history, historyFormat, holidays, channels, agents, timeoff, rules);
    }

    /**
     * A unit's name becomes the folder {@code units/<name>/}: letters, digits, {@code -} and {@code _}, starting
     * with a letter or digit, at most 64 characters, none of the names Windows reserves; unique ignoring case (a
     * case-insensitive file system would otherwise put two units into one folder).
     */
    static final java.util.regex.Pattern UNIT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("con", "prn", "aux", "nul", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
            "lpt7", "lpt8", "lpt9", "latest");

    /**
     * {@code units:} {name: {history, channels, agents, rules, timeoff, holidays, timezone}}: each key as at the top
     * level; a key the unit does not set is inherited from the top level ({@code timeoff} follows the unit's own
     * agents file when the unit sets {@code agents}: timeoff.csv beside it, as for a single plan).
     */
    private static List<PlanConfig.Unit> units(YamlSection root, Path base, InputKeys top, ZoneId topZone,
                                               String label, Notes notes) {
        YamlSection units = root.section("units");
        if (units == null) {
            return List.of();
        }
        List<PlanConfig.Unit> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> names = units.keys();
        if (names.isEmpty()) {
            root.problem("units", "no units (expected at least one `name: {history: ..., channels: ..., agents: ...,"
                    + " rules: ...}`)");
        }
        for (String name : names) {
            if (!UNIT_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                units.problem(name, "unit name " + Values.quote(name) + " is not a safe folder name (expected letters,"
                        + " digits, - and _, starting with a letter or digit, at most 64 characters, not a reserved"
                        + " name such as con, nul or latest)");
                continue;
            }
            String earlier = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
            if (earlier != null) {
                units.problem(name, "unit " + Values.quote(name) + " is the same folder name as unit "
                        + Values.quote(earlier) + " (unit names are compared ignoring case)");
                continue;
            }
            int line = units.lineOf(name);
            YamlSection u = units.isMapping(name) ? units.section(name) : null;
            if (u == null) {
                if (!units.isAbsent(name)) {
                    units.section(name); // adds "expected a mapping"
                }
                out.add(new PlanConfig.Unit(name, line, top.history(), top.historyFormat(), top.holidays(),
                        top.channels(), top.agents(), top.timeoff(), top.rules(), topZone, null, null));
                requireInherited(units, name, top);
                continue;
            }
            InputKeys own = inputKeys(u, base, false, label, notes);
            boolean ownHistory = own.history() != null;
            boolean ownAgents = own.agents() != null;
            Path timeoff = own.timeoff() != null ? own.timeoff() : u.has("timeoff") || ownAgents ? null : top.timeoff();
            PlanConfig.Unit unit = new PlanConfig.Unit(name, line,
                    ownHistory ? own.history() : top.history(),
                    ownHistory ? own.historyFormat() : top.historyFormat(),
                    own.holidays() != null ? own.holidays() : top.holidays(),
                    own.channels() != null ? own.channels() : top.channels(),
                    ownAgents ? own.agents() : top.agents(), timeoff,
                    own.rules() != null ? own.rules() : top.rules(),
                    u.has("timezone") ? u.value("timezone", topZone, ChannelsReader::zone) : topZone,
                    inputFile(u, "preferences", base, false), inputFile(u, "overrides", base, false));
            for (String key : List.of("history", "channels", "agents", "rules")) {
                if (!u.has(key) && switch (key) {
                    case "history" -> unit.history() == null;
                    case "channels" -> unit.channels() == null;
                    case "agents" -> unit.agents() == null;
                    default -> unit.rules() == null;
                }) {
                    u.missing(key, "the path of the unit's " + key + " file, or a top-level " + key
                            + ": for every unit");
                }
            }
            u.finish();
            out.add(unit);
        }
        return out;
    }

    private static void requireInherited(YamlSection units, String name, InputKeys top) {
        if (top.history() == null || top.channels() == null || top.agents() == null || top.rules() == null) {
            units.problem(name, "unit " + Values.quote(name) + " sets nothing and the top level lacks some of"
                    + " history, channels, agents, rules (expected them in the unit or at the top level)");
        }
    }

    /**
     * {@code history:} as a mapping: {@code columns:} (timestamp, or date and time; channel, volume, aht: the file's
     * headers), {@code separator:}, {@code date_format:}, {@code decimal:}; the same keys as {@code --columns}.
     */
    private static HistoryFormat historyFormat(YamlSection h) {
        java.util.Map<String, String> pairs = new LinkedHashMap<>();
        YamlSection columns = h.section("columns");
        if (columns != null) {
            for (String key : java.util.List.of("timestamp", "date", "time", "channel", "volume", "aht")) {
                String v = columns.string(key, null);
                if (v != null) {
                    pairs.put(key, v);
                }
            }
            columns.finish();
        }
        for (String key : java.util.List.of("separator", "date_format", "decimal")) {
            String v = h.text(key);
            if (v != null) {
                try {
                    HistoryFormat.of(java.util.Map.of(key, v)); // checked alone, so the problem names its own key
                    pairs.put(key, v);
                } catch (IllegalArgumentException e) {
                    h.problem(key, e.getMessage());
                }
            }
        }
        try {
            return HistoryFormat.of(pairs);
        } catch (IllegalArgumentException e) {
            h.problem(h.has("columns") ? "columns" : "file", e.getMessage());
            return HistoryFormat.AUTO;
        }
    }

    /** {@code keep_runs}: a count of run folders ({@code 60}) or days ({@code 30d}), at least 1. */
    static PlanConfig.KeepRuns keepRuns(String s) throws BadValue {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        boolean days = t.endsWith("d");
        String digits = days ? t.substring(0, t.length() - 1).trim() : t;
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new BadValue(Values.quote(s) + " is not a number of runs or days (expected e.g. 60 or 30d)");
        }
        if (n < 1 || n > 100_000) {
            throw new BadValue(Values.quote(s) + " is out of range (expected 1 to 100000 runs, or 1d to 100000d)");
        }
        return days ? new PlanConfig.KeepRuns(null, n) : new PlanConfig.KeepRuns(n, null);
    }

    private static Path inputFile(YamlSection root, String key, Path base, boolean required) {
        if (!root.has(key) || root.text(key) == null) {
            if (required && !root.isMapping(key)) {
                root.missing(key, "the path of the " + key + " file");
            }
            return null;
        }
        Path p = root.path(key, base);
        if (p == null) {
            return null;
        }
        if (Files.isDirectory(p)) {
            root.problem(key, p + " is a folder, expected a file");
        } else if (!Files.exists(p)) {
            root.problem(key, "file " + p + " not found" + (base == null ? "" : " (relative paths are relative to the folder of plan.yaml)"));
        }
        return p;
    }

    private static PlanConfig.Forecast forecast(YamlSection s) {
        if (s == null) {
            return new PlanConfig.Forecast(DEFAULT_METHOD, DEFAULT_FORECAST_DAYS, DEFAULT_LEVEL);
        }
        String method = s.string("method", DEFAULT_METHOD);
        int days = s.integer("horizon_days", DEFAULT_FORECAST_DAYS, Range.closed(1, 3660));
        // A share like every other: 80, 80% and 0.8 are the same level.
        double level = 100 * s.share("level", DEFAULT_LEVEL / 100, Range.open(0, 1));
        s.finish();
        return new PlanConfig.Forecast(method, days, level);
    }

    /** {@code capacity:} {months, attrition (a monthly rate or a file), hires, scenarios, efficiency, on}. */
    private static PlanConfig.Capacity capacity(YamlSection s, Path base) {
        if (s == null) {
            return null;
        }
        int months = s.integer("months", 12, Range.closed(1, 36));
        String attrition = null;
        if (s.has("attrition") && s.text("attrition") != null) {
            String text = s.text("attrition").trim();
            if (org.wfm.cli.service.CapacityRun.isNumber(text)) {
                attrition = String.valueOf(s.number("attrition", 0, Range.closed(0, 0.5)));
            } else {
                Path file = inputFile(s, "attrition", base, false);
                attrition = file == null ? null : file.toString();
            }
        }
        Path hires = inputFile(s, "hires", base, false);
        Path scenarios = inputFile(s, "scenarios", base, false);
        Double efficiency = s.has("efficiency") ? s.number("efficiency", 1, Range.closed(1, 3)) : null;
        java.util.Set<java.time.DayOfWeek> on = s.value("on", java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                Values::days);
        s.finish();
        return new PlanConfig.Capacity(months, attrition, hires, scenarios, efficiency, on);
    }

    private static PlanConfig.Schedule schedule(YamlSection s) {
        PlanConfig.Start nextMonday = new PlanConfig.Start(PlanConfig.StartKind.NEXT_MONDAY, null);
        if (s == null) {
            return new PlanConfig.Schedule(nextMonday, DEFAULT_SCHEDULE_DAYS, DEFAULT_TIME_LIMIT, DEFAULT_SEED);
        }
        PlanConfig.Start start = s.value("start", nextMonday, PlanConfigReader::start);
        int days = s.integer("days", DEFAULT_SCHEDULE_DAYS, Range.closed(1, 366));
        Duration limit = s.value("time_limit", DEFAULT_TIME_LIMIT, text -> {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new BadValue(e.getMessage());
            }
        });
        long seed = s.integer("seed", (int) DEFAULT_SEED, Range.closed(Integer.MIN_VALUE, Integer.MAX_VALUE));
        s.finish();
        return new PlanConfig.Schedule(start, days, limit, seed);
    }

    static PlanConfig.Start start(String s) throws BadValue {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("tomorrow")) {
            return new PlanConfig.Start(PlanConfig.StartKind.TOMORROW, null);
        }
        if (t.equals("next-monday") || t.equals("next_monday")) {
            return new PlanConfig.Start(PlanConfig.StartKind.NEXT_MONDAY, null);
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            return PlanConfig.Start.of(Values.date(s));
        }
        throw new BadValue(Values.quote(s) + " is not a start" + Suggest.closest(t, java.util.List.of("tomorrow", "next-monday"))
                .map(c -> " (did you mean `" + c + "`?)").orElse(" (expected a date YYYY-MM-DD, tomorrow or next-monday)"));
    }
}
