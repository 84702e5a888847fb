package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wfm.capacity.Attrition;
import org.wfm.capacity.HireClass;
import org.wfm.capacity.Scenario;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * The inputs of {@code wfm capacity} beside the pipeline's own: hires.csv (planned hiring classes) and
 * attrition.csv (monthly attrition rates by site and employment type). Both are read with the one CSV source
 * ({@link CsvTable}), so headers, BOM, line numbers and the one-line errors are those of every other input.
 */
public final class CapacityFiles {
    static final List<String> HIRES = List.of("class_start", "size", "skills");
    static final List<String> ATTRITION = List.of("site", "employment", "monthly_rate");
    static final List<String> SCENARIOS = List.of("scenario", "channel", "volume_factor", "aht_delta_seconds",
            "service_target", "shrinkage", "attrition", "uplift", "uplift_start", "uplift_end");
    static final Set<String> SCENARIO_OPTIONAL = Set.of("volume_factor", "aht_delta_seconds", "service_target",
            "shrinkage", "attrition", "uplift", "uplift_start", "uplift_end");
    /** A class larger than this is a typing error, not an intake. */
    static final int MAX_CLASS = 10_000;
    private static final Map<String, String> EMPLOYMENTS = new LinkedHashMap<>();

    static {
        for (String e : List.of("full-time", "part-time", "on-demand", Attrition.ANY)) {
            EMPLOYMENTS.put(e, e);
        }
    }

    private CapacityFiles() {
    }

