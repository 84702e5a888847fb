package org.wfm.cli.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.capacity.Attrition;
import org.wfm.capacity.CapacityPlan;
import org.wfm.capacity.CapacityRow;
import org.wfm.capacity.Efficiency;
import org.wfm.capacity.HireClass;
import org.wfm.capacity.HireOption;
import org.wfm.capacity.HiringModel;
import org.wfm.capacity.MonthRow;
import org.wfm.capacity.MonthlyRollup;
import org.wfm.cli.output.CsvCells;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.Numbers;
import org.wfm.cli.output.SummaryJson;
import org.wfm.cli.output.Timestamps;
import org.wfm.cli.service.CapacityRun;
import org.wfm.cli.service.Checksums;
import org.wfm.cli.service.Version;

/**
 * The files of {@code wfm capacity}: capacity.csv, hiring.csv, summary.json, capacity.xlsx ({@link CapacitySheet}),
 * capacity.png ({@link CapacityChart}), and the end summary printed (text, or the summary as JSON with --json).
 */
public final class CapacityOutputs {
    public static final String CAPACITY_CSV = "capacity.csv";
    public static final String MONTHLY_CSV = "capacity-monthly.csv";
    public static final String[] MONTHLY = {"month", "channel", "scenario", "days", "required_fte", "available_fte",
        "gap_fte", "hires_starting", "projected_service_level", "cost", "contacts", "expected_leavers"};
    public static final String HIRING_CSV = "hiring.csv";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String XLSX = "capacity.xlsx";
    public static final String PNG = "capacity.png";
    public static final String[] CAPACITY = {"week_start", "channel", "scenario", "required_fte", "available_fte",
        "gap_fte", "hires_starting", "projected_service_level", "cost", "contacts", "expected_leavers"};
    public static final String[] HIRING = {"scenario", "class_start", "size", "skills", "kind"};

    private CapacityOutputs() {
    }

    /** Writes every file into {@code dir} (the claim's temporary folder). */
    public static void write(Path dir, CapacityRun.Result r) {
        List<CapacityPlan> plans = r.plans();
        writeCapacity(dir.resolve(CAPACITY_CSV), plans);
        writeMonthly(dir.resolve(MONTHLY_CSV), plans);
        writeHiring(dir.resolve(HIRING_CSV), plans);
        SummaryJson.write(dir.resolve(SUMMARY_JSON), summary(r));
        CapacitySheet.write(dir.resolve(XLSX), plans);
        CapacityChart.write(dir.resolve(PNG), r.plan());
    }

    static void writeCapacity(Path file, List<CapacityPlan> plans) {
        CsvFiles.write(file, CAPACITY, p -> {
            for (CapacityPlan plan : plans) {
                for (CapacityRow r : plan.rows()) {
                    p.printRecord(Timestamps.format(r.weekStart()), CsvCells.write(r.channel()),
                            CsvCells.write(r.scenario()), Numbers.format(r.requiredFte(), 2),
                            Numbers.format(r.availableFte(), 2), Numbers.format(r.gapFte(), 2), r.hiresStarting(),
                            Numbers.format(r.projectedServiceLevel(), 4), Numbers.format(r.cost(), 2),
                            Numbers.format(r.contacts(), 1), Numbers.format(r.leavers(), 3));
                }
            }
        });
    }

    /** The weekly rows of every scenario rolled up into calendar months ({@link MonthlyRollup}). */
    static List<MonthRow> monthly(List<CapacityPlan> plans) {
        return MonthlyRollup.of(plans.stream().flatMap(p -> p.rows().stream()).toList());
    }

