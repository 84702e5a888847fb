package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.Plausible;
import org.wfm.forecast.io.Problems;
import org.wfm.scheduler.domain.Rules;

/**
 * Reads rules.yaml into {@link Rules}. Every section and key is optional except where noted; an absent
 * key takes the value the contract's example shows, so a short file states only what differs:
 * <pre>
 * horizon:  {start: DATE, days: 14}      both required when the section is given; days 1..366
 * shifts:   {lengths_hours: [4, 6, 8, 10], start_step_minutes: 30, min_rest_hours: 11,
 *            max_consecutive_days: 5, max_days_per_week: 5}
 * breaks:   {every_hours: 2, break_minutes: 15, lunch_minutes: 30, lunch_after_hours: 6}   or `none`
 * training: {block_minutes: 60, max_hours_per_week: 4}
 * sites:    {name: {seats: N}, ...}      default none; `home` is reserved for remote work
 * costs:    {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
 * objective: {mode: cover, late_contact_cost: 1.50, spread: 1}   mode cover | balance; spread 0..100 (0 = off)
 * replan:   {frozen_days: 3, change_cost: 60}          frozen_days 0..366, change_cost ≥ 0 (money per changed day)
 * preferences: {budget_points: 100, point_value: 1.00}  budget 1..100000 points per agent, point_value money ≥ 0
 * fairness: {weekend_days: [Sat, Sun], late_shift_ends_after: "20:00", weekend_price: 2.00, late_shift_price: 1.00}
 * patterns: {NAME: {agents: all | [A1, A2], weeks: [Mon-Fri, Mon-Sun, off], anchor: DATE, stagger: true,
 *            hard: false, weight: 10}, ...}    or days_off: [Wed] / weekends_off_every: 2 instead of weeks
 * </pre>
 * Dates are within {@link Plausible#dateRange()}; seats, costs and money within {@link Plausible}'s ranges (a
 * multiplier 1–10, a premium 0–10); site names are ids, two that agree after {@link Ids#key} are refused.
 * Without a {@code horizon} section {@link Rules#horizon()} is null: plan.yaml's {@code schedule} gives the
 * horizon in the nightly batch, and the caller must supply one otherwise. An absent {@code breaks} section
 * means the default breaks; only {@code breaks: none} switches them off (null).
 */
public final class RulesReader {
    static final List<Double> DEFAULT_LENGTHS = List.of(4.0, 6.0, 8.0, 10.0);
    static final Rules.Shifts DEFAULT_SHIFTS = new Rules.Shifts(DEFAULT_LENGTHS, 30, 11, 5, 5);
    static final Rules.Breaks DEFAULT_BREAKS = new Rules.Breaks(2, 15, 30, 6);
    static final Rules.Training DEFAULT_TRAINING = new Rules.Training(60, 4);
    static final Rules.Costs DEFAULT_COSTS = new Rules.Costs(40, 1.5, 0.25);
    static final Rules.Objective DEFAULT_OBJECTIVE = new Rules.Objective(Rules.ObjectiveMode.COVER, 1.50);
    /** The site name that means "at home" in agents.csv and schedule.csv, so no real site may use it. */
    static final String HOME = "home";
    private static final Map<String, Rules.ObjectiveMode> MODES = new LinkedHashMap<>();

    static {
        MODES.put("cover", Rules.ObjectiveMode.COVER);
        MODES.put("balance", Rules.ObjectiveMode.BALANCE);
    }

    private RulesReader() {
    }

    /** Reads the file, discarding notes (see {@link #read(Path, Notes)}). */
    public static Rules read(Path file) {
        return read(file, new Notes());
    }

