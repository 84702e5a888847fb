package org.wfm.cli.command;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.service.AdherenceRun;
import org.wfm.cli.service.InputFiles;

/** {@code wfm adherence}: schedule adherence and conformance from agents' logged states. */
@ShellComponent
public class AdherenceCommand {

    @ShellMethod(key = "adherence", value = "Adherence and conformance per agent and day: a run's schedule against an agent-state export (agent_id,start,end,state).")
    public String adherence(
            @ShellOption(help = "run folder with schedule.csv", valueProvider = FileValueProvider.class) String run,
            @ShellOption(help = "agent states: agent_id,start,end,state", valueProvider = FileValueProvider.class) String states,
            @ShellOption(help = "adherence CSV to write", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "also write the stretches out of adherence to this CSV", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String details,
            @ShellOption(help = "overwrite existing outputs", defaultValue = "false") boolean force) {
        Path runDir = InputFiles.requireDir(Path.of(run), "--run");
        AdherenceRun.Outcome o;
        try (AtomicOutput.Claim claim = AtomicOutput.claim(Path.of(out), AtomicOutput.Kind.FILE, force, "--out");
             AtomicOutput.Claim more = details == null ? null
                     : AtomicOutput.claim(Path.of(details), AtomicOutput.Kind.FILE, force, "--details")) {
            o = AdherenceRun.run(runDir, Path.of(states), claim, more);
        }
        if (!o.result().unknownStates().isEmpty()) {
            Console.warning(states + ": states not in the default table, counted as out of adherence and not worked: "
                    + String.join(", ", o.result().unknownStates()));
        }
        if (!o.unscheduledAgents().isEmpty()) {
            Console.warning(states + ": agents with states but no shift in the run, left out: "
                    + String.join(", ", o.unscheduledAgents()));
        }
        return String.format(Locale.ROOT, "Adherence over %d agent-days: adherence %.1f%% (%d of %d scheduled"
                        + " minutes), conformance %.1f%% (%d worked of %d scheduled work minutes), %d stretches out of"
                        + " adherence -> %s", o.result().rows().size(),
                pct(o.adherentMinutes(), o.scheduledMinutes()), o.adherentMinutes(), o.scheduledMinutes(),
                pct(o.workedMinutes(), o.scheduledWorkMinutes()), o.workedMinutes(), o.scheduledWorkMinutes(),
                o.result().exceptions().size(), out + (details == null ? "" : " and " + details));
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
