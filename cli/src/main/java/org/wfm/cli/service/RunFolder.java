package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.cli.export.AgentCalendars;
import org.wfm.cli.export.ChangesFile;
import org.wfm.cli.export.PngCharts;
import org.wfm.cli.export.WorkbookExporter;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.SummaryJson;
import org.wfm.forecast.ForecastResult;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRollup;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Writes a run folder (schedule.csv, coverage.csv, summary.json and, when known, forecast.csv, peaks.csv,
 * requirements.csv, plan.xlsx and PNG charts) into a temporary folder and moves it into place when complete.
 */
public final class RunFolder {
    private RunFolder() {
    }

    /**
     * What goes into the folder; forecast may be null (wfm schedule starts from requirements). {@code zone} is the
     * plan's time zone, written into the agents' calendars (null: the system's, as channels.yaml's default).
     */
    public record Contents(ForecastResult forecast, List<Requirement> requirements, ScheduleOutcome outcome,
                           List<Agent> agents, Map<String, Path> inputs, Path previous, boolean workbook,
                           Map<String, Object> options, org.wfm.scheduler.simulation.SimulationResult simulation,
                           java.time.ZoneId zone) {
        public Contents(ForecastResult forecast, List<Requirement> requirements, ScheduleOutcome outcome,
                        List<Agent> agents, Map<String, Path> inputs, Path previous, boolean workbook,
                        Map<String, Object> options, org.wfm.scheduler.simulation.SimulationResult simulation) {
            this(forecast, requirements, outcome, agents, inputs, previous, workbook, options, simulation, null);
        }
    }

    /** Writes the folder claimed by {@code out} (its lock held, checked before the work) and puts it in place. */
    public static Path write(AtomicOutput.Claim out, Contents c) {
        Path tmp = out.temporary();
        try {
            writeInto(tmp, c, out.target(), s -> { });
            out.commit(tmp);
        } catch (RuntimeException | Error e) {
            AtomicOutput.discard(tmp);
            throw e;
        }
        return out.target();
    }

    /** Writes every file into {@code dir} (an existing, empty temporary folder). */
    public static void writeInto(Path dir, Contents c) {
        writeInto(dir, c, dir, s -> { });
    }

    /**
     * Writes every file into {@code dir}, a temporary folder that becomes {@code target} once complete (the
     * workbook names {@code target}); the slow steps (charts, workbook) are reported to {@code progress}.
     */
    public static void writeInto(Path dir, Contents c, Path target, Consumer<String> progress) {
        progress.accept("writing the CSV files and summary.json");
        if (c.forecast() != null) {
            CsvFiles.writeForecast(dir.resolve("forecast.csv"), c.forecast().points());
            CsvFiles.writePeaks(dir.resolve("peaks.csv"), c.forecast().peaks());
        }
        if (c.requirements() != null) {
            CsvFiles.writeRequirements(dir.resolve("requirements.csv"), c.requirements());
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Agent a : c.agents()) {
            names.put(a.id(), a.name());
        }
        CsvFiles.writeSchedule(dir.resolve("schedule.csv"), c.outcome().rows(), names);
        CsvFiles.writeCoverage(dir.resolve("coverage.csv"), c.outcome().coverage());
        if (c.outcome().summary().fairness() != null) {
            org.wfm.cli.output.FairnessCsv.write(dir.resolve("fairness.csv"), c.outcome().summary().fairness());
        }
        ObjectNode summary = summaryTree(c);
        if (c.simulation() != null) {
            CsvFiles.writeSimulation(dir.resolve("simulation.csv"), c.simulation().rows());
            SimulationRun.fillSimulated(summary, c.simulation());
        }
        SummaryJson.write(dir.resolve("summary.json"), summary);
        publish(dir, c, names);
        progress.accept("drawing coverage.png and forecast.png");
        PngCharts.write(dir, c.outcome().rows());
        if (c.workbook()) {
            progress.accept("writing plan.xlsx");
            WorkbookExporter.export(dir, dir.resolve("plan.xlsx"), Clock.systemDefaultZone(), target);
        }
    }

