package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.WfmException;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.service.IntradayRun;
import org.wfm.scheduler.intraday.IntradayReplan;

/** {@code wfm intraday}: reforecast the rest of a published day from its actuals and re-plan it with few changes. */
@ShellComponent
public class IntradayCommand {

    @ShellMethod(key = "intraday", value = "Reforecast the rest of a published day from the actuals so far and re-optimise it with the fewest changes worth their cost; writes a run folder with changes.csv and offers.csv.")
    public String intraday(
            @ShellOption(help = "run folder of wfm plan, demo or schedule (the published schedule)", valueProvider = FileValueProvider.class) String run,
            @ShellOption(help = "the day's intervals so far, in any history format", valueProvider = FileValueProvider.class) String actuals,
            @ShellOption(help = "now, HH:MM: intervals ended by then are seen and the schedule before it is kept") String at,
            @ShellOption(help = "run folder to write", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "the day (YYYY-MM-DD); default the one date of the actuals", defaultValue = ShellOption.NULL) String date,
            @ShellOption(help = "channels.yaml; default the run's, from its summary.json", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "agents.csv; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String agents,
            @ShellOption(help = "rules.yaml; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String rules,
            @ShellOption(help = "timeoff.csv; default the run's when it had one", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String timeoff,
            @ShellOption(help = "history to learn the update's prior from; default the run's when it had one", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String history,
            @ShellOption(help = ForecastCommands.COLUMNS_HELP, defaultValue = ShellOption.NULL) String columns,
            @ShellOption(value = "--change-cost", help = "price of one change an agent must be told of, as replan.change_cost (money; cover mode trades it against late contacts at late_contact_cost)", defaultValue = "7.5") double changeCost,
            @ShellOption(value = "--time-limit", help = "longest solver run: 90s, 2m, PT2M or plain seconds", defaultValue = "10s") String timeLimit,
            @ShellOption(help = "random seed (same inputs and seed give the same changes)", defaultValue = "1") long seed,
            @ShellOption(help = "overwrite an existing run folder", defaultValue = "false") boolean force) {
        LocalTime now = time(at);
        Options.inRange(changeCost, 0, 1e6, "--change-cost");
        Duration limit = ScheduleCommands.duration(timeLimit);
        Path runDir = org.wfm.cli.service.InputFiles.requireDir(Path.of(run), "--run");
        try (AtomicOutput.Claim claim = AtomicOutput.claim(Path.of(out), AtomicOutput.Kind.FOLDER, force, "--out")) {
            IntradayRun.Files files = IntradayRun.files(runDir, Options.path(channels), Options.path(agents),
                    Options.path(rules), Options.path(timeoff), Options.path(history));
            IntradayRun.Request rq = new IntradayRun.Request(runDir, Path.of(actuals), now,
                    Options.date(date, "--date"), files,
                    ForecastCommands.readOptions(null, files.channels().toString(), columns),
                    new IntradayReplan.Settings(changeCost), limit, seed);
            IntradayRun.Outcome o = IntradayRun.run(claim, rq, Console::progress);
            Console.endProgress();
            StringBuilder sb = new StringBuilder();
            o.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
            o.updates().forEach((ch, u) -> sb.append(String.format(Locale.ROOT,
                    "  %-8s %.0f contacts seen against %.0f forecast: rest of the day x%.2f (weight %.2f), AHT x%.2f%n",
                    ch, u.actualSeen(), u.forecastSeen(), u.volumeFactor(), u.weight(), u.ahtFactor())));
            sb.append(String.format(Locale.ROOT, "Intraday %s from %s -> %s (%d offers)%n", o.day(),
                    now.format(DateTimeFormatter.ofPattern("HH:mm")), o.out(), o.replan().offers().size()));
            sb.append(IntradayRun.headline(o.replan()));
            return sb.toString();
        }
    }

    static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim(), DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            throw WfmException.usage("--at \"" + text + "\" is not a time of day, expected HH:MM");
        }
    }
}
