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
        return sb.append(": ").append(message).toString();
    }
}
