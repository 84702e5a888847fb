package org.wfm.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.Peak;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Writers of the contract's CSV outputs (UTF-8, header, LF, numbers with a dot). Text that comes from the inputs
 * (agent ids and names, channels, locations) goes through {@link CsvCells#write}, so a spreadsheet never runs it as
 * a formula; {@link OutputReaders} reads it back to the original text.
 */
public final class CsvFiles {
    public static final String[] FORECAST = {"interval_start", "channel", "volume", "volume_lower", "volume_upper",
        "aht_seconds"};
    public static final String[] PEAKS = {"channel", "kind", "start", "end", "mean_volume", "ratio_to_average"};
    public static final String[] REQUIREMENTS = {"interval_start", "channel", "forecast_volume", "aht_seconds",
        "required_agents", "required_staff"};
    public static final String[] SCHEDULE = {"agent_id", "date", "start", "end", "activity", "channel", "location",
        "name"};
    public static final String[] COVERAGE = {"interval_start", "channel", "forecast_volume", "required", "scheduled",
        "service_level", "occupancy"};

    public static final String[] SIMULATION = {"interval_start", "channel", "offered", "answered_in_target",
        "abandoned", "service_level", "service_level_ci95", "asa_seconds", "occupancy"};

    private CsvFiles() {
    }

    @FunctionalInterface
    public interface RowWriter {
        void write(CSVPrinter p) throws IOException;
    }

    public static void write(Path file, String[] header, RowWriter rows) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, fmt)) {
            rows.write(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return CsvCells.write(s);
    }

    public static void writeForecast(Path file, List<ForecastPoint> points) {
        write(file, FORECAST, p -> {
            for (ForecastPoint f : points) {
                p.printRecord(Timestamps.format(f.intervalStart()), text(f.channel()), Numbers.format(f.volume()),
                        Numbers.format(f.volumeLower()), Numbers.format(f.volumeUpper()),
                        Numbers.format(f.ahtSeconds(), 1));
            }
        });
    }

    public static void writePeaks(Path file, List<Peak> peaks) {
        write(file, PEAKS, p -> {
            for (Peak k : peaks) {
                p.printRecord(text(k.channel()), k.kind(), Timestamps.format(k.start()), Timestamps.format(k.end()),
                        Numbers.format(k.meanVolume()), Numbers.format(k.ratioToAverage(), 3));
            }
        });
    }

    public static void writeRequirements(Path file, List<Requirement> reqs) {
        write(file, REQUIREMENTS, p -> {
            for (Requirement r : reqs) {
                p.printRecord(Timestamps.format(r.intervalStart()), text(r.channel()), Numbers.format(r.forecastVolume()),
                        Numbers.format(r.ahtSeconds(), 1), Numbers.format(r.requiredAgents()),
                        Numbers.format(r.requiredStaff()));
            }
        });
    }

    /** schedule.csv; {@code names} maps agent_id to name for the extra {@code name} column. */
    public static void writeSchedule(Path file, List<ScheduleRow> rows, java.util.Map<String, String> names) {
        write(file, SCHEDULE, p -> {
            for (ScheduleRow r : rows) {
                p.printRecord(text(r.agentId()), Timestamps.format(r.date()), Timestamps.format(r.start().toLocalTime()),
                        Timestamps.format(r.end().toLocalTime()), r.activity().csv(),
                        text(r.channel() == null ? "" : r.channel()), text(r.location() == null ? "" : r.location()),
                        text(names.getOrDefault(r.agentId(), "")));
            }
        });
    }

    public static void writeCoverage(Path file, List<CoverageRow> rows) {
        write(file, COVERAGE, p -> {
            for (CoverageRow c : rows) {
                p.printRecord(Timestamps.format(c.intervalStart()), text(c.channel()), Numbers.format(c.forecastVolume()),
                        Numbers.format(c.required()), Numbers.format(c.scheduled()),
                        Numbers.format(c.serviceLevel()), Numbers.format(c.occupancy()));
            }
        });
    }

    public static void writeSimulation(Path file, List<org.wfm.scheduler.simulation.SimulationRow> rows) {
        write(file, SIMULATION, p -> {
            for (var r : rows) {
                p.printRecord(Timestamps.format(r.intervalStart()), text(r.channel()), Numbers.format(r.offered()),
                        Numbers.format(r.answeredInTarget()), Numbers.format(r.abandoned()),
                        Numbers.format(r.serviceLevel()), Numbers.format(r.serviceLevelCi95()),
                        Numbers.format(r.asaSeconds(), 1), Numbers.format(r.occupancy()));
            }
        });
    }
}
