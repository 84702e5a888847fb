package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.cli.io.AgentsReader;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.output.SummaryJson;
import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.simulation.ServiceGap;
import org.wfm.scheduler.simulation.SimulationResult;
import org.wfm.scheduler.simulation.Simulator;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * Replays a run folder's schedule in the simulator, writes simulation.csv beside it and fills the
 * {@code simulated} service levels in its summary.json (both replaced together).
 */
public final class SimulationRun {
    private SimulationRun() {
    }

    public record Outcome(SimulationResult result, Map<String, Double> planned, List<ServiceGap> gaps) {
    }

    public static Outcome run(Path dir, Path demandFile, Path channelsFile, Path agentsFile, int replications,
                              long seed, boolean force, Consumer<String> progress) {
        Path simCsv = dir.resolve("simulation.csv");
        // the run folder is claimed whole: a schedule --force replacing it meanwhile is refused, and a kill between
        // the two renames below is finished by the next claim (both files new)
        try (AtomicOutput.Claim claim = AtomicOutput.claim(dir, AtomicOutput.Kind.FOLDER, true, "--schedule")) {
            AtomicOutput.checkWritable(simCsv, force);
            return run(claim, dir, simCsv, demandFile, channelsFile, agentsFile, replications, seed, progress);
        }
    }

    private static Outcome run(AtomicOutput.Claim claim, Path dir, Path simCsv, Path demandFile, Path channelsFile,
                               Path agentsFile, int replications, long seed, Consumer<String> progress) {
        ChannelPlan plan;
        List<Agent> agents;
        List<ForecastPoint> demand;
        org.wfm.cli.export.RunFolder run = org.wfm.cli.export.RunFolder.open(dir, "--schedule");
        if (demandFile == null || channelsFile == null || agentsFile == null) {
            // what the run was planned from: summary.json's input_files, its requirements within its horizon
            RunInputs.Loaded in = RunInputs.load(dir, new RunInputs.Overrides(channelsFile, agentsFile, null, null),
                    "--schedule");
            plan = in.files().channels();
            agents = in.files().agents();
            demand = demandFile == null ? Simulator.demandOf(in.input().requirements())
                    : OutputReaders.readDemand(InputFiles.requireFile(demandFile, "--forecast"), plan,
                    in.files().files().getOrDefault("channels", dir).toString());
        } else {
            plan = Pipeline.channels(channelsFile);
            agents = AgentsReader.read(InputFiles.requireFile(agentsFile, "--agents"), plan, null, Pipeline.notes());
            demand = OutputReaders.readDemand(InputFiles.requireFile(demandFile, "--forecast"), plan,
                    channelsFile.toString());
        }
        List<ScheduleRow> rows = run.schedule();
        checkReferences(rows, agents, plan, dir);
        demand = demand.stream().filter(p -> plan.channel(p.channel()).isPresent()).toList();
        SimulationResult result = simulate(rows, agents, plan, demand, replications, seed, progress);

        Path tmpCsv = AtomicOutput.tempFileFor(simCsv);
        CsvFiles.writeSimulation(tmpCsv, result.rows());
        Map<String, Double> planned = new LinkedHashMap<>();
        Path summaryFile = dir.resolve("summary.json");
        Path tmpSummary = null;
        if (run.hasSummary()) {
            // a figure that could not be computed is null in summary.json (JSON has no NaN): the record has NaN
            run.record().serviceLevel().forEach((ch, level) -> planned.put(ch, level.planned()));
            // a deferred channel's planned figure is its share done within the response window
            if (run.record().deferred() != null) {
                run.record().deferred().forEach((ch, d) -> {
                    if (d.withinWindow() != null) {
                        planned.put(ch, d.withinWindow());
                    }
                });
            }
            ObjectNode summary = run.summaryCopy();
            fillSimulated(summary, result);
            tmpSummary = AtomicOutput.tempFileFor(summaryFile);
            SummaryJson.write(tmpSummary, summary);
        }
        List<ServiceGap> gaps;
        Path coverage = dir.resolve("coverage.csv");
        if (Files.isRegularFile(coverage)) {
            List<CoverageRow> cov = run.coverage();
            gaps = Simulator.worstGapsAgainstPlan(result.rows(), cov, 0.05, 5);
        } else {
            gaps = Simulator.worstGaps(result.rows(), plan, 0.05, 5);
        }
        List<AtomicOutput.Move> moves = new java.util.ArrayList<>();
        moves.add(new AtomicOutput.Move(tmpCsv, simCsv));
        if (tmpSummary != null) {
            moves.add(new AtomicOutput.Move(tmpSummary, summaryFile));
        }
        claim.commitAll(moves);
        return new Outcome(result, planned, gaps);
    }

    /** One unit's simulation in a run folder with units. */
    public record UnitOutcome(String unit, Path dir, long seed, Outcome outcome) {
    }

    /**
     * The sums over the units' simulation.csv rows: contacts offered, answered within target, abandoned (means over
     * the replications, as simulation.csv gives them).
     */
    public record Totals(double offered, double answeredInTarget, double abandoned) {
        public double serviceLevel() {
            return offered > 0 ? answeredInTarget / offered : Double.NaN;
        }

        public double abandonment() {
            return offered > 0 ? abandoned / offered : Double.NaN;
        }
    }

