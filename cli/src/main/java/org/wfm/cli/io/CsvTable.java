package org.wfm.cli.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.wfm.forecast.io.CsvSource;
import org.wfm.forecast.io.Problems;

/**
 * A CSV input read through {@link CsvSource} (RFC 4180: commas, double quotes, CRLF or LF, BOM, physical line
 * numbers, its error policy for broken quoting) and checked against the columns a reader expects. Header names are matched ignoring case and surrounding spaces; missing columns
 * are reported with the closest header name found (a renamed column), extra ones are noted and ignored.
 * Blank lines are skipped; each data row keeps the line it starts on (header = line 1).
 */
final class CsvTable {
    private final String file;
    private final Problems problems;
    private final List<Row> rows = new ArrayList<>();
    private Map<String, Integer> index;
    private int headerSize;
    private String listColumn;
    private Predicate<String> listItem;

    /** One data row: the line it starts on and its values by column. */
    final class Row {
        private final int line;
        private final List<String> record;

        private Row(int line, List<String> record) {
            this.line = line;
            this.record = record;
        }

        int line() {
            return line;
        }

        /** The trimmed value, or "" when the column is optional and absent from the file. */
        String get(String column) {
            Integer i = index.get(column);
            return i == null ? "" : record.get(i).trim();
        }

        /** Parses a value; on failure adds a problem at this row and column and returns null. */
        <T> T parse(String column, ValueParser<T> parser) {
            try {
                return parser.parse(get(column));
            } catch (BadValue e) {
                problems.add(line, column, e.getMessage());
                return null;
            }
        }

        int problemCount() {
            return problems.size();
        }

        void problem(String column, String message) {
            problems.add(line, column, message);
        }
    }

    @FunctionalInterface
    interface ValueParser<T> {
        T parse(String value) throws BadValue;
    }

