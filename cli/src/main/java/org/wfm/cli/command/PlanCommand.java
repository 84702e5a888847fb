package org.wfm.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.service.PlanRun;
import org.wfm.cli.service.Report;

/** {@code wfm plan}: the nightly batch. */
@ShellComponent
public class PlanCommand {

    @ShellMethod(key = "plan", value = "Nightly batch: forecast, requirements, schedule and export into the dated "
            + "run folder runs/YYYY-MM-DD/, with the newest earlier run as the published schedule.")
    public String plan(
            @ShellOption(help = "plan.yaml: input files, forecast and schedule settings, runs folder; relative paths "
                    + "in it are relative to plan.yaml", valueProvider = FileValueProvider.class) String config,
            @ShellOption(help = "run as if on this date, YYYY-MM-DD: names the run folder, is the base of "
                    + "schedule.start (tomorrow, next-monday), and history after it is ignored; default today in "
                    + "the plan's time zone", defaultValue = ShellOption.NULL) String date,
            @ShellOption(help = "run a date that has already run again, replacing its folder (without it: exit 2)",
                    defaultValue = "false") boolean force) {
        LocalDate runDate = Options.date(date, "--date");
        PlanRun.Outcome o = PlanRun.run(Path.of(config), runDate, force, Console::progress);
        Console.endProgress();
        return String.format(Locale.ROOT, "%s %s: schedule from %s, previous %s%n", Console.bold("Plan for"),
                o.runDate(), o.scheduleStart(), o.previous() == null ? "none" : o.previous())
                + Report.schedule(Report.withSimulated(o.result().outcome(), o.runDir()), o.runDir().toString())
                + String.format(Locale.ROOT, "%nFinished in %.0f s. Files in %s: %s", o.seconds(),
                o.runDir().toAbsolutePath(), files(o.runDir()));
    }

    static String files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
