package org.wfm.cli.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.wfm.cli.Console;
import org.wfm.cli.WfmException;
import org.wfm.cli.export.WorkbookExporter;
import org.wfm.cli.io.AgentsReader;
import org.wfm.cli.io.ChannelsReader;
import org.wfm.cli.io.Notes;
import org.wfm.cli.io.PlanConfig;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.OutputLock;
import org.wfm.cli.output.SummaryJson;
import org.wfm.cli.units.EngineOptions;
import org.wfm.cli.units.PlanEngine;
import org.wfm.cli.units.PlanEngines;
import org.wfm.cli.units.UnitMemory;
import org.wfm.cli.units.UnitSeeds;
import org.wfm.cli.units.UnitTask;
import org.wfm.cli.units.UnitsSummary;
import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.Problems;

/**
 * The nightly batch of a plan with {@code units:}: one run folder {@code runs/YYYY-MM-DD/} holding
 * {@code units/<name>/} (each a normal run folder, written by {@link PipelineRun#runInto}), the all-units
 * summary.json ({@link UnitsSummary}), plan.xlsx with its Overview sheet and run.log. The same lock, recovery,
 * atomic rename, runs/latest and keep_runs as a single plan ({@link PlanRun}); each unit's published schedule is its
 * folder in the previous run. The units run on the engine {@code --engine} names ({@link PlanEngines}).
 */
final class UnitsPlanRun {
    private UnitsPlanRun() {
    }

    /**
     * The run dates of a plan with units. {@code date} ({@code --date}) is every unit's and the folder's. Otherwise
     * each unit's run date is today in its own zone (its channels.yaml's {@code timezone:}, else its
     * {@code timezone}), which decides the history it uses and the start of its horizon ({@code next-monday} …);
     * the run folder is named by today in the plan's zone: the top-level channels.yaml's, else plan.yaml's
     * {@code timezone:}, else the first unit's.
     *
     * @param folder the run folder's date
     * @param units  each unit's run date, in plan.yaml order
     */
    record Dates(LocalDate folder, Map<String, LocalDate> units) {
    }

    static Dates dates(PlanConfig cfg, LocalDate date, Clock clock) {
        Map<String, LocalDate> units = new LinkedHashMap<>();
        for (PlanConfig.Unit u : cfg.units()) {
            units.put(u.name(), date != null ? date : LocalDate.now(clock.withZone(PlanRun.zone(u.channels(),
                    u.timezone()))));
        }
        LocalDate folder;
        if (date != null) {
            folder = date;
        } else if (cfg.channels() != null) {
            folder = LocalDate.now(clock.withZone(PlanRun.zone(cfg)));
        } else if (cfg.timezone() != null) {
            folder = LocalDate.now(clock.withZone(cfg.timezone()));
        } else {
            folder = units.values().iterator().next();
        }
        return new Dates(folder, units);
    }

