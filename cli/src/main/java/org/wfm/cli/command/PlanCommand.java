package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.service.PlanRun;
import org.wfm.cli.service.Report;

/** {@code wfm plan}: the nightly batch. */
@ShellComponent
public class PlanCommand {

    @ShellMethod(key = "plan", value = "Nightly batch: forecast, requirements, schedule and export into runs/YYYY-MM-DD/ (locked, idempotent).")
    public String plan(
            @ShellOption(help = "plan.yaml; relative paths in it are relative to the file") String config,
            @ShellOption(help = "run as if on this date (YYYY-MM-DD), ignoring history from that day on", defaultValue = ShellOption.NULL) String date,
            @ShellOption(help = "run the same date again, replacing its folder", defaultValue = "false") boolean force) {
        LocalDate runDate = Options.date(date, "--date");
        long t0 = System.nanoTime();
        PlanRun.Outcome o = PlanRun.run(Path.of(config), runDate, force, Console::progress);
        Console.endProgress();
        return String.format(java.util.Locale.ROOT, "Plan for %s: schedule from %s, previous %s%n",
                o.runDate(), o.scheduleStart(), o.previous() == null ? "none" : o.previous())
                + Report.schedule(o.result().outcome().summary(), o.runDir().toString())
                + String.format(java.util.Locale.ROOT, "%nFinished in %.0f s; files in %s", (System.nanoTime() - t0) / 1e9,
                o.runDir().toAbsolutePath());
    }
}
