package org.wfm.cli.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.service.InputFiles;
import org.wfm.cli.service.SimulationRun;

/** {@code wfm simulate}: discrete-event check of a schedule's service level. */
@ShellComponent
public class SimulateCommand {

    @ShellMethod(key = "simulate", value = "Discrete-event simulation of a schedule (abandonment, multi-skill routing, absence); writes simulation.csv into the run folder.")
    public String simulate(
            @ShellOption(help = "run folder with schedule.csv (and summary.json), or the run folder of a plan with units (every unit, or --unit)", valueProvider = FileValueProvider.class) String schedule,
            @ShellOption(help = "forecast.csv or requirements.csv: the demand to replay; default the run's requirements within its horizon", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String forecast,
            @ShellOption(help = "channels.yaml; default the run's (summary.json input_files)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "agents.csv; default the run's (summary.json input_files)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String agents,
            @ShellOption(help = "independent replications (1-1000)", defaultValue = "10") int replications,
            @ShellOption(help = "random seed (with units: each unit's seed is derived from it and the unit's name)", defaultValue = "1") long seed,
            @ShellOption(help = "overwrite an existing simulation.csv", defaultValue = "false") boolean force,
            @ShellOption(help = "with a run folder of a plan with units: simulate this unit only", defaultValue = ShellOption.NULL) String unit) {
        Options.inRange(replications, 1, 1000, "--replications");
        Path dir = InputFiles.requireDir(Path.of(schedule), "--schedule");
        if (org.wfm.cli.export.RunFolder.hasUnits(dir)) {
            return units(dir, unit, forecast, channels, agents, replications, seed, force);
        }
        if (unit != null) {
            throw org.wfm.cli.WfmException.usage("--unit: " + dir + " is not the run folder of a plan with units"
                    + " (it has no units/ folder)");
        }
        SimulationRun.Outcome o = SimulationRun.run(dir, Options.path(forecast), Options.path(channels),
                Options.path(agents), replications, seed, force, Console::progress);
        Console.endProgress();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Simulation, %d replications (seed %d) -> %s%n", replications, seed, dir.resolve("simulation.csv")));
        channelLines(sb, o, "  ");
        return sb.toString().stripTrailing();
    }

    private static String units(Path dir, String unit, String forecast, String channels, String agents,
                                int replications, long seed, boolean force) {
        List<SimulationRun.UnitOutcome> done = SimulationRun.runUnits(dir, unit, Options.path(forecast),
                Options.path(channels), Options.path(agents), replications, seed, force, Console::progress);
        Console.endProgress();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Simulation of %d unit%s, %d replications (unit seeds from seed %d)%n", done.size(),
                done.size() == 1 ? "" : "s", replications, seed));
        for (SimulationRun.UnitOutcome u : done) {
            sb.append(String.format(Locale.ROOT, "  unit %s (seed %d) -> %s%n", u.unit(), u.seed(),
                    u.dir().resolve("simulation.csv")));
            channelLines(sb, u.outcome(), "    ");
        }
        SimulationRun.Totals t = SimulationRun.totals(done);
        sb.append(String.format(Locale.ROOT, "  all units: %.1f contacts offered, %.1f answered within target (%s),"
                + " %.1f abandoned (%s): the sums of the units' simulation.csv%n", t.offered(), t.answeredInTarget(),
                percent(t.serviceLevel()), t.abandoned(), percent(t.abandonment())));
        return sb.toString().stripTrailing();
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static void channelLines(StringBuilder sb, SimulationRun.Outcome o, String indent) {
        o.result().byChannel().forEach((ch, c) -> sb.append(String.format(Locale.ROOT,
                "%s%-8s service level %5.1f%% ± %.1f (planned %s), abandonment %.1f%%, ASA %.0f s%n", indent, ch,
                100 * c.serviceLevel(), 100 * (Double.isNaN(c.serviceLevelCi95()) ? 0 : c.serviceLevelCi95()),
                o.planned().containsKey(ch) ? String.format(Locale.ROOT, "%.1f%%", 100 * o.planned().get(ch)) : "-",
                100 * c.abandonment(), c.asaSeconds())));
        if (!o.gaps().isEmpty()) {
            sb.append(indent).append("where the simulation falls furthest below the plan:\n");
            o.gaps().forEach(g -> sb.append(String.format(Locale.ROOT, "%s  %s %-6s simulated %5.1f%% vs planned %5.1f%%%n",
                    indent, g.row().intervalStart(), g.row().channel(), 100 * g.row().serviceLevel(),
                    100 * g.reference())));
        }
    }
}
