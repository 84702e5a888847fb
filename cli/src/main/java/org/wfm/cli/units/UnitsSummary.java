package org.wfm.cli.units;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.cli.output.SummaryJson;

/**
 * The all-units summary.json of a plan with units, computed from the units' own summary.json files alone (so every
 * figure can be recomputed from the run folder): per unit its cost, paid hours, late contacts, shortfall (the
 * {@code short_hours} of its daily roll-up summed), lower bound and gap; in total the sums, the bound as the sum of
 * the unit bounds (each unit is planned apart, so the sum of their bounds bounds the sum of their costs) and the gap
 * (total cost − total bound) ÷ total bound, the rule of a single run's gap.
 */
public final class UnitsSummary {
    private UnitsSummary() {
    }

    /** One row of the Overview: a unit's figures as its summary.json gives them. */
    public record UnitFigures(String name, String folder, int agents, long seed, double cost, double paidHours,
                              double lateContacts, double shortfallHours, Double lowerBound, Double gap,
                              int hardViolations, String terminatedBy) {
    }

    /** The totals over the units. */
    public record Totals(List<UnitFigures> units, int agents, double cost, double paidHours, double lateContacts,
                         double shortfallHours, Double lowerBound, Double gap, int hardViolations) {
    }

    /** Reads {@code units/<name>/summary.json} of {@code runDir} for each unit, in plan.yaml order. */
    public static Totals read(Path runDir, List<String> names) {
        List<UnitFigures> rows = new ArrayList<>();
        for (String name : names) {
            Path file = runDir.resolve("units").resolve(name).resolve("summary.json");
            ObjectNode s = SummaryJson.read(file);
            double shortfall = 0;
            for (JsonNode d : s.path("rollup").path("daily")) {
                shortfall += d.path("short_hours").asDouble();
            }
            JsonNode lb = s.path("lower_bound");
            rows.add(new UnitFigures(name, "units/" + name, s.path("agents").size(),
                    s.path("solver").path("seed").asLong(), s.path("cost").path("total").asDouble(),
                    s.path("paid_hours").asDouble(), s.path("late_contacts").asDouble(), shortfall,
                    number(lb.path("cost")), number(lb.path("gap")), s.path("hard_violations").size(),
                    s.path("solver").path("terminated_by").asText(null)));
        }
        double cost = 0;
        double paid = 0;
        double late = 0;
        double shortfall = 0;
        int agents = 0;
        int hard = 0;
        Double bound = 0.0;
        for (UnitFigures u : rows) {
            cost += u.cost();
            paid += u.paidHours();
            late += u.lateContacts();
            shortfall += u.shortfallHours();
            agents += u.agents();
            hard += u.hardViolations();
            bound = bound == null || u.lowerBound() == null ? null : bound + u.lowerBound();
        }
        Double gap = bound == null || bound <= 0 ? null : (cost - bound) / bound;
        return new Totals(rows, agents, cost, paid, late, shortfall, bound, gap, hard);
    }

    /** The all-units summary.json tree; {@code options} are the plan's settings, {@code previous} the run used. */
    public static ObjectNode tree(Totals t, Path previous, String version, java.util.Map<String, Object> options) {
        ObjectNode n = SummaryJson.MAPPER.createObjectNode();
        n.put("agents", t.agents());
        n.putObject("cost").put("total", t.cost());
        n.put("paid_hours", t.paidHours());
        n.put("late_contacts", t.lateContacts());
        n.put("shortfall_hours", t.shortfallHours());
        ObjectNode lb = n.putObject("lower_bound");
        putNumber(lb, "cost", t.lowerBound());
        putNumber(lb, "gap", t.gap());
        n.put("hard_violations", t.hardViolations());
        ArrayNode units = n.putArray("units");
        for (UnitFigures u : t.units()) {
            ObjectNode r = units.addObject();
            r.put("name", u.name());
            r.put("folder", u.folder());
            r.put("agents", u.agents());
            r.put("seed", u.seed());
            r.put("cost", u.cost());
            r.put("paid_hours", u.paidHours());
            r.put("late_contacts", u.lateContacts());
            r.put("shortfall_hours", u.shortfallHours());
            putNumber(r, "lower_bound", u.lowerBound());
            putNumber(r, "gap", u.gap());
            r.put("hard_violations", u.hardViolations());
            r.put("terminated_by", u.terminatedBy());
        }
        n.put("previous", previous == null ? null : previous.toString());
        n.put("version", version);
        n.set("options", SummaryJson.MAPPER.valueToTree(options));
        return n;
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asDouble();
    }

    private static void putNumber(ObjectNode n, String key, Double v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    /** The end summary of a plan with units: one line per unit and the totals, as summary.json gives them. */
    public static String report(Totals t) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-20s %7s %12s %10s %10s %10s %8s%n",
                "unit", "agents", "cost", "paid h", "late", "short h", "gap"));
        for (UnitFigures u : t.units()) {
            b.append(String.format(java.util.Locale.ROOT, "%-20s %7d %12.2f %10.1f %10.1f %10.1f %8s%n", u.name(),
                    u.agents(), u.cost(), u.paidHours(), u.lateContacts(), u.shortfallHours(), percent(u.gap())));
        }
        b.append(String.format(java.util.Locale.ROOT, "%-20s %7d %12.2f %10.1f %10.1f %10.1f %8s%n", "all units",
                t.agents(), t.cost(), t.paidHours(), t.lateContacts(), t.shortfallHours(), percent(t.gap())));
        b.append(String.format(java.util.Locale.ROOT, "lower bound %s (sum of the unit bounds), hard violations %d%n",
                t.lowerBound() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", t.lowerBound()),
                t.hardViolations()));
        return b.toString();
    }

    private static String percent(Double gap) {
        return gap == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * gap);
    }
}