    static void writeMonthly(Path file, List<CapacityPlan> plans) {
        CsvFiles.write(file, MONTHLY, p -> {
            for (MonthRow r : monthly(plans)) {
                p.printRecord(r.month().toString(), CsvCells.write(r.channel()), CsvCells.write(r.scenario()),
                        r.days(), Numbers.format(r.requiredFte(), 2), Numbers.format(r.availableFte(), 2),
                        Numbers.format(r.gapFte(), 2), r.hiresStarting(), Numbers.format(r.projectedServiceLevel(), 4),
                        Numbers.format(r.cost(), 2), Numbers.format(r.contacts(), 1), Numbers.format(r.leavers(), 3));
            }
        });
    }

    static void writeHiring(Path file, List<CapacityPlan> plans) {
        CsvFiles.write(file, HIRING, p -> {
            for (CapacityPlan plan : plans) {
                for (List<HireClass> list : List.of(plan.planned(), plan.recommended())) {
                    for (HireClass h : list) {
                        p.printRecord(CsvCells.write(plan.scenario()), Timestamps.format(h.start()), h.size(),
                                CsvCells.write(skills(h.skills())), h.recommended() ? "recommended" : "planned");
                    }
                }
            }
        });
    }

    /** {@code voice:1;chat:0.8}, the form of agents.csv and hires.csv. */
    public static String skills(Map<String, Double> skills) {
        return skills.entrySet().stream().map(e -> e.getKey() + ":" + Numbers.format(e.getValue(), 2))
                .collect(Collectors.joining(";"));
    }