    private CsvTable(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    /** Whether the header named this (optional) column. */
    boolean hasColumn(String column) {
        return index != null && index.containsKey(column);
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Reads the file. Header problems (missing columns, wrong delimiter) are thrown at once, since rows cannot
     * be read without the columns; row problems are collected in {@link #problems()} for the reader to throw
     * together with its own.
     */
    static CsvTable read(Path path, List<String> columns, Set<String> optional, Notes notes) {
        return read(path, columns, optional, null, null, notes);
    }

    /** As {@link #read(Path, List, Set, Notes)}, letting {@code listColumn} hold an unquoted list (see {@link #allowUnquotedList}). */
    static CsvTable read(Path path, List<String> columns, Set<String> optional, String listColumn,
                         Predicate<String> listItem, Notes notes) {
        String file = path.toString();
        String text = TextInput.read(path, file, "a CSV file with the header " + String.join(",", columns));
        CsvTable table = new CsvTable(file, new Problems(file));
        if (listColumn != null) {
            table.allowUnquotedList(listColumn, listItem);
        }
        table.parse(text, columns, optional, notes);
        return table;
    }

    private void parse(String text, List<String> columns, Set<String> optional, Notes notes) {
        try (CsvSource csv = CsvSource.of(new StringReader(text), problems, CsvSource.Separator.COMMA)) {
            for (CsvSource.Row row = csv.next(); row != null; row = csv.next()) {
                List<String> record = java.util.Arrays.asList(row.values());
                if (index == null) {
                    if (row.line() != 1) {
                        problems.add(1, null, "the first line is blank; expected the header "
                                + String.join(",", columns));
                        problems.throwIfAny();
                    }
                    header(record, columns, optional, notes);
                    problems.throwIfAny();
                    continue;
                }
                List<String> values = checkRow(record, row.line(), notes);
                if (values != null) {
                    rows.add(new Row(row.line(), values));
                }
            }
        } catch (IOException e) {
            // A StringReader does not fail; the source declares it for files.
            throw new UncheckedIOException(e);
        }
    }

    private void header(List<String> record, List<String> columns, Set<String> optional, Notes notes) {
        headerSize = record.size();
        List<String> names = new ArrayList<>();
        for (String name : record) {
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        String expected = String.join(",", columns);
        if (names.size() == 1 && columns.size() > 1) {
            String only = record.get(0);
            if (only.contains(";")) {
                problems.add(1, null, "the columns are separated by semicolons (;); expected commas, as in " + expected
                        + " (save as \"CSV UTF-8 (comma delimited)\")");
                return;
            }
            if (only.contains("\t")) {
                problems.add(1, null, "the columns are separated by tabs; expected commas, as in " + expected);
                return;
            }
        }
        index = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (columns.contains(name)) {
                if (index.putIfAbsent(name, i) != null) {
                    problems.add(1, name, "column `" + name + "` appears twice");
                }
            } else if (!name.isEmpty()) {
                unknown.add(record.get(i).trim());
            }
        }
        if (index.isEmpty()) {
            problems.add(1, null, "none of the expected columns found: the first line is "
                    + Values.quote(String.join(",", record)) + " but should be the header " + expected
                    + " (is this the right file, and does it start with its header?)");
            return;
        }
        for (String name : columns) {
            if (!index.containsKey(name) && !optional.contains(name)) {
                // A renamed column can differ a lot (hourly_rate for hourly_cost): allow half the name.
                String found = Suggest.closest(name, unknown, Math.max(2, name.length() / 2))
                        .map(u -> " (found `" + u + "`: rename it to `" + name + "`?)")
                        .orElse("");
                problems.add(1, name, "missing column `" + name + "`" + found + "; expected the header " + expected);
            }
        }
        if (problems.isEmpty()) {
            for (String u : unknown) {
                notes.add(file, 1, null, "extra column `" + u + "` ignored");
            }
        }
    }

    /**
     * Lets one column hold an unquoted comma-separated list: a row with k values too many is repaired by
     * joining k + 1 values from that column on, if every one of them passes {@code item}. The contract writes
     * {@code available_days} as {@code Mon,Wed,Sat}, and hand-written files forget the quotes; a list of day
     * names cannot be mistaken for anything else, so reading it is safe, and a note asks for the quotes.
     */
    private void allowUnquotedList(String column, Predicate<String> item) {
        this.listColumn = column;
        this.listItem = item;
    }

    /** The row's values when it has as many as the header (after repairing an unquoted list); else null and a problem. */
    private List<String> checkRow(List<String> record, int line, Notes notes) {
        if (record.size() > headerSize && listColumn != null && index.containsKey(listColumn)) {
            int from = index.get(listColumn);
            int to = from + record.size() - headerSize;
            List<String> items = record.subList(from, to + 1);
            if (items.stream().allMatch(v -> listItem.test(v.trim()))) {
                String joined = String.join(",", items);
                List<String> repaired = new ArrayList<>(record.subList(0, from));
                repaired.add(joined);
                repaired.addAll(record.subList(to + 1, record.size()));
                notes.add(file, line, listColumn, "unquoted list " + joined + " read as one value; write it in double"
                        + " quotes (\"" + joined + "\") so that other programs read it too");
                record = repaired;
            }
        }
        if (record.size() != headerSize) {
            String hint = "";
            if (record.size() > headerSize) {
                hint = " (a value containing a comma, such as \"Mon,Wed\" or a decimal comma, must be in double quotes)";
            } else if (record.size() == 1 && record.get(0).contains(";")) {
                hint = " (this line is separated by semicolons; expected commas)";
            }
            problems.add(line, null, "has " + record.size() + (record.size() == 1 ? " value" : " values")
                    + " but the header has " + headerSize + " columns" + hint);
            return null;
        }
        for (Map.Entry<String, Integer> column : index.entrySet()) {
            String value = record.get(column.getValue());
            try {
                Values.checkLength(value);
            } catch (BadValue e) {
                problems.add(line, column.getKey(), e.getMessage());
                return null;
            }
        }
        return record;
    }
}