    /**
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static Rules read(Path file, Notes notes) {
        String label = file.toString();
        String text = TextInput.read(file, label, "a YAML file of scheduling rules");
        Problems problems = new Problems(label);
        YamlSection root = YamlSection.root(YamlTree.parse(text, problems, notes), problems);

        Rules.Horizon horizon = horizon(root.section("horizon"));
        Rules.Shifts shifts = shifts(root.section("shifts"));
        Rules.Breaks breaks = breaks(root);
        Rules.Training training = training(root.section("training"));
        Map<String, Integer> seats = sites(root.section("sites"));
        Rules.Costs costs = costs(root.section("costs"));
        Rules.Objective objective = objective(root.section("objective"));
        Rules.Replan replan = replan(root.section("replan"));
        root.section("timeoff"); // the time-off policy, read and checked by TimeOffPolicyReader
        Rules.Preferences preferences = preferences(root.section("preferences"));
        Rules.Fairness fairness = fairness(root.section("fairness"));
        List<Rules.Pattern> patterns = patterns(root.section("patterns"), fairness);
        root.finish();
        problems.throwIfAny();
        return new Rules(horizon, shifts, breaks, training, seats, costs, objective, replan, preferences, fairness,
                patterns);
    }

    /** The rules with another horizon, e.g. plan.yaml's {@code schedule.start} and {@code days} for a nightly run. */
    public static Rules withHorizon(Rules rules, LocalDate start, int days) {
        return new Rules(new Rules.Horizon(start, days), rules.shifts(), rules.breaks(), rules.training(),
                rules.siteSeats(), rules.costs(), rules.objective(), rules.replan(), rules.preferences(),
                rules.fairness(), rules.patterns());
    }

    private static Rules.Horizon horizon(YamlSection s) {
        if (s == null) {
            return null;
        }
        LocalDate start = null;
        if (!s.has("start")) {
            s.missing("start", "the first day of the horizon, YYYY-MM-DD");
        } else {
            start = s.value("start", null, Values::date);
        }
        Integer days = s.requiredInteger("days", Range.closed(1, 366), "the number of days to schedule");
        if (start != null && days != null && start.plusDays(days - 1).isAfter(Plausible.LAST_DATE)) {
            s.problem("days", "the horizon would end after " + Plausible.LAST_DATE + " (expected dates "
                    + Plausible.dateRange() + ")");
        }
        s.finish();
        return start == null || days == null ? null : new Rules.Horizon(start, days);
    }

    private static Rules.Shifts shifts(YamlSection s) {
        if (s == null) {
            return DEFAULT_SHIFTS;
        }
        List<Double> lengths = s.numbers("lengths_hours", DEFAULT_LENGTHS, Range.openClosed(0, 24));
        if (new HashSet<>(lengths).size() != lengths.size()) {
            s.problem("lengths_hours", "lists the same length twice");
        }
        int step = s.integer("start_step_minutes", DEFAULT_SHIFTS.startStepMinutes(), Range.closed(5, 1440));
        if (step % 5 != 0) {
            s.problem("start_step_minutes", step + " is not a multiple of 5 minutes");
        }
        double rest = s.number("min_rest_hours", DEFAULT_SHIFTS.minRestHours(), Range.closed(0, 24));
        int consecutive = s.integer("max_consecutive_days", DEFAULT_SHIFTS.maxConsecutiveDays(), Range.closed(1, 366));
        int perWeek = s.integer("max_days_per_week", DEFAULT_SHIFTS.maxDaysPerWeek(), Range.closed(1, 7));
        s.finish();
        return new Rules.Shifts(List.copyOf(lengths), step, rest, consecutive, perWeek);
    }

