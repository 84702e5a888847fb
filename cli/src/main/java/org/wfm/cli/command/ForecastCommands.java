package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.WfmException;
import org.wfm.cli.io.ChannelsReader;
import org.wfm.cli.io.Share;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.service.InputFiles;
import org.wfm.cli.service.Pipeline;
import org.wfm.forecast.Backtest;
import org.wfm.forecast.BacktestRow;
import org.wfm.forecast.ForecastResult;
import org.wfm.forecast.Holiday;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryFormat;
import org.wfm.forecast.history.HistoryReader;

/** {@code wfm forecast} and {@code wfm backtest}. */
@ShellComponent
public class ForecastCommands {

    @ShellMethod(key = "forecast", value = "Forecast every channel of a history file; writes forecast.csv and peaks.csv.")
    public String forecast(
            @ShellOption(help = "history.csv (long or wide) or .xlsx: interval_start,channel,volume[,aht_seconds]", valueProvider = FileValueProvider.class) String history,
            @ShellOption(value = "--horizon-days", help = "days to forecast, 1 or more") int horizonDays,
            @ShellOption(help = "forecast.csv to write", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "first day (YYYY-MM-DD); default the day after the history's last date", defaultValue = ShellOption.NULL) String start,
            @ShellOption(help = "holidays.csv: date,name[,effect]", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String holidays,
            @ShellOption(value = "--holidays-country", help = "public holidays from the holiday library, e.g. GB or GB-eng (holidays.csv wins on the same date)", defaultValue = ShellOption.NULL) String holidaysCountry,
            @ShellOption(help = "auto (pick per channel by backtest) or a method name", defaultValue = "auto",
                    valueProvider = MethodValues.class) String method,
            @ShellOption(value = "--level", help = "prediction interval level: 80, 80% or 0.8 (50% to 99.9%)", defaultValue = "80") Share levelShare,
            @ShellOption(help = "peaks.csv to write; default peaks.csv beside --out", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String peaks,
            @ShellOption(help = "time zone of the timestamps, e.g. Europe/London; default the system's", defaultValue = ShellOption.NULL) String timezone,
            @ShellOption(help = COLUMNS_HELP, defaultValue = ShellOption.NULL) String columns,
            @ShellOption(help = CHANNELS_HELP, defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String channels,
            @ShellOption(value = "--keep-outliers", help = "keep outage days and one-off spikes in the fit (by default they are left out and listed)", defaultValue = "false") boolean keepOutliers,
            @ShellOption(help = "overrides.csv: channel,start,end,factor|volume,reason (planned campaigns, closures)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String overrides,
            @ShellOption(help = "overwrite existing outputs", defaultValue = "false") boolean force) {
        Options.positive(horizonDays, "--horizon-days");
        double level = Options.inRange(levelShare.percent(), 50, 99.9, "--level");
        LocalDate startDate = Options.date(start, "--start");
        checkMethod(method);
        HistoryReader.Options read = readOptions(timezone, channels, columns);
        Path outPath = Path.of(out);
        Path peaksPath = peaks != null ? Path.of(peaks) : outPath.toAbsolutePath().resolveSibling("peaks.csv");
        if (outPath.toAbsolutePath().normalize().equals(peaksPath.toAbsolutePath().normalize())) {
            throw WfmException.usage("--peaks names the same file as --out (" + out + "); give another file");
        }
        try (AtomicOutput.Claim fc = AtomicOutput.claim(outPath, AtomicOutput.Kind.FILE, force, "--out");
             AtomicOutput.Claim pk = AtomicOutput.claim(peaksPath, AtomicOutput.Kind.FILE, force,
                     peaks != null ? "--peaks" : "--out (peaks.csv beside it)")) {
            return forecast(fc, pk, history, horizonDays, startDate, holidays, holidaysCountry, method, level, read,
                    keepOutliers, Options.path(overrides));
        }
    }

    private String forecast(AtomicOutput.Claim fc, AtomicOutput.Claim pk, String history, int horizonDays,
                            LocalDate startDate, String holidays, String holidaysCountry, String method, double level,
                            HistoryReader.Options read, boolean keepOutliers, Path overridesFile) {
        Path outPath = fc.target();
        Path peaksPath = pk.target();
        HistoryReader.Result hr = history(Path.of(history), read);
        History h = hr.history();
        List<Holiday> hol = holidays(h, Options.path(holidays), holidaysCountry, horizonDays);
        // read before the forecast: a mistake in it is found at once, not after the backtests
        var overrides = Pipeline.overrides(overridesFile, h.channels().keySet(), Path.of(history).getFileName()
                .toString());
        ForecastResult statistical = Pipeline.forecast(h, startDate, horizonDays, hol, method, level, keepOutliers,
                Console::progress);
        var overridden = Pipeline.applyOverrides(statistical, overrides, h.intervalMinutes(), overridesFile);
        ForecastResult r = overridden.forecast();
        Path tmpF = fc.temporary();
        Path tmpP = pk.temporary();
        try {
            CsvFiles.writeForecast(tmpF, r.points());
            CsvFiles.writePeaks(tmpP, r.peaks());
            // both or neither: a kill between the two renames is finished by the next claim of --out
            fc.commitAll(List.of(new AtomicOutput.Move(tmpF, outPath), new AtomicOutput.Move(tmpP, peaksPath)));
        } catch (RuntimeException | Error e) {
            AtomicOutput.discard(tmpF);
            AtomicOutput.discard(tmpP);
            throw e;
        }
        Console.endProgress();
        StringBuilder sb = new StringBuilder();
        if (hr.dialect() != null) {
            sb.append(hr.dialect()).append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "Forecast of %d channels, %d days: %d intervals%n",
                r.methodByChannel().size(), horizonDays, r.points().size()));
        r.methodByChannel().forEach((ch, m) -> sb.append(String.format(Locale.ROOT, "  %-8s %-22s %s%n", ch, m,
                r.reasonByChannel().getOrDefault(ch, ""))));
        sb.append(org.wfm.cli.service.Report.overrides(overridden.applied()));
        sb.append("Wrote ").append(outPath).append(" and ").append(peaksPath);
        return sb.toString();
    }

    @ShellMethod(key = "backtest", value = "Rolling-origin accuracy of each forecasting method per channel (WAPE, MASE, bias).")
    public String backtest(
            @ShellOption(help = "history.csv or .xlsx", valueProvider = FileValueProvider.class) String history,
            @ShellOption(help = "number of rolling origins (1-52)", defaultValue = "4") int folds,
            @ShellOption(value = "--horizon-days", help = "days ahead forecast at each origin", defaultValue = "14") int horizonDays,
            @ShellOption(help = "holidays.csv: date,name[,effect]", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String holidays,
            @ShellOption(value = "--holidays-country", help = "public holidays from the holiday library, e.g. GB", defaultValue = ShellOption.NULL) String holidaysCountry,
            @ShellOption(help = "time zone of the timestamps; default the system's", defaultValue = ShellOption.NULL) String timezone,
            @ShellOption(help = COLUMNS_HELP, defaultValue = ShellOption.NULL) String columns,
            @ShellOption(help = CHANNELS_HELP, defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String channels) {
        Options.inRange(folds, 1, 52, "--folds");
        Options.positive(horizonDays, "--horizon-days");
        HistoryReader.Result hr = history(Path.of(history), readOptions(timezone, channels, columns));
        History h = hr.history();
        List<Holiday> hol = holidays(h, Options.path(holidays), holidaysCountry, horizonDays);
        List<BacktestRow> rows = new Backtest().run(h, folds, horizonDays, hol, Console::progress);
        Console.endProgress();
        int cw = Math.max(8, rows.stream().mapToInt(r -> r.channel().length()).max().orElse(0));
        int mw = Math.max(8, rows.stream().mapToInt(r -> r.method().length()).max().orElse(0));
        String head = "%-" + cw + "s %-" + mw + "s %7s %7s %7s %9s %8s%n";
        String line = "%-" + cw + "s %-" + mw + "s %7.2f %7.3f %7.2f %9.1f %8.2f%n";
        StringBuilder sb = new StringBuilder(hr.dialect() == null ? "" : hr.dialect() + System.lineSeparator());
        sb.append(String.format(Locale.ROOT, head, "channel", "method", "WAPE%", "MASE",
                "bias%", "coverage%", "seconds"));
        for (BacktestRow r : rows) {
            sb.append(String.format(Locale.ROOT, line, r.channel(), r.method(), 100 * r.wape(), r.mase(),
                    100 * r.bias(), 100 * r.intervalCoverage(), r.seconds()));
        }
        return sb.toString().stripTrailing();
    }

    static final String COLUMNS_HELP = "how to read a history that is not interval_start,channel,volume,aht_seconds:"
            + " timestamp=COLUMN (or date=COLUMN,time=COLUMN),channel=,volume=,aht=, separator=comma|semicolon|tab,"
            + " date_format=dd/MM/yyyy|MM/dd/yyyy|yyyy-MM-dd, decimal=dot|comma; common headers need none";
    static final String CHANNELS_HELP = "channels.yaml: the history's time zone is its timezone: (--timezone wins)";

    /**
     * The zone (--timezone, else channels.yaml's timezone:, else the system's, in which case offsets are never
     * shifted) and the column mapping of --columns.
     */
    static HistoryReader.Options readOptions(String timezone, String channels, String columns) {
        HistoryFormat format = HistoryFormat.AUTO;
        if (columns != null) {
            try {
                format = HistoryFormat.parse(columns);
            } catch (IllegalArgumentException e) {
                throw WfmException.usage("--columns \"" + columns + "\": " + e.getMessage());
            }
        }
        if (timezone != null) {
            return new HistoryReader.Options(format, zone(timezone), true, "--columns");
        }
        if (channels != null) {
            ZoneId fromFile = ChannelsReader.read(InputFiles.requireFile(Path.of(channels), "--channels"), null,
                    Pipeline.notes()).zone();
            if (fromFile != null) {
                return new HistoryReader.Options(format, fromFile, true, "--columns");
            }
        }
        return new HistoryReader.Options(format, ZoneId.systemDefault(), false, "--columns");
    }

    /**
     * Reads the history; when no zone was given and intervals collide, says that the timestamps were read in the
     * system's zone (local times of another zone then meet on the same minute).
     */
    static HistoryReader.Result history(Path file, HistoryReader.Options options) {
        try {
            return Pipeline.history(file, options);
        } catch (org.wfm.forecast.io.InputException e) {
            if (!options.zoneGiven() && e.getMessage().contains("duplicate")) {
                java.util.List<org.wfm.forecast.io.InputProblem> problems = new java.util.ArrayList<>();
                problems.add(new org.wfm.forecast.io.InputProblem(String.valueOf(file.getFileName()), 0, null,
                        "timestamps were read in the system's time zone " + options.zone()
                                + "; if they are local times of another zone, give --timezone (e.g. Europe/London)"
                                + " or --channels"));
                problems.addAll(e.problems());
                throw new org.wfm.forecast.io.InputException(problems);
            }
            throw e;
        }
    }

    /** holidays.csv merged with the holiday library's days for the country over the history and horizon. */
    static List<Holiday> holidays(History h, Path file, String country, int horizonDays) {
        List<Holiday> fromFile = Pipeline.holidays(file);
        if (country == null) {
            return fromFile;
        }
        try {
            List<Holiday> lib = org.wfm.forecast.HolidayReader.forCountry(country,
                    org.wfm.forecast.ForecastEngine.firstDate(h),
                    org.wfm.forecast.ForecastEngine.lastDate(h).plusDays(horizonDays + 400L));
            return org.wfm.forecast.HolidayReader.merge(fromFile, lib);
        } catch (IllegalArgumentException e) {
            throw WfmException.usage("--holidays-country \"" + country + "\": " + e.getMessage());
        }
    }

    static void checkMethod(String method) {
        if (!method.equals("auto") && !org.wfm.forecast.ForecastEngine.methodNames().contains(method)) {
            throw WfmException.usage("--method \"" + method + "\" is not known; use auto or one of "
                    + String.join(", ", org.wfm.forecast.ForecastEngine.methodNames()));
        }
    }

    static ZoneId zone(String tz) {
        if (tz == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            throw WfmException.usage("--timezone \"" + tz + "\" is not a time zone, expected e.g. Europe/London");
        }
    }
}
