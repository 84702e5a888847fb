package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.wfm.forecast.ForecastOverride;
import org.wfm.forecast.io.Plausible;

/**
 * Reads overrides.csv ({@code channel,start,end,factor,volume,reason}): planners' changes to the forecast (see
 * {@link org.wfm.forecast.Overrides}). A row gives a {@code factor} or a {@code volume}, not both; the header needs at
 * least one of the two columns. {@code start} and {@code end} are a date ({@code 2026-12-24}) or a local date and
 * time ({@code 2026-12-24T09:00} or {@code 2026-12-24 09:00}); a date as {@code end} means the end of that day, so
 * {@code 2026-12-24,2026-12-24} is the whole of Christmas Eve, while a time as {@code end} is exclusive. The
 * {@code reason} is required: it is printed beside the forecast. Channels are matched by the one channel-name rule
 * ({@link ChannelNames}); two rows of one channel whose periods overlap are an error naming both lines.
 */
public final class OverridesReader {
    static final List<String> COLUMNS = List.of("channel", "start", "end", "factor", "volume", "reason");
    static final Set<String> OPTIONAL = Set.of("factor", "volume");

    private OverridesReader() {
    }

    /**
     * @param channels the channels the overrides may name (the history's, or channels.yaml's)
     * @param channelsLabel where those channels come from, for "channel `x` is not in ..." messages
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static List<ForecastOverride> read(Path file, Collection<String> channels, String channelsLabel,
                                              Notes notes) {
        CsvTable table = CsvTable.read(file, COLUMNS, OPTIONAL, notes);
        if (!table.hasColumn("factor") && !table.hasColumn("volume")) {
            table.problems().add(1, "factor", "the header has neither factor nor volume (give one of them, or both"
                    + " with one filled per row)");
            table.problems().throwIfAny();
        }
        ChannelNames names = new ChannelNames(channels, channelsLabel);
        List<ForecastOverride> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int before = row.problemCount();
            String written = row.get("channel");
            String channel = names.resolve(written, row.line()).orElse(null);
            if (channel == null) {
                row.problem("channel", names.notInChannels(written, 1));
            }
            LocalDateTime start = row.parse("start", s -> moment(s, false));
            LocalDateTime end = row.parse("end", s -> moment(s, true));
            if (start != null && end != null && !end.isAfter(start)) {
                row.problem("end", end + " is not after start " + start
                        + " (a date as end means the end of that day)");
            }
            String factorText = row.get("factor");
            String volumeText = row.get("volume");
            double factor = Double.NaN;
            double volume = Double.NaN;
            if (factorText.isEmpty() == volumeText.isEmpty()) {
                row.problem(table.hasColumn("factor") ? "factor" : "volume", factorText.isEmpty()
                        ? "neither factor nor volume is given (expected one of them)"
                        : "both factor and volume are given (expected one of them)");
            } else if (!factorText.isEmpty()) {
                Double f = row.parse("factor", s -> Values.number(s, Range.of(Plausible.OVERRIDE_FACTOR)));
                factor = f == null ? Double.NaN : f;
            } else {
                Double v = row.parse("volume", s -> Values.number(s, Range.of(Plausible.PERIOD_VOLUME)));
                volume = v == null ? Double.NaN : v;
            }
            String reason = row.get("reason");
            if (reason.isEmpty()) {
                row.problem("reason", "is empty (say why, e.g. `mailing on the 21st`: it is printed with the forecast)");
            }
            if (row.problemCount() > before) {
                continue;
            }
            ForecastOverride o = new ForecastOverride(channel, start, end, factor, volume, reason, row.line());
            for (ForecastOverride earlier : out) {
                if (earlier.channel().equals(channel) && earlier.start().isBefore(end)
                        && start.isBefore(earlier.end())) {
                    row.problem("start", "overlaps line " + earlier.line() + " (" + channel + " " + earlier.start()
                            + " to " + earlier.end() + "); one override per channel and period");
                }
            }
            if (row.problemCount() == before) {
                out.add(o);
            }
        }
        table.problems().throwIfAny();
        return List.copyOf(out);
    }

    /** A date (its start, or for an end the start of the next day) or a local date and time. */
    static LocalDateTime moment(String s, boolean end) throws BadValue {
        String t = s.trim();
        if (t.length() == 10) {
            LocalDate d = Values.date(t);
            return end ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new BadValue(Values.quote(s) + " is not a date or a date and time (expected 2026-12-24 or"
                    + " 2026-12-24T09:00)");
        }
        String problem = Plausible.dateProblem(at.toLocalDate());
        if (problem != null) {
            throw new BadValue(problem);
        }
        return at;
    }
}
