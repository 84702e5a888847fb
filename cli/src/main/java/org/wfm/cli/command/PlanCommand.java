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
                    defaultValue = "false") boolean force,
            @ShellOption(help = "plans with units: where the units run, local (a thread pool on this machine) or spark "
                    + "(the wfm-spark module on the class path)", defaultValue = "local") String engine,
            @ShellOption(help = "plans with units, local engine: threads for forecast series and unit schedules, 0 for "
                    + "the machine's cores; results do not depend on it", defaultValue = "0") int threads,
            @ShellOption(help = "plans with units, --engine spark: the Spark master URL (default embedded local[*])",
                    defaultValue = ShellOption.NULL) String master,
            @ShellOption(help = "overrides.csv: planners' campaigns and closures on the forecast (replaces plan.yaml's"
                    + " overrides:)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class)
            String overrides) {
        LocalDate runDate = Options.date(date, "--date");
        if (threads < 0 || threads > 1024) {
            throw org.wfm.cli.WfmException.usage("--threads " + threads + " is out of range (expected 1 to 1024)");
        }
        if (master != null && !"spark".equals(engine)) {
            throw org.wfm.cli.WfmException.usage("--master applies to --engine spark");
        }
        var engineOptions = new org.wfm.cli.units.EngineOptions(engine,
                threads == 0 ? org.wfm.cli.units.EngineOptions.defaultThreads() : threads, master);
        PlanRun.Outcome o = PlanRun.run(Path.of(config), runDate, force, Options.path(overrides), engineOptions,
                Console::progress);
        Console.endProgress();
        if (o.units() != null) {
            return String.format(Locale.ROOT, "%s %s: %d units, schedule from %s, previous %s%n",
                    Console.bold("Plan for"), o.runDate(), o.units().units().size(), o.scheduleStart(),
                    o.previous() == null ? "none" : o.previous())
                    + org.wfm.cli.units.UnitsSummary.report(o.units())
                    + String.format(Locale.ROOT, "%nFinished in %.0f s. Files in %s: %s", o.seconds(),
                    o.runDir().toAbsolutePath(), files(o.runDir()));
        }
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
