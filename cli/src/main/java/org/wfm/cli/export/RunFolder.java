package org.wfm.cli.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.output.SummaryJson;
import org.wfm.cli.service.InputFiles;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.CoverageRollup;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.simulation.SimulationRow;

/**
 * The one reader of a run folder (formats in docs/runs.md): {@code wfm export}, the charts, {@code wfm simulate},
 * {@code --previous} and {@code wfm plan} read run folders through this class; {@link org.wfm.cli.service.RunFolder}
 * is the one writer. Each file is read when first asked for, with the line-and-column checks of
 * {@link OutputReaders} (the same rules as any other input), and kept. Extra columns are ignored; summary.json is kept
 * as a tree, so that keys added later, or missing in older runs, do not break the export, and is also read back into
 * its {@link Summary} record ({@link #record()}).
 *
 * <p>{@link #names()}: agent id to display name (schedule.csv's extra {@code name} column, else summary.json's
 * agents, else the id itself). {@link #intervalMinutes()}: the grid step, the smallest gap between consecutive
 * coverage intervals of a channel, 15 when coverage.csv cannot tell.
 */
public final class RunFolder {
    public static final String FORECAST = "forecast.csv";
    public static final String PEAKS = "peaks.csv";
    public static final String REQUIREMENTS = "requirements.csv";
    public static final String SCHEDULE = "schedule.csv";
    public static final String COVERAGE = "coverage.csv";
    public static final String SIMULATION = "simulation.csv";
    public static final String SUMMARY = "summary.json";
    /** The folder of the unit run folders in the run folder of a plan with units. */
    public static final String UNITS = "units";
    /** Run-folder files carry local wall-clock times (wfm writes no offsets). */
    private static final ZoneId LOCAL = ZoneOffset.UTC;

    private final Path dir;
    private List<ScheduleRow> schedule;
    private Map<String, String> names;
    private List<CoverageRow> coverage;
    private List<ForecastPoint> forecast;
    private List<Peak> peaks;
    private List<SimulationRow> simulation;
    private ObjectNode summary;
    private Summary record;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The run folder an option names ({@code --schedule}, {@code --previous}): a folder with schedule.csv, else an
     * input error naming the option. Nothing is read yet.
     */
    public static RunFolder open(Path dir, String option) {
        InputFiles.requireDir(dir, option);
        InputFiles.requireFile(dir.resolve(SCHEDULE), option);
        return new RunFolder(dir);
    }

