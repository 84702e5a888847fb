package org.wfm.forecast.io;

import java.util.List;

/**
 * Bad input data (exit code 3). Carries every problem found in a file, so a planner can
 * fix them all at once; the message is a single line.
 */
public class InputException extends RuntimeException {
    private static final int MAX_LISTED = 10;
    private final List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InputException(String file, int line, String column, String message) {
        this(List.of(new InputProblem(file, line, column, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String render(List<InputProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LISTED, problems.size()); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(problems.get(i).describe());
        }
        if (problems.size() > MAX_LISTED) {
            sb.append("; and ").append(problems.size() - MAX_LISTED).append(" more problems");
        }
        return sb.toString();
    }
}
