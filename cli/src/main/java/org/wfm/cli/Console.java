package org.wfm.cli;

import java.io.PrintStream;

/**
 * What the planner sees: results on stdout, progress on stderr. On a terminal progress overwrites one line
 * and may use colour; under cron it becomes plain log lines, and colour is never used.
 */
public final class Console {
    private static final boolean TERMINAL = System.console() != null && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
    private static long lastProgress;
    private static String lastKey = "";

    private Console() {
    }

    public static PrintStream out() {
        return System.out;
    }

    public static void line(String s) {
        endProgress();
        System.out.println(s);
    }

    /** A progress update: on a terminal at most ~5 per second on one line; otherwise every update as a log line. */
    public static synchronized void progress(String s) {
        if (TERMINAL) {
            long now = System.nanoTime();
            if (now - lastProgress < 200_000_000L) {
                return;
            }
            lastProgress = now;
            String text = s.length() > 100 ? s.substring(0, 100) : s;
            System.err.print("\r\033[2K" + text);
            System.err.flush();
            lastWasProgress = true;
        } else {
            // under cron: a log line when the step changes, else at most one every few seconds
            String key = s.replaceAll("[0-9][0-9.,:%/-]*", "#");
            long now = System.nanoTime();
            if (!key.equals(lastKey) || now - lastProgress >= 5_000_000_000L) {
                lastKey = key;
                lastProgress = now;
                System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + s);
            }
        }
    }

    private static boolean lastWasProgress;

    public static synchronized void endProgress() {
        if (TERMINAL && lastWasProgress) {
            System.err.print("\r\033[2K");
            System.err.flush();
            lastWasProgress = false;
        }
    }

    /** A non-fatal remark about the input (an ignored column, a default used). */
    public static synchronized void note(String s) {
        endProgress();
        System.err.println("note: " + s);
    }

    public static String bold(String s) {
        return TERMINAL ? "\033[1m" + s + "\033[0m" : s;
    }

    public static String warn(String s) {
        return TERMINAL ? "\033[33m" + s + "\033[0m" : s;
    }

    public static boolean terminal() {
        return TERMINAL;
    }
}