    /**
     * The whole folder as the export shows it: schedule.csv, summary.json and coverage.csv required, forecast.csv,
     * peaks.csv and simulation.csv when present (a folder from wfm schedule has no forecast: its Forecast sheet and
     * chart are then left out). Every file is read now, so a damaged one fails before anything is written.
     */
    static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), 0, null, "run folder not found");
        }
        RunFolder run = new RunFolder(dir);
        run.schedule();
        run.summary();
        run.names();
        run.coverage();
        run.forecast();
        run.peaks();
        run.simulation();
        return run;
    }

    /**
     * A run folder being written whose schedule is {@code schedule} (the rows its schedule.csv holds): the other
     * files are read as {@link #read} does, schedule.csv is not read back (the charts need only its rows; names
     * are then not known).
     */
    static RunFolder written(Path dir, List<ScheduleRow> schedule) {
        RunFolder run = new RunFolder(dir);
        run.schedule = List.copyOf(schedule);
        run.names = Map.of();
        run.summary();
        run.coverage();
        run.forecast();
        run.peaks();
        run.simulation();
        return run;
    }

    /**
     * Whether {@code dir} is the run folder of a plan with units: {@code units/} and no schedule.csv of its own
     * (docs/units.md).
     */
    public static boolean hasUnits(Path dir) {
        return Files.isDirectory(dir.resolve(UNITS)) && !Files.exists(dir.resolve(SCHEDULE));
    }

    /**
     * The units of a run folder with units: in plan.yaml order as its summary.json lists them, else the folders
     * under {@code units/} by name.
     */
    public static List<String> unitNames(Path dir) {
        List<String> names = new ArrayList<>();
        Path summary = dir.resolve(SUMMARY);
        if (Files.isRegularFile(summary)) {
            SummaryJson.read(summary).path("units").forEach(u -> names.add(u.path("name").asText()));
        }
        if (names.isEmpty()) {
            try (java.util.stream.Stream<Path> s = Files.list(dir.resolve(UNITS))) {
                s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + dir.resolve(UNITS) + ": " + e.getMessage(), e);
            }
        }
        if (names.isEmpty()) {
            throw new InputException(dir.resolve(UNITS).toString(), 0, null, "holds no unit folder (expected"
                    + " units/<name>/ with schedule.csv, as wfm plan writes for a plan with units:)");
        }
        return names;
    }

    /**
     * The folder of unit {@code name} in the run folder {@code dir} with units: an input error naming the unit and
     * listing the run's units when there is no such unit (or its folder has no schedule.csv).
     */
    public static Path unit(Path dir, String name, String option) {
        List<String> names = unitNames(dir);
        Path u = dir.resolve(UNITS).resolve(name);
        if (!names.contains(name) || !Files.isRegularFile(u.resolve(SCHEDULE))) {
            throw new InputException(dir.toString(), 0, null, "has no unit `" + name + "` (given by " + option
                    + "); expected one of its units: " + String.join(", ", names));
        }
        return u;
    }

    public Path dir() {
        return dir;
    }

    /** schedule.csv, overnight blocks placed on the next day. */
    public List<ScheduleRow> schedule() {
        if (schedule == null) {
            schedule = List.copyOf(OutputReaders.readSchedule(dir.resolve(SCHEDULE)));
        }
        return schedule;
    }

    /** Agent id to display name: schedule.csv's {@code name} column, else summary.json's agents. */
    public Map<String, String> names() {
        if (names == null) {
            Map<String, String> n = new LinkedHashMap<>();
            OutputReaders.readNames(dir.resolve(SCHEDULE)).forEach((id, name) -> {
                if (!name.isBlank()) {
                    n.putIfAbsent(id, name);
                }
            });
            for (JsonNode agent : summary().path("agents")) {
                String id = agent.path("agent_id").asText("");
                String name = agent.path("name").asText("");
                if (!id.isEmpty() && !name.isEmpty()) {
                    n.putIfAbsent(id, name);
                }
            }
            names = java.util.Collections.unmodifiableMap(n);
        }
        return names;
    }

    /** coverage.csv in interval order. */
    public List<CoverageRow> coverage() {
        if (coverage == null) {
            List<CoverageRow> rows = new ArrayList<>(OutputReaders.readCoverage(dir.resolve(COVERAGE), LOCAL));
            rows.sort(Comparator.comparing(CoverageRow::intervalStart));
            coverage = List.copyOf(rows);
        }
        return coverage;
    }

    /** forecast.csv in interval order; empty when the folder has none. */
    public List<ForecastPoint> forecast() {
        if (forecast == null) {
            Path file = dir.resolve(FORECAST);
            List<ForecastPoint> rows = Files.exists(file) ? new ArrayList<>(OutputReaders.readForecast(file, LOCAL))
                    : new ArrayList<>();
            rows.sort(Comparator.comparing(ForecastPoint::intervalStart));
            forecast = List.copyOf(rows);
        }
        return forecast;
    }

    /** peaks.csv; empty when the folder has none. */
    public List<Peak> peaks() {
        if (peaks == null) {
            Path file = dir.resolve(PEAKS);
            peaks = Files.exists(file) ? List.copyOf(OutputReaders.readPeaks(file, LOCAL)) : List.of();
        }
        return peaks;
    }

    /** simulation.csv (means over replications); empty when the folder has none. */
    public List<SimulationRow> simulation() {
        if (simulation == null) {
            Path file = dir.resolve(SIMULATION);
            simulation = Files.exists(file) ? List.copyOf(OutputReaders.readSimulation(file, LOCAL)) : List.of();
        }
        return simulation;
    }

    /** Whether the folder has summary.json (a folder written by hand may not). */
    public boolean hasSummary() {
        return Files.isRegularFile(dir.resolve(SUMMARY));
    }

    /** summary.json as a tree (a copy: change it and write it back with {@code SummaryJson.write}). */
    public ObjectNode summaryCopy() {
        return summary().deepCopy();
    }

    /** summary.json as a tree, for keys beyond the record (options, rollup, forecast) and older runs. */
    public ObjectNode summary() {
        if (summary == null) {
            summary = SummaryJson.read(dir.resolve(SUMMARY));
        }
        return summary;
    }

    /** summary.json read back into its record (a figure written as null, not computable, is NaN). */
    public Summary record() {
        if (record == null) {
            record = SummaryJson.toRecord(summary(), SUMMARY);
        }
        return record;
    }

    /** The grid step of coverage.csv (the roll-up's reading, so that the Daily sheet and summary.json agree). */
    public int intervalMinutes() {
        return CoverageRollup.intervalMinutes(coverage());
    }

    /** Display name of an agent. */
    String name(String agentId) {
        String n = names().get(agentId);
        return n == null || n.isBlank() ? agentId : n;
    }

    /** Channels in a stable order: as first met in coverage, then forecast, then schedule. */
    List<String> channels() {
        LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
        coverage().forEach(c -> seen.putIfAbsent(c.channel(), true));
        forecast().forEach(f -> seen.putIfAbsent(f.channel(), true));
        schedule().stream().filter(s -> s.channel() != null && !s.channel().isEmpty())
                .forEach(s -> seen.putIfAbsent(s.channel(), true));
        return List.copyOf(seen.keySet());
    }

    /**
     * Whether a channel is deferred (email, back office): summary.json's {@code service_level} lists the channels
     * with a service-level target, the immediate and concurrent ones; a channel with coverage but not listed there is
     * deferred. False when the summary lists none (then it cannot tell).
     */
    boolean deferred(String channel) {
        JsonNode sl = summary().path("service_level");
        return sl.isObject() && sl.size() > 0 && !sl.has(channel);
    }

    /** The channel's name for chart titles and legends, marking a deferred channel. */
    String label(String channel) {
        return deferred(channel) ? channel + " (deferred)" : channel;
    }

    /** First and last day shown: coverage's horizon widened to every scheduled block. */
    LocalDate[] horizon() {
        TreeSet<LocalDate> days = new TreeSet<>();
        coverage().forEach(c -> days.add(c.intervalStart().toLocalDate()));
        for (ScheduleRow s : schedule()) {
            days.add(s.start().toLocalDate());
            days.add(s.end().minusNanos(1).toLocalDate());
        }
        if (days.isEmpty()) {
            forecast().forEach(f -> days.add(f.intervalStart().toLocalDate()));
        }
        if (days.isEmpty()) {
            return null;
        }
        return new LocalDate[] {days.first(), days.last()};
    }
}
