package org.wfm.cli;

/** The contract's exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int STRICT = 4;

    private ExitCodes() {
    }
}
