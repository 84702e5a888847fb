package org.wfm.cli.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.wfm.cli.Console;
import org.wfm.cli.WfmException;
import org.wfm.cli.io.ChannelsReader;
import org.wfm.cli.io.Notes;
import org.wfm.cli.io.PlanConfig;
import org.wfm.cli.io.PlanConfigReader;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.scheduler.domain.Rules;

/**
 * The nightly batch of the contract: forecast → requirements → schedule → export into {@code runs/YYYY-MM-DD/}
 * (the run's date), written under a temporary name and renamed when complete, with
 * <ul>
 * <li>a lock ({@value #LOCK} in the runs folder, naming the holding process) so two runs never overlap: a
 * second run exits 2 at once, a lock left by a dead process is taken over;</li>
 * <li>the same date refused (exit 2) unless {@code force}, which replaces the folder;</li>
 * <li>the newest complete run folder dated before the run as the published schedule ({@code --previous});</li>
 * <li>{@code runs/latest}, a relative symbolic link to the newest complete run folder;</li>
 * <li>run.log: every step with its time, the solver's best score every few seconds, and the end summary.</li>
 * </ul>
 * A failed run leaves no run folder, no lock and, if it created the runs folder, not that either. Re-running a
 * night with {@code force} gives the same files except for times (solver seconds, run.log, the workbook's
 * generation time), since the solver stops on a move budget and every output is written in a fixed order.
 */
public final class PlanRun {
    static final String LOCK = ".wfm-plan.lock";
    static final String LATEST = "latest";

    private PlanRun() {
    }

    /**
     * @param previous the published schedule used as --previous, or null
     * @param seconds  wall-clock time of the whole run
     */
    public record Outcome(PipelineRun.Result result, Path runDir, Path previous, LocalDate runDate,
                          LocalDate scheduleStart, double seconds) {
    }

