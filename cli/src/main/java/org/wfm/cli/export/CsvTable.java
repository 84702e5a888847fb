package org.wfm.cli.export;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.wfm.forecast.io.Bom;
import org.wfm.forecast.io.InputException;
import org.wfm.forecast.io.Problems;
import org.wfm.forecast.io.TimestampParser;

/**
 * One CSV file of a run folder, read with commons-csv. Cell parsers collect problems instead of throwing, so a
 * damaged file is reported once with every bad cell (file, line, column, what was expected).
 */
final class CsvTable {
    private final Map<String, Integer> header;
    private final List<CSVRecord> records;
    final Problems problems;

    private CsvTable(String name, Map<String, Integer> header, List<CSVRecord> records) {
        this.problems = new Problems(name);
        this.header = header;
        this.records = records;
    }

    /** Reads the whole file (run-folder files are small enough); a missing file is an input error. */
    static CsvTable read(Path file, String... requiredColumns) {
        String name = file.getFileName().toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            parser.getHeaderMap().forEach((k, v) -> header.put(Bom.strip(k).trim(), v));
            CsvTable table = new CsvTable(name, header, parser.getRecords());
            for (String column : requiredColumns) {
                if (!header.containsKey(column)) {
                    table.problems.add(1, column,
                            "missing column (expected " + String.join(",", requiredColumns) + ")");
                }
            }
            table.problems.throwIfAny();
            return table;
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "file not found: " + file);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new InputException(name, 0, null, "cannot be read as CSV: " + e.getMessage());
        }
    }

    List<CSVRecord> records() {
        return records;
    }

    boolean has(String column) {
        return header.containsKey(column);
    }

    /** Line number as a planner counts it: the header is line 1. */
    static int line(CSVRecord r) {
        return (int) r.getRecordNumber() + 1;
    }

    String text(CSVRecord r, String column) {
        Integer i = header.get(column);
        if (i == null || i >= r.size()) {
            return "";
        }
        // wfm's own CSVs protect formula-looking text with a quote (CsvCells): read back the original
        return org.wfm.cli.output.CsvCells.read(r.get(i));
    }

    /** A number; empty, {@code NaN} or {@code -} mean "does not apply" and give NaN. */
    double number(CSVRecord r, String column) {
        String s = text(r, column);
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equals("-")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            problems.add(line(r), column, "\"" + s + "\" is not a number");
            return Double.NaN;
        }
    }

    LocalDateTime dateTime(CSVRecord r, String column) {
        String s = text(r, column);
        TimestampParser.Parsed t = TimestampParser.iso(s);
        if (t == null || t.offset() != null) {
            // wfm writes its run folders in local time: an offset here is another program's file
            problems.add(line(r), column, "\"" + s + "\" is not a date-time like 2026-01-05T08:00");
            return null;
        }
        return t.local();
    }

    LocalDate date(CSVRecord r, String column) {
        String s = text(r, column);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(line(r), column, "\"" + s + "\" is not a date like 2026-01-05");
            return null;
        }
    }

    LocalTime time(CSVRecord r, String column) {
        String s = text(r, column);
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(line(r), column, "\"" + s + "\" is not a time like 08:30");
            return null;
        }
    }

    /** Keeps only rows that parsed cleanly; throws when any row did not. */
    <T> List<T> finish(List<T> rows) {
        problems.throwIfAny();
        return new ArrayList<>(rows);
    }
}
