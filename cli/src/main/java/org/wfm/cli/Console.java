package org.wfm.cli;

import java.io.IOException;
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
    private static String current = "";
    /** When the first progress of the running command came (the clock at the start of the line). */
    private static long started;
    private static boolean lineOpen;
    private static Thread ticker;

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
            if (!lineOpen) {
                started = now;
                startTicker();
            }
            lastStep = step;
            current = s;
            lineOpen = true;
            draw(now);
        } else if (CRON.admit(s, System.nanoTime())) {
            System.err.println("[" + stamp() + "] " + s);
        }
    }

    /** The line: the time since the command began, then the step; cut to the width (a wrapped line cannot be redrawn). */
    private static void draw(long now) {
        lastRedraw = now;
        long seconds = (now - started) / 1_000_000_000L;
        String clock = String.format(java.util.Locale.ROOT, "%d:%02d ", seconds / 60, seconds % 60);
        System.err.print("\r\033[2K" + fit(clock + current, width()));
        System.err.flush();
    }

    /**
     * Redraws the line every second while a step is quiet (drawing charts, writing the workbook), so the clock
     * shows the program is alive. A daemon thread, started once, idle while no line is open.
     */
    private static void startTicker() {
        if (ticker != null) {
            return;
        }
        ticker = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (Console.class) {
                    long now = System.nanoTime();
                    if (lineOpen && now - lastRedraw >= 900_000_000L) {
                        draw(now);
                    }
                }
            }
        }, "wfm-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** Clears the progress line (a terminal) before results are printed; forgets the last step. */
    public static synchronized void endProgress() {
        if (TERMINAL && lineOpen) {
            System.err.print("\r\033[2K");
            System.err.flush();
            lineOpen = false;
        }
        lastStep = "";
        width = 0; // the window may be resized between commands of the shell
        CRON.reset();
    }

    /** A non-fatal remark about the input (an ignored column, a default used). */
    public static synchronized void note(String s) {
        remark("note: " + s);
    }

    /** Something in the inputs that is probably a mistake but does not stop the run (an unused skill). */
    public static synchronized void warning(String s) {
        remark("warning: " + s);
    }

    private static void remark(String line) {
        boolean wasOpen = lineOpen;
        endProgress();
        System.err.println(line);
        noteCopy.accept(line);
        if (wasOpen && TERMINAL) {
            lineOpen = true;
            draw(System.nanoTime());
        }
    }

    private static java.util.function.Consumer<String> noteCopy = s -> { };

    /** The handle of {@link #copyNotesTo}: closing it stops the copying. */
    public interface Copying extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Also hands every note to {@code copy} (wfm plan keeps them in run.log) until the returned handle is closed.
     */
    public static synchronized Copying copyNotesTo(java.util.function.Consumer<String> copy) {
        noteCopy = copy;
        return () -> {
            synchronized (Console.class) {
                noteCopy = s -> { };
            }
        };
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
        if (width == 0) {
            width = detectWidth();
        }
        return width;
    }

    private static int width;

    /**
     * COLUMNS when the shell exports it, else the terminal's own size as {@code stty size} reports it (what JLine
     * does without a native library), else 80.
     */
    private static int detectWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                return Math.max(20, Integer.parseInt(columns.trim()));
            }
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            if (p.waitFor() == 0) {
                String[] rowsCols = out.trim().split("\\s+");
                return Math.max(20, Integer.parseInt(rowsCols[1]));
            }
        } catch (IOException | RuntimeException e) {
            // no stty or no controlling terminal: the default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
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
