package org.wfm.cli.output;

/**
 * Text cells of wfm's CSV outputs, protected against "CSV injection" (OWASP): a spreadsheet opening schedule.csv
 * would run a cell such as {@code =HYPERLINK(...)}, {@code +1+cmd|...} or {@code @SUM(...)} as a formula. A text
 * cell that starts with {@code =}, {@code +}, {@code @}, a tab, a carriage return, or {@code -} (unless the whole
 * text is a negative number such as {@code -5}: {@code -2+3+cmd|...} is a formula) is written with a single quote in front ({@code '=HYPERLINK(...)}), which
 * spreadsheets show as text. A cell that itself starts with a single quote gets one more, so that reading back is
 * exact: {@link #read} removes the one quote {@link #write} added, and only that one. Numbers, dates and times
 * never pass through here and stay numbers.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** The cell to write for the text {@code value}. */
    public static String write(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return needsQuote(value) || value.charAt(0) == '\'' ? "'" + value : value;
    }

    /** The text of a cell {@link #write} wrote (any other cell unchanged). */
    public static String read(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        String rest = cell.substring(1);
        return needsQuote(rest) || rest.charAt(0) == '\'' ? rest : cell;
    }

    /** Whether a spreadsheet would take the text for a formula. */
    static boolean needsQuote(String s) {
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        // "-5" is a number to any spreadsheet, but "-2+3+cmd|..." is a formula and "-x" may be one
        return c == '-' && !NEGATIVE_NUMBER.matcher(s).matches();
    }

    private static final java.util.regex.Pattern NEGATIVE_NUMBER = java.util.regex.Pattern.compile("-\\d+(\\.\\d+)?");
}