    private static Rules.Breaks breaks(YamlSection root) {
        if (!root.has("breaks")) {
            return DEFAULT_BREAKS;
        }
        if (!root.isMapping("breaks")) {
            String word = root.isAbsent("breaks") ? null : root.text("breaks");
            if (word == null && !root.isAbsent("breaks")) {
                return null;
            }
            if (word == null || !word.trim().equalsIgnoreCase("none")) {
                root.problem("breaks", (word == null ? "is empty" : Values.quote(word) + " is not allowed")
                        + " (expected `none` or settings such as {every_hours: 2, break_minutes: 15,"
                        + " lunch_minutes: 30, lunch_after_hours: 6})");
            }
            return null;
        }
        YamlSection s = root.section("breaks");
        double every = s.number("every_hours", DEFAULT_BREAKS.everyHours(), Range.openClosed(0, 24));
        int breakMinutes = s.integer("break_minutes", DEFAULT_BREAKS.breakMinutes(), Range.closed(1, 120));
        int lunchMinutes = s.integer("lunch_minutes", DEFAULT_BREAKS.lunchMinutes(), Range.closed(1, 180));
        double lunchAfter = s.number("lunch_after_hours", DEFAULT_BREAKS.lunchAfterHours(), Range.openClosed(0, 24));
        if (breakMinutes >= every * 60) {
            s.problem("break_minutes", breakMinutes + " minutes is not shorter than every_hours ("
                    + Values.format(every) + " h)");
        }
        s.finish();
        return new Rules.Breaks(every, breakMinutes, lunchMinutes, lunchAfter);
    }

    private static Rules.Training training(YamlSection s) {
        if (s == null) {
            return DEFAULT_TRAINING;
        }
        int block = s.integer("block_minutes", DEFAULT_TRAINING.blockMinutes(), Range.closed(5, 480));
        double max = s.number("max_hours_per_week", DEFAULT_TRAINING.maxHoursPerWeek(), Range.closed(0, 168));
        s.finish();
        return new Rules.Training(block, max);
    }

