package org.wfm.scheduler.solver.bound;

/**
 * Loads ojAlgo with stdout muted: when first loaded it prints a note about its hardware profiles to stdout, and
 * library code here must not print (stdout is the command's output). Every class that builds an ojAlgo model calls
 * {@link #load()} in its static initialiser.
 */
public final class OjAlgoQuiet {
    static {
        java.io.PrintStream out = System.out;
        try {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            java.util.Objects.requireNonNull(org.ojalgo.OjAlgoUtils.ENVIRONMENT);
        } finally {
            System.setOut(out);
        }
    }

    private OjAlgoQuiet() {
    }

    /** Makes sure ojAlgo has been loaded (quietly); cheap after the first call. */
    public static void load() {
        // the static initialiser does the work, once
    }
}