    /**
     * {@code wfm simulate} on a run folder with units ({@code units/<name>/}): every unit, or the one {@code unit}
     * names, simulated as its own run folder ({@link #run}) with the unit seed of {@code seed} and its name
     * ({@link org.wfm.cli.units.UnitSeeds}, as the plan seeds its units). Without {@code unit} the demand, channels
     * and agents are each unit's own (its requirements within its horizon, summary.json's input_files), so the files
     * options must not be given; an unknown unit is an input error listing the units.
     */
    public static List<UnitOutcome> runUnits(Path dir, String unit, Path demandFile, Path channelsFile,
                                             Path agentsFile, int replications, long seed, boolean force,
                                             Consumer<String> progress) {
        List<String> names;
        if (unit != null) {
            org.wfm.cli.export.RunFolder.unit(dir, unit, "--unit");
            names = List.of(unit);
        } else {
            if (demandFile != null || channelsFile != null || agentsFile != null) {
                throw org.wfm.cli.WfmException.usage("--schedule " + dir + " holds units (" + String.join(", ",
                        org.wfm.cli.export.RunFolder.unitNames(dir)) + "), each with its own forecast, channels and"
                        + " agents: give --unit NAME with --forecast, --channels or --agents, or none of them to"
                        + " simulate every unit from its own inputs");
            }
            names = org.wfm.cli.export.RunFolder.unitNames(dir);
        }
        // every unit's folder checked before the first is simulated
        List<Path> dirs = names.stream().map(n -> org.wfm.cli.export.RunFolder.unit(dir, n, "--unit")).toList();
        for (Path d : dirs) {
            AtomicOutput.checkWritable(d.resolve("simulation.csv"), force);
        }
        List<UnitOutcome> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            long unitSeed = org.wfm.cli.units.UnitSeeds.of(seed, name);
            Outcome o = run(dirs.get(i), demandFile, channelsFile, agentsFile, replications, unitSeed, force,
                    line -> progress.accept(name + ": " + line));
            out.add(new UnitOutcome(name, dirs.get(i), unitSeed, o));
        }
        return out;
    }

    /** The all-units figures of {@code units}, read back from the simulation.csv files they wrote. */
    public static Totals totals(List<UnitOutcome> units) {
        double offered = 0;
        double inTarget = 0;
        double abandoned = 0;
        for (UnitOutcome u : units) {
            for (org.wfm.scheduler.simulation.SimulationRow r : org.wfm.cli.export.RunFolder.open(u.dir(),
                    "--schedule").simulation()) {
                offered += r.offered();
                inTarget += r.answeredInTarget();
                abandoned += r.abandoned();
            }
        }
        return new Totals(offered, inTarget, abandoned);
    }

    public static SimulationResult simulate(List<ScheduleRow> rows, List<Agent> agents, ChannelPlan plan,
                                            List<ForecastPoint> demand, int replications, long seed,
                                            Consumer<String> progress) {
        return new Simulator().run(rows, agents, plan, demand, replications, seed, progress);
    }

    /** Writes the simulated service level of each channel with a target into the summary tree. */
    public static void fillSimulated(ObjectNode summary, SimulationResult result) {
        ObjectNode sl = summary.with("service_level");
        // sorted: the result's maps may be unordered, and the same run must give the same bytes
        new java.util.TreeMap<>(result.serviceLevelByChannel()).forEach((ch, v) -> {
            if (sl.has(ch)) {
                ((ObjectNode) sl.get(ch)).put("simulated", org.wfm.cli.output.Numbers.round(v, 4));
            }
        });
        // a deferred channel's simulated share within the window beside its planned one
        if (summary.get("deferred") instanceof ObjectNode deferred) {
            new java.util.TreeMap<>(result.serviceLevelByChannel()).forEach((ch, v) -> {
                if (deferred.get(ch) instanceof ObjectNode d) {
                    d.put("simulated", org.wfm.cli.output.Numbers.round(v, 4));
                }
            });
        }
        ObjectNode sim = summary.putObject("simulation");
        new java.util.TreeMap<>(result.byChannel()).forEach((ch, c) -> {
            ObjectNode n = sim.putObject(ch);
            n.put("service_level", org.wfm.cli.output.Numbers.round(c.serviceLevel(), 4));
            n.put("abandonment", org.wfm.cli.output.Numbers.round(c.abandonment(), 4));
            n.put("asa_seconds", org.wfm.cli.output.Numbers.round(c.asaSeconds(), 1));
            n.put("occupancy", org.wfm.cli.output.Numbers.round(c.occupancy(), 4));
        });
    }

    private static void checkReferences(List<ScheduleRow> rows, List<Agent> agents, ChannelPlan plan, Path dir) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        agents.forEach(a -> ids.add(a.id()));
        int line = 1;
        for (ScheduleRow r : rows) {
            line++;
            if (!ids.contains(r.agentId())) {
                throw new org.wfm.forecast.io.InputException("schedule.csv", line, "agent_id",
                        "\"" + r.agentId() + "\" is not an agent of the --agents file");
            }
            if (r.channel() != null && plan.channel(r.channel()).isEmpty()) {
                throw new org.wfm.forecast.io.InputException("schedule.csv", line, "channel",
                        "\"" + r.channel() + "\" is not a channel of the --channels file");
            }
        }
    }
}
