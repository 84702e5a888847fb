package org.wfm.cli.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.commons.csv.CSVRecord;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.CoverageRollup;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * A run folder read back from its files (formats in CONTRACT.md, Outputs). Extra columns are ignored; summary.json
 * is kept as a tree so that keys added later, or missing in older runs, do not break the export.
 *
 * @param names agent id to display name (schedule.csv's extra {@code name} column, else summary.json's agents,
 *              else the id itself)
 * @param intervalMinutes grid step: the smallest gap between consecutive coverage intervals of a channel,
 *                        15 when coverage.csv cannot tell
 */
record RunFolder(Path dir, List<ForecastPoint> forecast, List<Peak> peaks, List<ScheduleRow> schedule,
                 Map<String, String> names, List<CoverageRow> coverage, List<SimulationRow> simulation,
                 JsonNode summary, int intervalMinutes) {

    /** One row of simulation.csv (means over replications). */
    record SimulationRow(LocalDateTime intervalStart, String channel, double offered, double answeredInTarget,
                         double abandoned, double serviceLevel, double serviceLevelCi95, double asaSeconds,
                         double occupancy) {
    }

    static final String FORECAST = "forecast.csv";
    static final String PEAKS = "peaks.csv";
    static final String SCHEDULE = "schedule.csv";
    static final String COVERAGE = "coverage.csv";
    static final String SIMULATION = "simulation.csv";
    static final String SUMMARY = "summary.json";

    static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "run folder not found");
        }
        List<ScheduleRow> schedule = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        readSchedule(dir.resolve(SCHEDULE), schedule, names);
        JsonNode summary = readSummary(dir.resolve(SUMMARY));
        for (JsonNode agent : summary.path("agents")) {
            String id = agent.path("agent_id").asText("");
            String name = agent.path("name").asText("");
            if (!id.isEmpty() && !name.isEmpty()) {
                names.putIfAbsent(id, name);
            }
        }
        List<CoverageRow> coverage = readCoverage(dir.resolve(COVERAGE));
        Path simulation = dir.resolve(SIMULATION);
        // a folder from wfm schedule has no forecast: its Forecast sheet and chart are then left out
        Path forecast = dir.resolve(FORECAST);
        Path peaks = dir.resolve(PEAKS);
        return new RunFolder(dir, Files.exists(forecast) ? readForecast(forecast) : List.of(),
                Files.exists(peaks) ? readPeaks(peaks) : List.of(), schedule,
                names, coverage, Files.exists(simulation) ? readSimulation(simulation) : List.of(), summary,
                intervalMinutes(coverage));
    }

    /** Display name of an agent. */
    String name(String agentId) {
        String n = names.get(agentId);
        return n == null || n.isBlank() ? agentId : n;
    }

    /** Channels in a stable order: as first met in coverage, then forecast, then schedule. */
    List<String> channels() {
        LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
        coverage.forEach(c -> seen.putIfAbsent(c.channel(), true));
        forecast.forEach(f -> seen.putIfAbsent(f.channel(), true));
        schedule.stream().filter(s -> s.channel() != null && !s.channel().isEmpty())
                .forEach(s -> seen.putIfAbsent(s.channel(), true));
        return List.copyOf(seen.keySet());
    }

    /**
     * Whether a channel is deferred (email, back office): summary.json's {@code service_level} lists the channels
     * with a service-level target, the immediate and concurrent ones; a channel with coverage but not listed there is
     * deferred. False when the summary lists none (then it cannot tell).
     */
    boolean deferred(String channel) {
        JsonNode sl = summary.path("service_level");
        return sl.isObject() && sl.size() > 0 && !sl.has(channel);
    }

    /** The channel's name for chart titles and legends, marking a deferred channel. */
    String label(String channel) {
        return deferred(channel) ? channel + " (deferred)" : channel;
    }

    /** First and last day shown: coverage's horizon widened to every scheduled block. */
    LocalDate[] horizon() {
        TreeSet<LocalDate> days = new TreeSet<>();
        coverage.forEach(c -> days.add(c.intervalStart().toLocalDate()));
        for (ScheduleRow s : schedule) {
            days.add(s.start().toLocalDate());
            days.add(s.end().minusNanos(1).toLocalDate());
        }
        if (days.isEmpty()) {
            forecast.forEach(f -> days.add(f.intervalStart().toLocalDate()));
        }
        if (days.isEmpty()) {
            return null;
        }
        return new LocalDate[] {days.first(), days.last()};
    }

    private static void readSchedule(Path file, List<ScheduleRow> out, Map<String, String> names) {
        CsvTable t = CsvTable.read(file, "agent_id", "date", "start", "end", "activity", "channel", "location");
        for (CSVRecord r : t.records()) {
            String agent = t.text(r, "agent_id");
            LocalDate date = t.date(r, "date");
            LocalTime start = t.time(r, "start");
            LocalTime end = t.time(r, "end");
            Activity activity = activity(t, r);
            if (agent.isEmpty()) {
                t.problems.add(CsvTable.line(r), "agent_id", "empty (expected an agent id)");
            }
            if (date == null || start == null || end == null || activity == null || agent.isEmpty()) {
                continue;
            }
            // The contract: an end earlier than the start is the next day; the date is the shift's start day,
            // so a block starting after midnight of an overnight shift also belongs to the next calendar day.
            LocalDateTime from = date.atTime(start);
            if (!out.isEmpty()) {
                ScheduleRow prev = out.get(out.size() - 1);
                if (prev.agentId().equals(agent) && prev.date().equals(date) && from.isBefore(prev.start())) {
                    from = from.plusDays(1);
                }
            }
            LocalDateTime to = from.toLocalDate().atTime(end);
            if (!to.isAfter(from)) {
                to = to.plusDays(1);
            }
            out.add(new ScheduleRow(agent, date, from, to, activity, t.text(r, "channel"), t.text(r, "location")));
            if (t.has("name") && !t.text(r, "name").isBlank()) {
                names.putIfAbsent(agent, t.text(r, "name"));
            }
        }
        t.finish(out);
    }

    private static Activity activity(CsvTable t, CSVRecord r) {
        String s = t.text(r, "activity");
        try {
            return Activity.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            t.problems.add(CsvTable.line(r), "activity", "\"" + s + "\" is not one of work, break, lunch, training");
            return null;
        }
    }

    private static List<ForecastPoint> readForecast(Path file) {
        CsvTable t = CsvTable.read(file, "interval_start", "channel", "volume", "volume_lower", "volume_upper",
                "aht_seconds");
        List<ForecastPoint> out = new ArrayList<>();
        for (CSVRecord r : t.records()) {
            LocalDateTime at = t.dateTime(r, "interval_start");
            if (at != null) {
                out.add(new ForecastPoint(at, t.text(r, "channel"), t.number(r, "volume"),
                        t.number(r, "volume_lower"), t.number(r, "volume_upper"), t.number(r, "aht_seconds")));
            }
        }
        out.sort(Comparator.comparing(ForecastPoint::intervalStart));
        return t.finish(out);
    }

    private static List<Peak> readPeaks(Path file) {
        CsvTable t = CsvTable.read(file, "channel", "kind", "start", "end", "mean_volume", "ratio_to_average");
        List<Peak> out = new ArrayList<>();
        for (CSVRecord r : t.records()) {
            LocalDateTime start = t.dateTime(r, "start");
            LocalDateTime end = t.dateTime(r, "end");
            if (start != null && end != null) {
                out.add(new Peak(t.text(r, "channel"), t.text(r, "kind").toLowerCase(Locale.ROOT), start, end,
                        t.number(r, "mean_volume"), t.number(r, "ratio_to_average")));
            }
        }
        return t.finish(out);
    }

    private static List<CoverageRow> readCoverage(Path file) {
        CsvTable t = CsvTable.read(file, "interval_start", "channel", "forecast_volume", "required", "scheduled",
                "service_level", "occupancy");
        List<CoverageRow> out = new ArrayList<>();
        for (CSVRecord r : t.records()) {
            LocalDateTime at = t.dateTime(r, "interval_start");
            if (at != null) {
                out.add(new CoverageRow(at, t.text(r, "channel"), t.number(r, "forecast_volume"),
                        t.number(r, "required"), t.number(r, "scheduled"), t.number(r, "service_level"),
                        t.number(r, "occupancy")));
            }
        }
        out.sort(Comparator.comparing(CoverageRow::intervalStart));
        return t.finish(out);
    }

    private static List<SimulationRow> readSimulation(Path file) {
        CsvTable t = CsvTable.read(file, "interval_start", "channel", "offered", "answered_in_target", "abandoned",
                "service_level", "service_level_ci95", "asa_seconds", "occupancy");
        List<SimulationRow> out = new ArrayList<>();
        for (CSVRecord r : t.records()) {
            LocalDateTime at = t.dateTime(r, "interval_start");
            if (at != null) {
                out.add(new SimulationRow(at, t.text(r, "channel"), t.number(r, "offered"),
                        t.number(r, "answered_in_target"), t.number(r, "abandoned"), t.number(r, "service_level"),
                        t.number(r, "service_level_ci95"), t.number(r, "asa_seconds"), t.number(r, "occupancy")));
            }
        }
        return t.finish(out);
    }

    private static JsonNode readSummary(Path file) {
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            return node == null ? MissingNode.getInstance() : node;
        } catch (NoSuchFileException e) {
            throw new InputException(SUMMARY, 0, null, "file not found: " + file);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(SUMMARY, line, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new InputException(SUMMARY, 0, null, "file not found: " + file);
            }
            throw new InputException(SUMMARY, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private static int intervalMinutes(List<CoverageRow> coverage) {
        // the roll-up's reading, so that the Daily sheet and summary.json agree
        return CoverageRollup.intervalMinutes(coverage);
    }
}