    /**
     * Runs the plan of {@code configFile} for {@code date} (null: today in the plan's time zone).
     *
     * @throws WfmException (exit 2) when another run holds the lock, or the date has run and {@code force} is false
     * @throws org.wfm.forecast.io.InputException (exit 3) for a bad plan.yaml or input file
     */
    public static Outcome run(Path configFile, LocalDate date, boolean force, Consumer<String> progress) {
        long t0 = System.nanoTime();
        PlanConfig cfg = PlanConfigReader.read(InputFiles.requireFile(configFile, "--config"), Pipeline.notes());
        LocalDate runDate = date != null ? date : LocalDate.now(zone(cfg));
        Path runs = cfg.runs().normalize();
        Path runDir = runs.resolve(runDate.toString());
        Path created = firstMissing(runs);
        createDirs(runs);
        Path lock = runs.resolve(LOCK);
        boolean locked = false;
        // killed by cron's timeout (SIGTERM): shutdown hooks run but this method's finally does not
        Thread releaseOnExit = new Thread(() -> deleteQuietly(lock), "wfm-plan-lock");
        try {
            boolean tookOver = acquire(lock);
            locked = true;
            Runtime.getRuntime().addShutdownHook(releaseOnExit);
            if (tookOver) {
                // the dead run may have left its half-written folder; no other run can be writing now
                removeLeftovers(runs);
            }
            if (Files.exists(runDir) && !force) {
                throw WfmException.usage(runDir + " already exists: the plan for " + runDate
                        + " has run (use --force to run it again)");
            }
            Path previous = cfg.previous() == PlanConfig.Previous.LATEST ? previousRun(runs, runDate).orElse(null)
                    : null;
            LocalDate start = cfg.schedule().start().resolve(runDate);
            RunLog log = new RunLog(progress);
            log.step("wfm plan " + configFile + " for " + runDate + ": schedule " + start + " + "
                    + cfg.schedule().days() + " days, previous " + (previous == null ? "none" : previous)
                    + (force ? " (--force)" : ""));
            PipelineRun.Request req = new PipelineRun.Request(
                    new PipelineRun.InputSet(cfg.history(), cfg.holidays(), cfg.channels(), cfg.agents(),
                            cfg.timeoff(), cfg.rules()),
                    cfg.timezone(), runDate.plusDays(1), cfg.forecast().horizonDays(),
                    new Rules.Horizon(start, cfg.schedule().days()),
                    new PipelineRun.Settings(cfg.forecast().method(), cfg.forecast().level(),
                            cfg.schedule().timeLimit(), cfg.schedule().seed(), previous));
            PipelineRun.Result result;
            try (Console.Copying notes = Console.copyNotesTo(log::text)) {
                result = PipelineRun.run(req, runDir, force, log::progress, (tmp, outcome) -> {
                    log.step("run complete in " + Math.round((System.nanoTime() - t0) / 1e9) + " s");
                    log.text(Report.plain(outcome, runDir.toString()));
                    write(tmp.resolve("run.log"), log.contents());
                    readableByOthers(tmp);
                });
            }
            updateLatest(runs);
            return new Outcome(result, runDir, previous, runDate, start, (System.nanoTime() - t0) / 1e9);
        } finally {
            if (locked) {
                deleteQuietly(lock);
                try {
                    Runtime.getRuntime().removeShutdownHook(releaseOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it deletes the same lock
                }
            }
            // a failed first run leaves not even the empty folders it created (runs/ and its parents)
            for (Path q = runs.toAbsolutePath().normalize(); created != null && q != null && q.startsWith(created);
                    q = q.getParent()) {
                if (!AtomicOutput.isEmptyDir(q)) {
                    break;
                }
                deleteQuietly(q);
            }
        }
    }

    /**
     * The plan's time zone, which decides what "today" is: channels.yaml's {@code timezone}, else plan.yaml's,
     * else the system's (the same precedence the readers use for the schedule).
     */
    static ZoneId zone(PlanConfig cfg) {
        ZoneId fallback = cfg.timezone() != null ? cfg.timezone() : ZoneId.systemDefault();
        return ChannelsReader.read(cfg.channels(), fallback, new Notes()).zone();
    }

    /**
     * The newest complete run folder dated before {@code runDate} (the published schedule). Complete: named
     * YYYY-MM-DD with schedule.csv and summary.json (a folder is renamed into place only when complete, so a
     * folder with a date name and no schedule was put there by hand and is not trusted).
     */
    static Optional<Path> previousRun(Path runs, LocalDate runDate) {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> Files.isRegularFile(p.resolve("schedule.csv"))
                            && Files.isRegularFile(p.resolve("summary.json")))
                    .filter(p -> parseDate(p.getFileName().toString()).map(d -> d.isBefore(runDate)).orElse(false))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<LocalDate> parseDate(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes the lock, or refuses (exit 2) while another live process holds it. The lock names the holder's
     * process id and start time; a holder that is gone, or a process id since reused by another program (start
     * time differs), is stale and its lock is taken over.
     *
     * @return true when a stale lock was taken over
     */
    static boolean acquire(Path lock) {
        ProcessHandle me = ProcessHandle.current();
        String content = me.pid() + " " + me.info().startInstant().map(Instant::toString).orElse("") + "\n";
        boolean tookOver = false;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(lock, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return tookOver;
            } catch (FileAlreadyExistsException e) {
                String holder = read(lock).trim();
                if (holderAlive(holder) && !(holder.isEmpty() && olderThanSeconds(lock, 60))) {
                    throw WfmException.usage("another wfm plan is running (process " + holder.split("\\s+")[0]
                            + "; lock " + lock + "); try again when it has finished");
                }
                deleteQuietly(lock);
                tookOver = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw WfmException.usage("could not take the lock " + lock + " (another wfm plan is starting)");
    }

    /** A lock written a moment ago may still be empty: that counts as held, unless it has stayed empty a minute. */
    static boolean holderAlive(String holder) {
        if (holder.isEmpty()) {
            return true;
        }
        String[] parts = holder.split("\\s+");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return false;
        }
        if (parts.length < 2) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        try {
            // start times are read from /proc at clock-tick resolution: compare to the second
            return started.isEmpty() || started.get().truncatedTo(ChronoUnit.SECONDS)
                    .equals(Instant.parse(parts[1]).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static boolean olderThanSeconds(Path p, long seconds) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minusSeconds(seconds));
        } catch (IOException e) {
            return false;
        }
    }

    /** Temporary folders of a run killed half-way (hidden names beside the run folders). */
    static void removeLeftovers(Path runs) {
        try (Stream<Path> s = Files.list(runs)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && (n.contains(".tmp-") || n.contains(".old-"));
            }).forEach(AtomicOutput::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points runs/latest at the newest complete run folder (a relative link, replaced atomically). */
    static void updateLatest(Path runs) {
        Optional<Path> newest = previousRun(runs, LocalDate.MAX);
        if (newest.isEmpty()) {
            return;
        }
        Path targetName = newest.get().getFileName();
        Path link = runs.resolve(LATEST);
        Path tmp = runs.resolve(".latest.tmp-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, targetName);
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(tmp);
            try {
                // no symbolic links here (some Windows setups): record the name instead
                Files.writeString(runs.resolve(LATEST + ".txt"), targetName + "\n");
            } catch (IOException ignored) {
                // not fatal: the run folder itself is complete
            }
        }
    }

    /** createTempDirectory makes the folder private; a published schedule is read by others (umask still applies). */
    private static void readableByOthers(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: its default permissions stand
        }
    }

    /** run.log: the steps with their times (thinned as under cron), the readers' notes and the plain summary. */
    private static final class RunLog {
        private final Consumer<String> progress;
        private final Console.Throttle throttle = new Console.Throttle(Console.Throttle.DEFAULT_NANOS);
        private final List<String> lines = new ArrayList<>();

        RunLog(Consumer<String> progress) {
            this.progress = progress;
        }

        /** A line always kept in the log. */
        synchronized void step(String line) {
            lines.add(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(Console.STAMP) + " " + line);
            progress.accept(line);
        }

        synchronized void progress(String line) {
            if (throttle.admit(line, System.nanoTime())) {
                lines.add(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(Console.STAMP) + " " + line);
            }
            progress.accept(line);
        }

        synchronized void text(String block) {
            lines.add(block);
        }

        synchronized String contents() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** The outermost folder of {@code p} that does not exist yet (null if {@code p} exists). */
    private static Path firstMissing(Path p) {
        Path missing = null;
        for (Path q = p.toAbsolutePath().normalize(); q != null && !Files.exists(q); q = q.getParent()) {
            missing = q;
        }
        return missing;
    }

    private static void createDirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a lock left behind names this (soon dead) process and is taken over by the next run
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
