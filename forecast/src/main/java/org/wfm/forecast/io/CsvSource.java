package org.wfm.forecast.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way wfm reads a CSV input: UTF-8 with or without a byte-order mark ({@link Bom}), LF or CRLF, RFC 4180
 * quoting (commons-csv), surrounding spaces trimmed, lines of at most {@link LineLimitReader#DEFAULT_MAX_CHARS},
 * blank lines skipped, and every row with the physical line it starts on (header = line 1, which commons-csv's
 * record number does not give when blank lines or quoted line breaks come before). The separator is fixed by the
 * caller or detected from the header line ({@link Separator#detect}).
 *
 * <p>Error policy: broken quoting is one problem at the line where the broken row starts, added to the caller's
 * {@link Problems}; reading then stops (the rest of the file cannot be split into values reliably).
 */
public final class CsvSource implements Closeable {
    /** Header lines longer than this are not looked at for the separator (the parser still reads them). */
    private static final int SNIFF_CHARS = 1 << 16;

    /** The column separators platforms export. */
    public enum Separator {
        COMMA(',', "comma"), SEMICOLON(';', "semicolon"), TAB('\t', "tab");

        public final char character;
        public final String word;

        Separator(char character, String word) {
            this.character = character;
            this.word = word;
        }

        /** As a planner writes it in a message: {@code `;`} or {@code tab}. */
        public String describe() {
            return this == TAB ? "tab" : "`" + character + "`";
        }

        /**
         * The separator of a header line: the one of {@code ,} {@code ;} tab found most often outside double quotes;
         * a comma when none is (a one-column file) or on a tie (the contract's separator).
         */
        public static Separator detect(String headerLine) {
            int[] count = new int[values().length];
            boolean quoted = false;
            for (int i = 0; i < headerLine.length(); i++) {
                char c = headerLine.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    for (Separator s : values()) {
                        if (c == s.character) {
                            count[s.ordinal()]++;
                        }
                    }
                }
            }
            Separator best = COMMA;
            for (Separator s : values()) {
                if (count[s.ordinal()] > count[best.ordinal()]) {
                    best = s;
                }
            }
            return best;
        }

        /** {@code ,} {@code ;} {@code tab} (or {@code \t}, a tab character), {@code comma}, {@code semicolon}; null if none. */
        public static Separator parse(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.equals("\t") || t.equals("tab") || t.equals("\\t")) {
                return TAB;
            }
            t = t.trim();
            for (Separator s : values()) {
                if (t.equals(String.valueOf(s.character)) || t.equals(s.word)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** One non-blank record: the line it starts on and its values, trimmed. */
    public record Row(int line, String[] values) {
        public int size() {
            return values.length;
        }

        /** The value of column {@code i}, "" when the row is shorter. */
        public String get(int i) {
            return i >= 0 && i < values.length && values[i] != null ? values[i] : "";
        }
    }

    private final Problems problems;
    private final Separator separator;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private boolean broken;

    private CsvSource(Reader reader, Problems problems, Separator fixed) throws IOException {
        this.problems = problems;
        Reader text = Bom.skip(reader);
        if (fixed == null) {
            // The header line is read ahead and pushed back: no second buffer in front of the parser's own.
            PushbackReader ahead = new PushbackReader(text, SNIFF_CHARS);
            this.separator = Separator.detect(firstNonBlankLine(ahead));
            text = ahead;
        } else {
            this.separator = fixed;
        }
        // Blank lines come through as records (skipped in next()) so that the parser's line count stays physical.
        this.parser = CSVFormat.RFC4180.builder()
                .setDelimiter(separator.character)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false)
                .get().parse(new LineLimitReader(text, problems.file(), LineLimitReader.DEFAULT_MAX_CHARS));
        this.records = parser.iterator();
    }

    /**
     * Opens a file as UTF-8; {@code separator} null detects it from the header line. Problems (bad quoting) are
     * added to {@code problems}, whose file name the messages use.
     */
    public static CsvSource open(Path file, Problems problems, Separator separator) throws IOException {
        return of(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), problems, separator);
    }

    /** As {@link #open} for text already read (and checked) by the caller. */
    public static CsvSource of(Reader reader, Problems problems, Separator separator) throws IOException {
        return new CsvSource(reader, problems, separator);
    }

    /** The separator used: the caller's, or the one detected. */
    public Separator separator() {
        return separator;
    }

    /**
     * The next non-blank row, or null at the end of the file or after broken quoting (then a problem names the
     * line where the broken row starts).
     */
    public Row next() {
        if (broken) {
            return null;
        }
        while (true) {
            int line = (int) parser.getCurrentLineNumber() + 1;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord rec = records.next();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                return new Row(line, rec.values());
            } catch (UncheckedIOException e) {
                broken = true;
                problems.add(line, null, "bad quoting in the row starting on this line: a value that starts with a"
                        + " double quote must end with one, followed by " + (separator == Separator.COMMA ? "a comma"
                        : "the separator " + separator.describe()) + " or the end of the line");
                return null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The first line with text (at most {@link #SNIFF_CHARS} characters read), everything read pushed back. */
    private static String firstNonBlankLine(PushbackReader reader) throws IOException {
        char[] read = new char[SNIFF_CHARS];
        int n = 0;
        int lineStart = 0;
        String line = "";
        int c;
        while (n < SNIFF_CHARS && (c = reader.read()) != -1) {
            read[n++] = (char) c;
            if (c == '\n' || c == '\r') {
                line = new String(read, lineStart, n - 1 - lineStart);
                if (!line.isBlank()) {
                    break;
                }
                lineStart = n;
            }
            line = "";
        }
        if (line.isEmpty()) {
            line = new String(read, lineStart, n - lineStart);
        }
        reader.unread(read, 0, n);
        return line;
    }
}