    static PlanRun.Outcome run(PlanConfig cfg, Path configFile, Dates dates, boolean force,
                               EngineOptions engineOptions, Consumer<String> progress, long t0) {
        LocalDate runDate = dates.folder();
        PlanEngine engine = PlanEngines.find(engineOptions.engine());
        checkAgentsDisjoint(cfg.units());
        Path runs = cfg.runs().normalize();
        Path runDir = runs.resolve(runDate.toString());
        try (AtomicOutput.Claim claim = AtomicOutput.claim(runDir, AtomicOutput.Kind.FOLDER, true, "runs:");
             OutputLock lock = OutputLock.acquire(runs.resolve(PlanRun.LOCK), "running a plan in " + runs)) {
            AtomicOutput.recoverAll(runs);
            PlanRun.checkLatest(runs);
            if (Files.exists(runDir) && !force) {
                throw WfmException.usage(runDir + " already exists: the plan for " + runDate
                        + " has run (use --force to run it again)");
            }
            Path previous = cfg.previous() == PlanConfig.Previous.LATEST
                    ? PlanRun.previousRun(runs, runDate).orElse(null) : null;
            LocalDate start = cfg.schedule().start().resolve(runDate);
            PlanRun.RunLog log = new PlanRun.RunLog(progress);
            log.step("wfm plan " + configFile + " for " + runDate + ": " + cfg.units().size() + " units, schedule "
                    + start + " + " + cfg.schedule().days() + " days, previous " + (previous == null ? "none"
                    : previous) + ", engine " + engine.name() + (EngineOptions.LOCAL.equals(engine.name())
                    ? " (" + engineOptions.threads() + " threads)" : engineOptions.master() == null ? ""
                    : " (" + engineOptions.master() + ")") + (force ? " (--force)" : ""));
            Path tmp = claim.temporary();
            try (GracefulStop stop = GracefulStop.open();
                 Console.Copying notes = Console.copyNotesTo(log::text)) {
                Files.createDirectories(tmp.resolve("units"));
                List<UnitTask> tasks = tasks(cfg, configFile, dates, previous, tmp, runDir, log::step);
                engine.run(tasks, engineOptions, log::progress);
                List<String> names = cfg.units().stream().map(PlanConfig.Unit::name).toList();
                UnitsSummary.Totals totals = UnitsSummary.read(tmp, names);
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("method", cfg.forecast().method());
                options.put("level", cfg.forecast().level());
                options.put("time_limit_seconds", cfg.schedule().timeLimit().toSeconds());
                options.put("seed", cfg.schedule().seed());
                options.put("horizon_start", start.toString());
                options.put("horizon_days", cfg.schedule().days());
                com.fasterxml.jackson.databind.node.ObjectNode summary = UnitsSummary.tree(totals, previous,
                        Version.get(), options);
                // each unit's own run date and horizon start (today in its zone, see dates)
                for (int i = 0; i < tasks.size(); i++) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) summary.path("units").get(i))
                            .put("run_date", tasks.get(i).runDate()).put("horizon_start", tasks.get(i).start());
                }
                SummaryJson.write(tmp.resolve("summary.json"), summary);
                log.step("writing plan.xlsx (Overview)");
                WorkbookExporter.exportUnits(tmp, tmp.resolve("plan.xlsx"), Clock.systemDefaultZone(), runDir);
                log.step("run complete in " + Math.round((System.nanoTime() - t0) / 1e9) + " s");
                log.text(UnitsSummary.report(totals));
                Files.writeString(tmp.resolve("run.log"), log.contents());
                claim.commit(tmp);
                PlanRun.updateLatest(runs);
                if (cfg.keepRuns() != null) {
                    PlanRun.retain(runs, runDate, cfg.keepRuns(), log::step);
                }
                return new PlanRun.Outcome(null, runDir, previous, runDate, start,
                        (System.nanoTime() - t0) / 1e9, totals);
            } catch (IOException e) {
                AtomicOutput.discard(tmp);
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                AtomicOutput.discard(tmp);
                throw e;
            }
        }
    }

    /**
     * One task per unit in plan.yaml order: its seed, its folder in the previous run (a unit new since then, or a
     * previous run without units, plans from scratch, with a note) and its memory estimate.
     */
    static List<UnitTask> tasks(PlanConfig cfg, Path configFile, Dates dates, Path previous, Path tmp, Path runDir,
                                Consumer<String> log) {
        List<UnitTask> tasks = new ArrayList<>();
        for (PlanConfig.Unit u : cfg.units()) {
            LocalDate runDate = dates.units().get(u.name());
            LocalDate start = cfg.schedule().start().resolve(runDate);
            long seed = UnitSeeds.of(cfg.schedule().seed(), u.name());
            Path prev = null;
            if (previous != null) {
                Path p = previous.resolve("units").resolve(u.name());
                if (Files.isRegularFile(p.resolve("schedule.csv"))) {
                    prev = p;
                } else {
                    Console.note("unit " + u.name() + ": no folder units/" + u.name() + " in the previous run "
                            + previous + "; planned from scratch");
                }
            }
            ZoneId fallback = u.timezone() != null ? u.timezone() : ZoneId.systemDefault();
            var channels = ChannelsReader.read(u.channels(), fallback, new Notes());
            int interval = channels.intervalMinutes();
            int agents = AgentsReader.ids(u.agents()).size();
            long mb = UnitMemory.estimateMb(agents, cfg.schedule().days(), 1440 / interval);
            log.accept("unit " + u.name() + ": " + agents + " agents, seed " + seed + ", about " + mb + " MB"
                    + (runDate.equals(dates.folder()) ? "" : ", run date " + runDate + " in " + channels.zone()
                    + ", schedule " + start) + (prev == null ? "" : ", previous " + prev));
            tasks.add(new UnitTask(configFile.toAbsolutePath().toString(), u.name(), runDate.toString(),
                    start.toString(), seed, prev == null ? null : prev.toAbsolutePath().toString(),
                    tmp.resolve("units").resolve(u.name()).toAbsolutePath().toString(),
                    runDir.resolve("units").resolve(u.name()).toString(), mb,
                    channels.channels().stream().map(org.wfm.scheduler.staffing.Channel::name).toList()));
        }
        return tasks;
    }

    /**
     * An agent belongs to one unit: an id in two units' agents files (compared as agents.csv compares ids, see
     * {@link Ids#key}) is an input error naming both files and lines. Units sharing one agents file (inherited from
     * the top level) share every agent, which is the same error.
     */
    static void checkAgentsDisjoint(List<PlanConfig.Unit> units) {
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, String> unitOf = new LinkedHashMap<>();
        Problems problems = null;
        for (PlanConfig.Unit u : units) {
            for (AgentsReader.IdLine id : AgentsReader.ids(u.agents())) {
                String key = Ids.key(id.id());
                String here = u.agents() + " line " + id.line();
                String first = where.putIfAbsent(key, here);
                if (first != null && !unitOf.get(key).equals(u.name())) {
                    if (problems == null) {
                        problems = new Problems(u.agents().toString());
                    }
                    problems.add(id.line(), "agent_id", "agent `" + id.id() + "` of unit " + u.name()
                            + " is also in unit " + unitOf.get(key) + " (" + first + "); an agent belongs to one unit"
                            + " (expected each agent_id in one unit's agents file; ids compared ignoring case,"
                            + " width and surrounding spaces)");
                } else {
                    unitOf.putIfAbsent(key, u.name());
                }
            }
            if (problems != null) {
                problems.throwIfAny();
            }
        }
    }
}