    private static Map<String, Integer> sites(YamlSection s) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        if (s == null) {
            return seats;
        }
        Map<String, String> byKey = new java.util.HashMap<>();
        for (String name : s.keys()) {
            String first = byKey.putIfAbsent(Ids.key(name), name);
            if (first != null) {
                s.problem(name, "site `" + name + "` is site `" + first + "` of line " + s.lineOf(first)
                        + " written differently (names are compared ignoring case and character width)");
                continue;
            }
            if (Ids.key(name).equals(HOME)) {
                s.problem(name, "`home` is reserved for remote work and cannot be a site name");
                continue;
            }
            YamlSection site = s.section(name);
            if (site == null) {
                continue;
            }
            Integer n = site.requiredInteger("seats", Range.of(Plausible.SEATS), "the number of seats at the site");
            site.finish();
            if (n != null) {
                seats.put(name, n);
            }
        }
        return seats;
    }

    private static Rules.Costs costs(YamlSection s) {
        if (s == null) {
            return DEFAULT_COSTS;
        }
        double after = s.number("overtime_after_hours_week", DEFAULT_COSTS.overtimeAfterHoursWeek(), Range.closed(0, 168));
        double multiplier = s.number("overtime_multiplier", DEFAULT_COSTS.overtimeMultiplier(), Range.closed(1, 10));
        double premium = s.number("on_demand_premium", DEFAULT_COSTS.onDemandPremium(), Range.closed(0, 10));
        s.finish();
        return new Rules.Costs(after, multiplier, premium);
    }

    private static Rules.Objective objective(YamlSection s) {
        if (s == null) {
            return DEFAULT_OBJECTIVE;
        }
        Rules.ObjectiveMode mode = s.choice("mode", DEFAULT_OBJECTIVE.mode(), MODES);
        double cost = s.number("late_contact_cost", DEFAULT_OBJECTIVE.lateContactCost(), Range.of(Plausible.MONEY));
        // Above 100 the term would swamp the late contacts it is meant to shape (and the long score's range).
        double spread = s.number("spread", DEFAULT_OBJECTIVE.spread(), Range.closed(0, 100));
        s.finish();
        return new Rules.Objective(mode, cost, spread);
    }

    private static Rules.Replan replan(YamlSection s) {
        if (s == null) {
            return Rules.Replan.DEFAULT;
        }
        int frozen = s.integer("frozen_days", Rules.Replan.DEFAULT.frozenDays(), Range.closed(0, 366));
        double cost = s.number("change_cost", Rules.Replan.DEFAULT.changeCost(), Range.of(Plausible.MONEY));
        s.finish();
        return new Rules.Replan(frozen, cost);
    }

    /** How agents' preferences are priced (see {@link Rules.Preferences}). */
    private static Rules.Preferences preferences(YamlSection s) {
        if (s == null) {
            return Rules.Preferences.DEFAULT;
        }
        double budget = s.number("budget_points", Rules.Preferences.DEFAULT.budgetPoints(), Range.closed(1, 100_000));
        double value = s.number("point_value", Rules.Preferences.DEFAULT.pointValue(), Range.of(Plausible.MONEY));
        s.finish();
        return new Rules.Preferences(budget, value);
    }

    /** What counts as a weekend day and a late shift, and their prices (see {@link Rules.Fairness}). */
    private static Rules.Fairness fairness(YamlSection s) {
        Rules.Fairness d = Rules.Fairness.DEFAULT;
        if (s == null) {
            return d;
        }
        List<String> days = s.texts("weekend_days");
        java.util.Set<java.time.DayOfWeek> weekend = d.weekendDays();
        if (days != null) {
            try {
                weekend = Values.days(String.join(",", days));
            } catch (BadValue e) {
                s.problem("weekend_days", e.getMessage());
            }
        }
        java.time.LocalTime late = s.value("late_shift_ends_after", null, t -> Values.time(t, true));
        int lateMinute = late == null ? d.lateEndMinute()
                : late.equals(java.time.LocalTime.MIDNIGHT) ? 1440 : late.toSecondOfDay() / 60;
        double weekendPrice = s.number("weekend_price", d.weekendPrice(), Range.of(Plausible.MONEY));
        double latePrice = s.number("late_shift_price", d.latePrice(), Range.of(Plausible.MONEY));
        s.finish();
        return new Rules.Fairness(weekend, lateMinute, weekendPrice, latePrice);
    }

    /** The longest rotation accepted, in weeks. */
    static final int MAX_ROTATION_WEEKS = 52;

    /** {@code patterns:}, a mapping of name to pattern (see {@link Rules.Pattern}). */
    private static List<Rules.Pattern> patterns(YamlSection s, Rules.Fairness fairness) {
        List<Rules.Pattern> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String name : s.keys()) {
            YamlSection p = s.section(name);
            if (p == null) {
                continue;
            }
            Rules.Pattern pattern = pattern(name, p, fairness);
            p.finish();
            if (pattern != null) {
                out.add(pattern);
            }
        }
        return out;
    }

    private static Rules.Pattern pattern(String name, YamlSection p, Rules.Fairness fairness) {
        List<String> agents = p.texts("agents");
        if (agents == null || agents.size() == 1 && agents.get(0).trim().equalsIgnoreCase("all")) {
            agents = List.of();
        } else if (agents.isEmpty()) {
            p.problem("agents", "is an empty list (expected `all` or agent ids such as [A1, A2])");
        }
        agents = agents.stream().map(String::trim).toList();
        List<String> weekTexts = p.texts("weeks");
        List<String> daysOff = p.texts("days_off");
        Integer every = p.has("weekends_off_every") ? p.integer("weekends_off_every", 2, Range.closed(1,
                MAX_ROTATION_WEEKS)) : null;
        int given = (weekTexts == null ? 0 : 1) + (daysOff == null ? 0 : 1) + (every == null ? 0 : 1);
        if (given != 1) {
            p.problem(given == 0 ? "weeks" : "days_off", "expected exactly one of weeks: (days worked in each week of"
                    + " the cycle), days_off: (fixed days off) or weekends_off_every: (N weeks)");
            return null;
        }
        java.util.Set<java.time.DayOfWeek> all = java.util.EnumSet.allOf(java.time.DayOfWeek.class);
        List<java.util.Set<java.time.DayOfWeek>> weeks = new ArrayList<>();
        if (weekTexts != null) {
            if (weekTexts.isEmpty() || weekTexts.size() > MAX_ROTATION_WEEKS) {
                p.problem("weeks", "expected 1 to " + MAX_ROTATION_WEEKS + " weeks such as [Mon-Fri, Mon-Sun, off]");
                return null;
            }
            for (String w : weekTexts) {
                try {
                    weeks.add(w.trim().equalsIgnoreCase("off") ? java.util.Set.of() : Values.days(w));
                } catch (BadValue e) {
                    p.problem("weeks", e.getMessage());
                    return null;
                }
            }
        } else if (daysOff != null) {
            try {
                java.util.Set<java.time.DayOfWeek> on = java.util.EnumSet.copyOf(all);
                on.removeAll(Values.days(String.join(",", daysOff)));
                weeks.add(on);
            } catch (BadValue e) {
                p.problem("days_off", e.getMessage());
                return null;
            }
        } else {
            // the first week of the cycle has the weekend off, the others are worked as the agent's days allow
            java.util.Set<java.time.DayOfWeek> off = java.util.EnumSet.copyOf(all);
            off.removeAll(fairness.weekendDays());
            weeks.add(off);
            for (int k = 1; k < every; k++) {
                weeks.add(all);
            }
        }
        LocalDate anchor = p.value("anchor", null, Values::date);
        if (anchor == null && weeks.size() > 1 && !p.has("anchor")) {
            p.problem("anchor", "missing, expected the first day of the cycle's first week (YYYY-MM-DD), so the"
                    + " rotation stays in step from one run to the next");
        }
        boolean stagger = p.choice("stagger", Boolean.TRUE, BOOLEANS);
        boolean hard = p.choice("hard", Boolean.FALSE, BOOLEANS);
        if (hard && p.has("weight")) {
            p.problem("weight", "is for soft patterns (hard: false); a hard pattern is never broken");
        }
        double weight = p.number("weight", DEFAULT_PATTERN_WEIGHT, Range.of(Plausible.MONEY));
        return new Rules.Pattern(name, agents, weeks, anchor == null ? PATTERN_EPOCH : anchor, stagger, hard,
                weight, p.line());
    }

    /** Money a soft pattern's day off costs when worked, by default: about an hour of an agent's wage. */
    static final double DEFAULT_PATTERN_WEIGHT = 10;
    /** The anchor of one-week patterns, which need none (a Monday). */
    static final LocalDate PATTERN_EPOCH = LocalDate.of(2001, 1, 1);
    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "yes", true,
            "no", false);

    /**
     * The rules with every pattern's agents spelt as agents.csv spells them (ids compared as {@link Ids#key} does);
     * an agent a pattern names that agents.csv lacks is an error of rules.yaml at the pattern's line.
     */
    public static Rules withPatternAgents(Rules rules, List<org.wfm.scheduler.domain.Agent> agents, Path file) {
        if (rules.patterns().isEmpty()) {
            return rules;
        }
        Map<String, String> byKey = new java.util.HashMap<>();
        agents.forEach(a -> byKey.putIfAbsent(Ids.key(a.id()), a.id()));
        Problems problems = new Problems(file.toString());
        List<Rules.Pattern> out = new ArrayList<>();
        for (Rules.Pattern p : rules.patterns()) {
            List<String> ids = new ArrayList<>();
            for (String a : p.agents()) {
                String id = byKey.get(Ids.key(a));
                if (id == null) {
                    problems.add(p.line(), "patterns." + p.name() + ".agents", "agent `" + a + "` is not in agents.csv"
                            + Suggest.closest(a, byKey.values(), 1).map(c -> " (did you mean `" + c + "`?)").orElse(""));
                } else {
                    ids.add(id);
                }
            }
            out.add(new Rules.Pattern(p.name(), ids, p.weeks(), p.anchor(), p.stagger(), p.hard(), p.weight(),
                    p.line()));
        }
        problems.throwIfAny();
        return new Rules(rules.horizon(), rules.shifts(), rules.breaks(), rules.training(), rules.siteSeats(),
                rules.costs(), rules.objective(), rules.replan(), rules.preferences(), rules.fairness(), out);
    }
}
