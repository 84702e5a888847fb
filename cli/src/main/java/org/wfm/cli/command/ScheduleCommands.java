package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.ExitCodes;
import org.wfm.cli.WfmException;
import org.wfm.cli.export.WorkbookExporter;
import org.wfm.cli.io.Durations;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.service.InputFiles;
import org.wfm.cli.service.Pipeline;
import org.wfm.cli.service.Report;
import org.wfm.cli.service.RunFolder;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.ScheduleOutcome;
import org.wfm.scheduler.staffing.Requirement;

/** {@code wfm schedule} and {@code wfm export}. */
@ShellComponent
public class ScheduleCommands {

    @ShellMethod(key = "schedule", value = "Build named agents' schedules with the constraint solver; writes schedule.csv, coverage.csv, summary.json.")
    public String schedule(
            @ShellOption(help = "requirements.csv from wfm requirements", valueProvider = FileValueProvider.class) String requirements,
            @ShellOption(help = "channels.yaml", valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "agents.csv", valueProvider = FileValueProvider.class) String agents,
            @ShellOption(help = "rules.yaml", valueProvider = FileValueProvider.class) String rules,
            @ShellOption(help = "run folder to write", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "timeoff.csv; default timeoff.csv beside agents.csv when present", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String timeoff,
            @ShellOption(value = "--time-limit", help = "longest solver run: 90s, 2m, PT2M or plain seconds; it stops sooner when a third of it (at least 10 s) brings no better schedule", defaultValue = "60s") String timeLimit,
            @ShellOption(help = "random seed (same inputs and seed give the same schedule)", defaultValue = "1") long seed,
            @ShellOption(help = "exit 4 if hard constraints remain violated or an interval is short", defaultValue = "false") boolean strict,
            @ShellOption(help = "published run folder: its days move only where it pays a lot", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String previous,
            @ShellOption(help = "overwrite an existing run folder", defaultValue = "false") boolean force,
            @ShellOption(value = "--verify-by-simulation", help = "re-check the schedule by simulation and list intervals more than 5 points under target", defaultValue = "false") boolean verify,
            @ShellOption(value = "--no-bound", help = "skip the lower-bound certificate after the solve (lower_bound null; same schedule, sooner)", defaultValue = "false") boolean noBound,
            @ShellOption(help = "preferences.csv: agents' preferred and avoided times and days off, honoured as priced soft constraints", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String preferences) {
        Duration limit = duration(timeLimit);
        Path outDir = Path.of(out);
        // the place, the lock and an existing folder are checked before the solve, not after it
        try (AtomicOutput.Claim claim = AtomicOutput.claim(outDir, AtomicOutput.Kind.FOLDER, force, "--out")) {
            return schedule(claim, requirements, channels, agents, rules, timeoff, limit, seed, strict, previous,
                    verify, noBound, preferences);
        }
    }

    private String schedule(AtomicOutput.Claim claim, String requirements, String channels, String agents,
                            String rules, String timeoff, Duration limit, long seed, boolean strict, String previous,
                            boolean verify, boolean noBound, String preferences) {
        Path outDir = claim.target();
        Pipeline.ScheduleInputs in = Pipeline.scheduleInputs(Path.of(channels), Path.of(agents), Path.of(rules),
                Options.path(timeoff));
        Path reqPath = InputFiles.requireFile(Path.of(requirements), "--requirements");
        List<String> notes = new ArrayList<>();
        List<Requirement> all = OutputReaders.readRequirements(reqPath, in.channels(), channels);
        Pipeline.requireOverlap(all, in.rules(), Path.of(rules), reqPath);
        List<Requirement> reqs = Pipeline.inHorizon(all, in.rules(), notes);
        Pipeline.checkSkills(in, reqs, requirements, agents, Console::warning);
        Path prevDir = Options.path(previous);
        List<ScheduleRow> prev = Pipeline.previous(prevDir);
        ScheduleInput input = Pipeline.withCarried(Pipeline.withPreferences(Pipeline.scheduleInput(in, reqs, prev), in,
                Options.path(preferences)), in, prevDir);
        ScheduleOutcome outcome;
        org.wfm.scheduler.simulation.SimulationResult simulation = null;
        // SIGTERM while solving or writing: the run ends with the best schedule so far, written whole.
        try (org.wfm.cli.service.GracefulStop stop = org.wfm.cli.service.GracefulStop.open()) {
            org.wfm.scheduler.solver.SolveOptions solveOptions = new org.wfm.scheduler.solver.SolveOptions(limit, seed)
                    .calibratedFor(input);
            outcome = Pipeline.solve(input, noBound ? solveOptions.withoutBound() : solveOptions,
                    p -> Console.progress(org.wfm.cli.service.PipelineRun.solverLine(p, limit)));
            Console.endProgress();
            Map<String, Path> inputs = new LinkedHashMap<>();
            inputs.put("requirements", reqPath);
            inputs.putAll(in.files());
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("time_limit_seconds", limit.toSeconds());
            options.put("seed", seed);
            options.put("strict", strict);
            if (noBound) {
                options.put("bound", false);
            }
            if (verify) {
                simulation = org.wfm.cli.service.SimulationRun.simulate(outcome.rows(), in.agents(), in.channels(),
                        org.wfm.scheduler.simulation.Simulator.demandOf(reqs), VERIFY_REPLICATIONS, seed,
                        Console::progress);
            }
            RunFolder.write(claim, new RunFolder.Contents(null, reqs, outcome, in.agents(), inputs, prevDir,
                    false, options, simulation, in.channels().zone()));
        }
        Console.endProgress();
        String text = String.join("\n", notes.stream().map(n -> "note: " + n).toList());
        text = (text.isEmpty() ? "" : text + "\n") + Report.schedule(outcome, outDir.toString());
        if (simulation != null) {
            text += verification(simulation, in.channels());
        }
        strictCheck(strict, outcome.summary(), text);
        return text;
    }

    @ShellMethod(key = "export", value = "Build plan.xlsx (schedule grid, agents, coverage and forecast charts, KPIs) from a run folder.")
    public String export(
            @ShellOption(help = "run folder written by wfm schedule, demo or plan", valueProvider = FileValueProvider.class) String schedule,
            @ShellOption(help = "workbook to write (.xlsx)", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "overwrite an existing workbook", defaultValue = "false") boolean force,
            @ShellOption(help = "with a run folder of a plan with units: export this unit's workbook only", defaultValue = ShellOption.NULL) String unit) {
        Path dir = InputFiles.requireDir(Path.of(schedule), "--schedule");
        boolean units = org.wfm.cli.export.RunFolder.hasUnits(dir);
        if (units && unit != null) {
            dir = org.wfm.cli.export.RunFolder.unit(dir, unit, "--unit");
        } else if (unit != null) {
            throw WfmException.usage("--unit: " + dir + " is not the run folder of a plan with units (it has no"
                    + " units/ folder)");
        } else if (!units) {
            InputFiles.requireFile(dir.resolve("schedule.csv"), "--schedule");
        }
        Path outPath = Path.of(out);
        if (!outPath.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw WfmException.usage("--out must name an .xlsx file, got " + out);
        }
        try (AtomicOutput.Claim claim = AtomicOutput.claim(outPath, AtomicOutput.Kind.FILE, force, "--out")) {
            if (units && unit == null) {
                List<Path> written = WorkbookExporter.exportAllUnits(dir, claim, force,
                        java.time.Clock.systemDefaultZone());
                return "Wrote " + outPath + " (Overview of " + (written.size() - 1) + " units) and "
                        + written.subList(1, written.size()).stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(", "));
            }
            WorkbookExporter.export(dir, outPath);
        }
        return "Wrote " + outPath;
    }

    /** Replications for --verify-by-simulation: about ±1 point per channel over two weeks. */
    static final int VERIFY_REPLICATIONS = 10;

    static String verification(org.wfm.scheduler.simulation.SimulationResult sim,
                               org.wfm.scheduler.staffing.ChannelPlan plan) {
        var gaps = org.wfm.scheduler.simulation.Simulator.worstGaps(sim.rows(), plan, 0.05, Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%nVerified by simulation (%d replications):", VERIFY_REPLICATIONS));
        // in channels.yaml's order: byChannel is an unordered map (its order changes from one JVM to the next)
        plan.channels().stream().filter(ch -> sim.byChannel().containsKey(ch.name())).forEach(channel -> {
            var c = sim.byChannel().get(channel.name());
            sb.append(String.format(java.util.Locale.ROOT,
                    "%n  %-8s simulated service level %5.1f%% ± %.1f, abandonment %.1f%%", channel.name(),
                    100 * c.serviceLevel(), 100 * (Double.isNaN(c.serviceLevelCi95()) ? 0 : c.serviceLevelCi95()),
                    100 * c.abandonment()));
        });
        if (gaps.isEmpty()) {
            sb.append(String.format("%n  no interval more than 5 points under its target"));
        } else {
            sb.append(String.format(java.util.Locale.ROOT, "%n  %d intervals more than 5 points under target; worst:",
                    gaps.size()));
            gaps.stream().limit(5).forEach(g -> sb.append(String.format(java.util.Locale.ROOT,
                    "%n    %s %-6s simulated %5.1f%% vs target %5.1f%%", g.row().intervalStart(), g.row().channel(),
                    100 * g.row().serviceLevel(), 100 * g.reference())));
        }
        return sb.toString();
    }

    static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw WfmException.usage("--time-limit: " + e.getMessage());
        }
    }

    static void strictCheck(boolean strict, Summary s, String text) {
        if (strict && (!s.hardViolations().isEmpty() || !s.uncoveredIntervals().isEmpty())) {
            Console.line(text);
            throw new WfmException(ExitCodes.STRICT, "--strict: " + s.hardViolations().size()
                    + " hard violations and " + s.uncoveredIntervals().size() + " intervals short remain");
        }
    }
}
