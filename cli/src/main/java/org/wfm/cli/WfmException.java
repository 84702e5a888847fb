package org.wfm.cli;

/**
 * A failure with a known exit code and a one-line message for the planner (usage errors 2,
 * strict-mode shortfalls 4). Input data errors are {@link org.wfm.forecast.io.InputException} (exit 3).
 */
public class WfmException extends RuntimeException {
    private final int exitCode;

    public WfmException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static WfmException usage(String message) {
        return new WfmException(ExitCodes.USAGE, message);
    }
}