    /** hires.csv: {@code class_start,size,skills}, e.g. {@code 2027-02-01,12,voice:1.0;chat:0.8}. */
    public static List<HireClass> hires(Path file, ChannelPlan plan, Notes notes) {
        CsvTable table = CsvTable.read(file, HIRES, Set.of(), notes);
        List<String> channels = plan.channels().stream().map(Channel::name).toList();
        List<HireClass> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            LocalDate start = row.parse("class_start", Values::date);
            Double size = row.parse("size", s -> (double) Values.wholeNumber(Values.number(s), Range.closed(1, MAX_CLASS)));
            Map<String, Double> skills = row.parse("skills", s -> {
                Map<String, Double> m = AgentsReader.entries(s, channels, Range.closed(0, 1), true,
                        "channel:proficiency such as voice:1.0;chat:0.7");
                if (m.values().stream().noneMatch(v -> v > 0)) {
                    throw new BadValue("is empty; expected the skills the class is trained in, e.g. voice:1.0;chat:0.7");
                }
                return m;
            });
            if (start != null && size != null && skills != null) {
                out.add(new HireClass(start, (int) Math.round(size), skills, false));
            }
        }
        table.problems().throwIfAny();
        return out;
    }

    /**
     * scenarios.csv: one line per change of a named scenario, {@code channel} a channel or {@code *}; an empty cell
     * leaves that figure as it is. Scenarios keep the file's order; {@code baseline} is the plan without changes and
     * cannot be redefined.
     */
    public static List<Scenario> scenarios(Path file, ChannelPlan plan, Notes notes) {
        CsvTable table = CsvTable.read(file, SCENARIOS, SCENARIO_OPTIONAL, notes);
        List<String> channels = plan.channels().stream().map(Channel::name).toList();
        Map<String, List<Scenario.Change>> byName = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = row.problemCount();
            String name = row.get("scenario");
            if (name.isEmpty()) {
                row.problem("scenario", "is empty (every change belongs to a named scenario)");
            } else if (name.equalsIgnoreCase("baseline")) {
                row.problem("scenario", "`baseline` is the plan without changes; give the scenario another name");
            }
            String channel = row.get("channel").isEmpty() ? Scenario.ALL : row.get("channel");
            if (!channel.equals(Scenario.ALL) && !channels.contains(channel)) {
                row.problem("channel", "channel `" + channel + "` is not in channels.yaml (expected one of "
                        + String.join(", ", channels) + " or *)" + Suggest.hint(channel, channels));
            }
            double volume = optional(row, "volume_factor", new Range(0, false, 100, true));
            double aht = optional(row, "aht_delta_seconds", Range.closed(-3600, 3600));
            double sl = optional(row, "service_target", Range.open(0, 1));
            if (!Double.isNaN(sl) && !channel.equals(Scenario.ALL)
                    && plan.channel(channel).map(c -> !c.hasServiceTarget()).orElse(false)) {
                row.problem("service_target", "channel `" + channel + "` is deferred: it has no service-level target"
                        + " (its response_hours set the deadline); expected an immediate or concurrent channel or *");
            }
            double shrinkage = optional(row, "shrinkage", Range.closedOpen(0, 1));
            double attrition = optional(row, "attrition", Range.closed(0, 0.5));
            double uplift = optional(row, "uplift", new Range(-1, false, 100, true));
            LocalDate from = row.parse("uplift_start", s -> s.isEmpty() ? null : Values.date(s));
            LocalDate to = row.parse("uplift_end", s -> s.isEmpty() ? null : Values.date(s));
            if (!Double.isNaN(uplift) && (from == null || to == null) && row.problemCount() == before) {
                row.problem(from == null ? "uplift_start" : "uplift_end", "is empty; an uplift needs the dates it"
                        + " runs from and to (YYYY-MM-DD)");
            } else if (from != null && to != null && to.isBefore(from)) {
                row.problem("uplift_end", to + " is before uplift_start " + from);
            } else if (Double.isNaN(uplift) && (from != null || to != null)) {
                row.problem("uplift", "is empty but dates are given; expected the uplift, e.g. 0.25 for +25 %");
            }
            if (Double.isNaN(volume) && Double.isNaN(aht) && Double.isNaN(sl) && Double.isNaN(shrinkage)
                    && Double.isNaN(attrition) && Double.isNaN(uplift) && row.problemCount() == before) {
                row.problem("volume_factor", "the line changes nothing; expected at least one of volume_factor,"
                        + " aht_delta_seconds, service_target, shrinkage, attrition, uplift");
            }
            if (row.problemCount() == before) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Scenario.Change(channel, volume, aht, sl,
                        shrinkage, attrition, uplift, from, to));
            }
        }
        if (table.rows().isEmpty() && table.problems().isEmpty()) {
            table.problems().add(1, null, "no scenarios: the file has only its header");
        }
        table.problems().throwIfAny();
        List<Scenario> out = new ArrayList<>();
        byName.forEach((name, changes) -> out.add(new Scenario(name, changes)));
        return out;
    }

    /** An optional number: NaN when the cell is empty or the column absent. */
    private static double optional(CsvTable.Row row, String column, Range range) {
        Double v = row.parse(column, s -> s.isEmpty() ? Double.NaN : Values.number(s, range));
        return v == null ? Double.NaN : v;
    }

    /**
     * attrition.csv: {@code site,employment,monthly_rate}; {@code *} for any site or employment type, {@code home}
     * for home-based agents; a rate of 0.03 is 3 % a month. A pair listed twice is an error.
     */
    public static Attrition attrition(Path file, double defaultMonthly, Notes notes) {
        CsvTable table = CsvTable.read(file, ATTRITION, Set.of(), notes);
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String site = row.get("site").isEmpty() ? Attrition.ANY : row.get("site");
            String employment = row.parse("employment", s -> Values.choice(s.isEmpty() ? Attrition.ANY : s, EMPLOYMENTS));
            Double rate = row.parse("monthly_rate", s -> Values.number(s, Range.closedOpen(0, 1)));
            if (employment == null || rate == null) {
                continue;
            }
            String key = Attrition.key(site, employment);
            Integer first = lineOf.putIfAbsent(key, row.line());
            if (first != null) {
                row.problem("site", "site `" + site + "` with employment `" + employment + "` is already on line "
                        + first);
                continue;
            }
            rates.put(key, rate);
        }
        if (table.rows().isEmpty() && table.problems().isEmpty()) {
            table.problems().add(1, null, "no rates: the file has only its header");
        }
        table.problems().throwIfAny();
        return new Attrition(defaultMonthly, rates);
    }
}
