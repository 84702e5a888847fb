package org.wfm.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
            @ShellOption(help = "run folder with schedule.csv (and summary.json)", valueProvider = FileValueProvider.class) String schedule,
            @ShellOption(help = "forecast.csv or requirements.csv: the demand to replay", valueProvider = FileValueProvider.class) String forecast,
            @ShellOption(help = "channels.yaml", valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "agents.csv", valueProvider = FileValueProvider.class) String agents,
            @ShellOption(help = "independent replications (1-1000)", defaultValue = "10") int replications,
            @ShellOption(help = "random seed", defaultValue = "1") long seed,
            @ShellOption(help = "overwrite an existing simulation.csv", defaultValue = "false") boolean force) {
        Options.inRange(replications, 1, 1000, "--replications");
        Path dir = InputFiles.requireDir(Path.of(schedule), "--schedule");
        SimulationRun.Outcome o = SimulationRun.run(dir, Path.of(forecast), Path.of(channels), Path.of(agents),
                replications, seed, force, Console::progress);
        Console.endProgress();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Simulation, %d replications (seed %d) -> %s%n", replications, seed, dir.resolve("simulation.csv")));
        o.result().byChannel().forEach((ch, c) -> sb.append(String.format(Locale.ROOT,
                "  %-8s service level %5.1f%% ± %.1f (planned %s), abandonment %.1f%%, ASA %.0f s%n", ch,
                100 * c.serviceLevel(), 100 * (Double.isNaN(c.serviceLevelCi95()) ? 0 : c.serviceLevelCi95()),
                o.planned().containsKey(ch) ? String.format(Locale.ROOT, "%.1f%%", 100 * o.planned().get(ch)) : "-",
                100 * c.abandonment(), c.asaSeconds())));
        if (!o.gaps().isEmpty()) {
            sb.append("  where the simulation falls furthest below the plan:\n");
            o.gaps().forEach(g -> sb.append(String.format(Locale.ROOT, "    %s %-6s simulated %5.1f%% vs planned %5.1f%%%n",
                    g.row().intervalStart(), g.row().channel(), 100 * g.row().serviceLevel(), 100 * g.reference())));
        }
        return sb.toString().stripTrailing();
    }
}