    public static ObjectNode summary(CapacityRun.Result r) {
        ObjectNode root = SummaryJson.MAPPER.createObjectNode();
        root.put("version", Version.get());
        CapacityPlan plan = r.plan();
        ObjectNode p = root.putObject("plan");
        p.put("first_week", Timestamps.format(r.demand().firstWeek()));
        p.put("weeks", r.demand().weeks());
        p.put("forecast_method", CapacityRun.METHOD);
        p.put("fte_hours", r.settings().fteHours());
        p.put("target_met_from", Timestamps.format(r.demand().firstWeek().plusWeeks(plan.hardFromWeek())));
        Efficiency e = plan.efficiency();
        ObjectNode eff = root.putObject("efficiency");
        eff.put("factor", e.factor());
        eff.put("measured", e.measured());
        ArrayNode weeks = eff.putArray("weeks");
        e.weeks().forEach(w -> weeks.add(Timestamps.format(w)));
        if (e.measured()) {
            eff.put("paid_hours", e.paidHours());
            eff.put("required_hours", e.requiredHours());
            eff.put("covered_hours", e.coveredHours());
            eff.put("solver_stop", e.solverStop());
        }
        ObjectNode today = root.putObject("today");
        today.put("agents", r.agents());
        today.put("fte", r.agentFte());
        ObjectNode att = root.putObject("attrition");
        att.put("default_monthly", r.attrition().defaultMonthly());
        att.put("hires_monthly", r.attrition().hires());
        ObjectNode rates = att.putObject("rates");
        r.attrition().rates().forEach(rates::put);
        ObjectNode s = root.putObject("settings");
        s.put("training_weeks", r.settings().curve().trainingWeeks());
        s.put("ramp_weeks", r.settings().curve().rampWeeks());
        s.put("lead_weeks", r.settings().leadWeeks());
        s.put("class_every_weeks", r.settings().classEvery());
        s.put("hire_cost", r.settings().hireCost());
        s.put("hire_hourly_cost", r.settings().hireHourlyCost());
        s.put("short_cost_per_fte_week", r.settings().shortPenalty());
        s.put("multi_skill_training_weeks", r.settings().curve().extraWeeksPerSkill());
        ArrayNode offered = s.putArray("hire_skill_sets");
        for (HireOption o : plan.model().options()) {
            ObjectNode n = offered.addObject();
            n.put("skills", skills(o.skills()));
            n.put("hourly_cost", o.hourlyCost());
            n.put("training_weeks", r.settings().curve().forSkills(o.skills().size()).trainingWeeks());
        }
        ObjectNode scenarios = root.putObject("scenarios");
        ArrayNode hiring = root.putArray("hiring");
        for (CapacityPlan pl : r.plans()) {
            scenario(scenarios.putObject(pl.scenario()), pl, r);
            for (List<HireClass> list : List.of(pl.planned(), pl.recommended())) {
                for (HireClass h : list) {
                    ObjectNode n = hiring.addObject();
                    n.put("scenario", pl.scenario());
                    n.put("class_start", Timestamps.format(h.start()));
                    n.put("size", h.size());
                    n.put("skills", skills(h.skills()));
                    n.put("kind", h.recommended() ? "recommended" : "planned");
                }
            }
        }
        ObjectNode inputs = root.putObject("inputs");
        r.inputs().forEach((k, path) -> inputs.put(path.toString(), Checksums.sha256(path)));
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static void scenario(ObjectNode sc, CapacityPlan plan, CapacityRun.Result r) {
        sc.put("recommended_hires", plan.recommendedHires());
        sc.put("planned_hires", plan.planned().stream().mapToInt(HireClass::size).sum());
        sc.put("total_cost", plan.totalCost());
        sc.put("mean_required_fte", meanRequired(plan));
        sc.put("expected_leavers", plan.leavers());
        sc.put("attrition_replacement_cost", plan.leavers() * r.settings().hireCost());
        sc.put("multi_skill_hires", plan.recommended().stream().filter(h -> h.skills().size() > 1)
                .mapToInt(HireClass::size).sum());
        ObjectNode m = sc.putObject("hiring_model");
        m.put("integer_variables", plan.model().size().integers());
        m.put("continuous_variables", plan.model().size().continuous());
        m.put("constraints", plan.model().size().constraints());
        m.put("objective", plan.model().objective());
        m.put("optimal", plan.model().optimal());
        m.put("status", plan.model().optimal() ? "optimal" : "feasible");
        m.put("bound", plan.model().bound());
        m.put("lp_bound", plan.model().lpBound());
        m.put("gap", plan.model().gap());
        m.put("gap_tolerance", HiringModel.RELATIVE_GAP);
        m.put("solver", HiringModel.SOLVER);
        m.put("nodes", plan.model().nodes());
        m.put("cpu_seconds", plan.model().cpuSeconds());
        ObjectNode chs = sc.putObject("channels");
        plan.channels().forEach((ch, c) -> {
            ObjectNode n = chs.putObject(ch);
            n.put("mean_required_fte", c.meanRequiredFte());
            n.put("peak_gap_without_hires_fte", c.peakGapWithoutHires());
            n.put("recommended_hires", c.hires());
            n.put("weeks_short", c.shortWeeks());
            if (Double.isNaN(c.minServiceLevel())) {
                n.putNull("min_projected_service_level");
            } else {
                n.put("min_projected_service_level", c.minServiceLevel());
            }
            n.put("optimal", c.optimal());
        });
    }

    /** Required FTE per week summed over channels, averaged over the weeks. */
    static double meanRequired(CapacityPlan plan) {
        return plan.channels().values().stream().mapToDouble(CapacityPlan.ChannelResult::meanRequiredFte).sum();
    }

    /** The end summary: a few lines a planner reads. */
    public static String text(CapacityRun.Result r, Path out) {
        CapacityPlan plan = r.plan();
        StringBuilder sb = new StringBuilder();
        r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append(String.format(Locale.ROOT, "Capacity plan -> %s: %d weeks from %s, %d agents today (%.1f FTE of %s h)%n",
                out, r.demand().weeks(), r.demand().firstWeek(), r.agents(), r.agentFte(),
                Numbers.format(r.settings().fteHours())));
        Efficiency e = plan.efficiency();
        if (e.measured()) {
            sb.append(String.format(Locale.ROOT, "  scheduling efficiency %.3f measured: week of %s scheduled, %.1f paid"
                    + " hours for %.1f required staff-hours covered (of %.1f; solver stopped by %s)%n", e.factor(),
                    e.weeks().stream().map(Object::toString).collect(Collectors.joining(", ")), e.paidHours(),
                    e.coveredHours(), e.requiredHours(), e.solverStop()));
        } else {
            sb.append(String.format(Locale.ROOT, "  scheduling efficiency %.3f given with --efficiency (not measured)%n",
                    e.factor()));
        }
        sb.append(String.format(Locale.ROOT, "  attrition %.1f%% a month (%.0f%% a year) by default; hires train %d"
                + " weeks, ramp up over %d, lead time %d weeks%n", 100 * r.attrition().defaultMonthly(),
                100 * Attrition.annual(r.attrition().defaultMonthly()), r.settings().curve().trainingWeeks(),
                r.settings().curve().rampWeeks(), r.settings().leadWeeks()));
        plan.channels().forEach((ch, c) -> sb.append(String.format(Locale.ROOT,
                "  %-8s required %5.1f FTE on average, peak gap %5.1f FTE without hiring; hire %3d; %2d weeks short%s%n",
                ch, c.meanRequiredFte(), c.peakGapWithoutHires(), c.hires(), c.shortWeeks(),
                Double.isNaN(c.minServiceLevel()) ? "" : String.format(Locale.ROOT, ", lowest weekly service level %.1f%%",
                        100 * c.minServiceLevel()))));
        String classes = plan.recommended().stream()
                .map(h -> h.start() + " " + h.size() + " " + String.join("+", h.skills().keySet()))
                .collect(Collectors.joining(", "));
        sb.append(String.format(Locale.ROOT, "  recommended hiring: %s%n", classes.isEmpty() ? "none" : classes));
        int multi = plan.recommended().stream().filter(h -> h.skills().size() > 1).mapToInt(HireClass::size).sum();
        CapacityPlan.Model m = plan.model();
        sb.append(String.format(Locale.ROOT, "  %d of %d hires multi-skilled; skill sets offered: %s%n", multi,
                plan.recommendedHires(), m.options().stream().map(o -> o.name() + " " + Numbers.format(o.hourlyCost(), 2)
                        + "/h").collect(Collectors.joining(", "))));
        sb.append(String.format(Locale.ROOT, "  hiring programme: %d integer and %d continuous variables, %d"
                + " constraints; objective %,.2f, %s (bound %,.2f, LP bound %,.2f; %d nodes, %.1f s CPU)%n",
                m.size().integers(), m.size().continuous(), m.size().constraints(), m.objective(),
                m.optimal() ? "proven optimal" : String.format(Locale.ROOT,
                        "not proven optimal: at most %.2f%% above the optimum", 100 * m.gap()),
                m.bound(), m.lpBound(), m.nodes(), m.cpuSeconds()));
        if (r.plans().size() > 1) {
            sb.append(String.format(Locale.ROOT, "  %-16s %12s %6s %16s %18s%n", "scenario", "required FTE", "hires",
                    "cost", "lowest weekly SL"));
            for (CapacityPlan pl : r.plans()) {
                double minSl = pl.channels().values().stream().mapToDouble(CapacityPlan.ChannelResult::minServiceLevel)
                        .filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
                sb.append(String.format(Locale.ROOT, "  %-16s %12.1f %6d %,16.2f %17s%n", pl.scenario(),
                        meanRequired(pl), pl.recommendedHires(), pl.totalCost(),
                        Double.isNaN(minSl) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * minSl)));
            }
        }
        sb.append(String.format(Locale.ROOT, "  cost %,.2f over the plan (wages and hiring); %.1f expected leavers"
                + " (%,.2f to replace at %,.0f each); %s", plan.totalCost(), plan.leavers(),
                plan.leavers() * r.settings().hireCost(), r.settings().hireCost(),
                plan.hardFromWeek() < r.demand().weeks()
                        ? "every target met from " + r.demand().firstWeek().plusWeeks(plan.hardFromWeek())
                        : "hiring cannot reach the plan's weeks (lead time, training and ramp-up are longer)"));
        return sb.toString();
    }
}