    /**
     * What is sent to the agents: agents/&lt;id&gt;.ics for every agent and, against a previous run, changes.csv
     * (docs/agents.md).
     */
    static void publish(Path dir, Contents c, Map<String, String> names) {
        java.time.ZoneId zone = c.zone() == null ? java.time.ZoneId.systemDefault() : c.zone();
        AgentCalendars.write(dir, c.outcome().rows(), names, zone, c.previous());
        if (c.previous() != null) {
            // days of the published schedule before this horizon are history, not changes to announce
            java.time.LocalDate first = java.util.stream.Stream.concat(
                    c.outcome().coverage().stream().map(r -> r.intervalStart().toLocalDate()),
                    c.outcome().rows().stream().map(org.wfm.scheduler.domain.ScheduleRow::date))
                    .min(java.time.LocalDate::compareTo).orElse(java.time.LocalDate.MIN);
            List<org.wfm.scheduler.domain.ScheduleRow> before =
                    org.wfm.cli.export.RunFolder.open(c.previous(), "--previous").schedule().stream()
                            .filter(r -> !r.date().isBefore(first)).toList();
            ChangesFile.write(dir.resolve(ChangesFile.FILE),
                    ChangesFile.changes(before, c.outcome().rows(), c.outcome().publishedChanges()), names);
        }
    }

    static ObjectNode summaryTree(Contents c) {
        Summary s = c.outcome().summary();
        Map<String, String> inputs = new LinkedHashMap<>();
        c.inputs().forEach((k, p) -> {
            if (p != null && Files.isRegularFile(p)) {
                inputs.put(p.toString(), Checksums.sha256(p));
            }
        });
        Summary full = new Summary(s.cost(), s.serviceLevel(), s.lateContacts(), s.training(), s.remoteShare(),
                s.onDemandHours(), s.paidHours(), s.hardViolations(), s.uncoveredIntervals(), s.lowerBound(),
                s.solver(), inputs, c.previous() == null ? null : c.previous().toString(), Version.get(), s.agents(),
                s.deferred(), s.preferences(), s.fairness());
        ObjectNode tree = SummaryJson.toTree(full);
        // why the solver stopped: only a "wall-clock safety net" stop may differ between two runs with the same seed
        if (tree.get("solver") instanceof ObjectNode solver && c.outcome().terminatedBy() != null) {
            solver.put("terminated_by", c.outcome().terminatedBy());
        }
        // each input by its role, as an absolute path: wfm timeoff check and swap check find the run's inputs here
        ObjectNode files = tree.putObject("input_files");
        c.inputs().forEach((role, p) -> {
            if (p != null && Files.isRegularFile(p)) {
                files.put(role, p.toAbsolutePath().normalize().toString());
            }
        });
        tree.put("published_days_changed", c.outcome().publishedDaysChanged());
        tree.set("published_changes", SummaryJson.MAPPER.valueToTree(c.outcome().publishedChanges()));
        tree.set("input_conflicts", SummaryJson.MAPPER.valueToTree(c.outcome().conflicts()));
        if (c.forecast() != null) {
            ObjectNode f = tree.putObject("forecast");
            // sorted: the result's maps are unordered, and the same run must give the same bytes
            new TreeMap<>(c.forecast().methodByChannel()).forEach((ch, m) -> {
                ObjectNode n = f.putObject(ch);
                n.put("method", m);
                n.put("reason", c.forecast().reasonByChannel().getOrDefault(ch, ""));
            });
        }
        if (c.options() != null && !c.options().isEmpty()) {
            tree.set("options", SummaryJson.MAPPER.valueToTree(c.options()));
        }
        // from the coverage rows alone, as the end summary and the Daily sheet compute it (coverage.csv gives it back)
        tree.set("rollup", SummaryJson.rollup(CoverageRollup.of(c.outcome().coverage())));
        return tree;
    }
}
