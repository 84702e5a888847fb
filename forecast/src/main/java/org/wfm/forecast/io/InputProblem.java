package org.wfm.forecast.io;

/**
 * One problem found in an input file: where it is and what was expected.
 * Line numbers count the header as line 1; {@code line} 0 means the file as a whole,
 * {@code column} null means the whole line.
 */
public record InputProblem(String file, int line, String column, String message) {

    /** The contract's one-line form, e.g. {@code agents.csv line 14, column hourly_cost: "12,5" is not a number}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file == null ? "input" : file);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (column != null && !column.isEmpty()) {
            sb.append(line > 0 ? ", column " : " column ").append(column);
        }
        return sb.append(": ").append(shorten(message)).toString();
    }

    /** Longest message kept whole: a value echoed from a runaway line (megabytes) must not become the message. */
    static final int MAX_MESSAGE = 600;

    /** Keeps both ends of an over-long message: the value's start and what was expected after it. */
    private static String shorten(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        int keep = MAX_MESSAGE / 2;
        return message.substring(0, keep) + " ... (" + (message.length() - 2 * keep) + " characters left out) ... "
                + message.substring(message.length() - keep);
    }
}
