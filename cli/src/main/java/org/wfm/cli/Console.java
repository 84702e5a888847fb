package org.wfm.cli;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What the planner sees: results on stdout, progress on stderr. On a terminal progress overwrites one line
 * and results may use colour; under cron (stdout or stdin not a terminal, {@code TERM=dumb} or {@code NO_COLOR}
 * set) progress becomes plain time-stamped log lines, thinned by {@link Throttle}, and colour is never used.
 */
public final class Console {
    private static final boolean TERMINAL = System.console() != null && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
    /** Log line time stamps: local date and time to the second, the same in run.log and under cron. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    /** A terminal redraws at most this often for updates of the same step (a new step shows at once). */
    private static final long REDRAW_NANOS = 200_000_000L;

    private static final Throttle CRON = new Throttle(Throttle.DEFAULT_NANOS);
    private static long lastRedraw;
    private static String lastStep = "";
    private static boolean lineOpen;

    private Console() {
    }

    public static PrintStream out() {
        return System.out;
    }

    public static void line(String s) {
        endProgress();
        System.out.println(s);
    }

    /**
     * A progress update. On a terminal it replaces the progress line (a new step at once, updates of the same
     * step at most five times a second); otherwise it becomes a log line when {@link Throttle} admits it.
     */
    public static synchronized void progress(String s) {
        if (TERMINAL) {
            long now = System.nanoTime();
            String step = Throttle.step(s);
            if (step.equals(lastStep) && now - lastRedraw < REDRAW_NANOS) {
                return;
            }
            lastStep = step;
            lastRedraw = now;
            System.err.print("\r\033[2K" + fit(s, width()));
            System.err.flush();
            lineOpen = true;
        } else if (CRON.admit(s, System.nanoTime())) {
            System.err.println("[" + stamp() + "] " + s);
        }
    }

    /** Clears the progress line (a terminal) before results are printed; forgets the last step. */
    public static synchronized void endProgress() {
        if (TERMINAL && lineOpen) {
            System.err.print("\r\033[2K");
            System.err.flush();
            lineOpen = false;
        }
        lastStep = "";
        CRON.reset();
    }

    /** A non-fatal remark about the input (an ignored column, a default used). */
    public static synchronized void note(String s) {
        endProgress();
        System.err.println("note: " + s);
    }

    public static String bold(String s) {
        return colour("1", s);
    }

    /** Something short of its target (yellow). */
    public static String warn(String s) {
        return colour("33", s);
    }

    /** A target met (green). */
    public static String good(String s) {
        return colour("32", s);
    }

    /** A rule broken (red). */
    public static String bad(String s) {
        return colour("31", s);
    }

    public static boolean terminal() {
        return TERMINAL;
    }

    static String stamp() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(STAMP);
    }

    private static String colour(String code, String s) {
        return TERMINAL ? "\033[" + code + "m" + s + "\033[0m" : s;
    }

    /** The line is cut to the terminal's width: a wrapped progress line could not be overwritten. */
    static String fit(String s, int width) {
        return s.length() < width ? s : s.substring(0, Math.max(0, width - 2)) + "…";
    }

    private static int width() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? 80 : Math.max(20, Integer.parseInt(columns.trim()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /**
     * Thins progress for logs: a line is kept when its step changes (the text with its figures masked, so
     * "fold 1/3" and "fold 2/3" are one step, "construction" and "local search" two) or when
     * {@code intervalNanos} have passed since the last kept line, so a ten-minute solve logs a best score
     * every few seconds rather than thousands of lines.
     */
    public static final class Throttle {
        public static final long DEFAULT_NANOS = 5_000_000_000L;
        private final long intervalNanos;
        private String lastStep = "";
        private long lastKept = Long.MIN_VALUE;

        public Throttle(long intervalNanos) {
            this.intervalNanos = intervalNanos;
        }

        public synchronized boolean admit(String line, long nanoTime) {
            String step = step(line);
            if (!step.equals(lastStep) || lastKept == Long.MIN_VALUE || nanoTime - lastKept >= intervalNanos) {
                lastStep = step;
                lastKept = nanoTime;
                return true;
            }
            return false;
        }

        synchronized void reset() {
            lastStep = "";
            lastKept = Long.MIN_VALUE;
        }

        static String step(String line) {
            return line.replaceAll("[0-9][0-9.,:%/-]*", "#");
        }
    }
}
