package org.wfm.cli.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.wfm.cli.output.OutputLock;
import org.wfm.scheduler.domain.Rules;

/**
 * The nightly batch of the contract: forecast → requirements → schedule → export into {@code runs/YYYY-MM-DD/}
 * (the run's date), written under a temporary name and renamed when complete, with
 * <ul>
 * <li>a lock ({@value #LOCK} in the runs folder, an operating-system lock naming the holding process) so two
 * runs never overlap: a second run exits 2 at once; the kernel drops the lock of a dead process;</li>
 * <li>leftovers of a killed run (by any command writing into the runs folder) finished or removed first;</li>
 * <li>the same date refused (exit 2) unless {@code force}, which replaces the folder;</li>
 * <li>the newest complete run folder dated before the run as the published schedule ({@code --previous});</li>
 * <li>{@code runs/latest}, a relative symbolic link to the newest complete run folder;</li>
 * <li>run.log: every step with its time, the solver's best score every few seconds, and the end summary;</li>
 * <li>{@code keep_runs}: older run folders removed after a successful run (see {@link #retain}).</li>
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
                          LocalDate scheduleStart, double seconds, org.wfm.cli.units.UnitsSummary.Totals units) {
        public Outcome(PipelineRun.Result result, Path runDir, Path previous, LocalDate runDate,
                       LocalDate scheduleStart, double seconds) {
            this(result, runDir, previous, runDate, scheduleStart, seconds, null);
        }
    }

    /** As below with the local engine on every core. */
    public static Outcome run(Path configFile, LocalDate date, boolean force, Consumer<String> progress) {
        return run(configFile, date, force, new org.wfm.cli.units.EngineOptions(null,
                org.wfm.cli.units.EngineOptions.defaultThreads(), null), progress);
    }

    /**
     * Runs the plan of {@code configFile} for {@code date} (null: today in the plan's time zone).
     *
     * @throws WfmException (exit 2) when another run holds the lock, or the date has run and {@code force} is false
     * @throws org.wfm.forecast.io.InputException (exit 3) for a bad plan.yaml or input file
     */
    public static Outcome run(Path configFile, LocalDate date, boolean force,
                              org.wfm.cli.units.EngineOptions engine, Consumer<String> progress) {
        return run(configFile, date, force, null, engine, progress);
    }

    /** As above; {@code overrides} ({@code --overrides}, may be null) replaces plan.yaml's {@code overrides:}. */
    public static Outcome run(Path configFile, LocalDate date, boolean force, Path overrides,
                              org.wfm.cli.units.EngineOptions engine, Consumer<String> progress) {
        return run(configFile, date, force, overrides, engine, java.time.Clock.systemUTC(), progress);
    }

    /**
     * As above, with the clock that says what "today" is when {@code date} is null (tests fix it): today in the
     * plan's time zone ({@link #zone(PlanConfig)}); with units each unit also takes today in its own zone
     * ({@link UnitsPlanRun#dates}).
     */
    public static Outcome run(Path configFile, LocalDate date, boolean force, Path overrides,
                              org.wfm.cli.units.EngineOptions engine, java.time.Clock clock,
                              Consumer<String> progress) {
        long t0 = System.nanoTime();
        PlanConfig read = PlanConfigReader.read(InputFiles.requireFile(configFile, "--config"), Pipeline.notes());
        if (overrides != null && read.hasUnits()) {
            throw WfmException.usage("--overrides: this plan has units: (each with its own channels); give each unit"
                    + " its overrides: in " + configFile);
        }
        PlanConfig cfg = overrides == null ? read : new PlanConfig(read.file(), read.history(), read.holidays(),
                read.channels(), read.agents(), read.timeoff(), read.rules(), read.timezone(), read.forecast(),
                read.schedule(), read.runs(), read.previous(), read.keepRuns(), read.historyFormat(),
                read.preferences(), InputFiles.requireFile(overrides, "--overrides"), read.capacity(), read.units());
        if (cfg.hasUnits()) {
            return UnitsPlanRun.run(cfg, configFile, UnitsPlanRun.dates(cfg, date, clock), force, engine, progress,
                    t0);
        }
        if (engine.master() != null || (engine.engine() != null
                && !org.wfm.cli.units.EngineOptions.LOCAL.equals(engine.engine()))) {
            throw WfmException.usage("--engine and --master apply to a plan with units: (" + configFile
                    + " has none); a single plan runs on this machine");
        }
        LocalDate runDate = date != null ? date : LocalDate.now(clock.withZone(zone(cfg)));
        Path runs = cfg.runs().normalize();
        Path runDir = runs.resolve(runDate.toString());
        // The place (runs/ writable, free space) and the run folder's own lock, before any work; an existing folder
        // is refused below, with the plan's own message, once leftovers are recovered.
        try (AtomicOutput.Claim claim = AtomicOutput.claim(runDir, AtomicOutput.Kind.FOLDER, true, "runs:");
             OutputLock lock = OutputLock.acquire(runs.resolve(LOCK), "running a plan in " + runs)) {
            // a run killed half-way (by any command writing here) left temporary folders, a backup or a journal
            AtomicOutput.recoverAll(runs);
            checkLatest(runs);
            if (Files.exists(runDir) && !force) {
                throw WfmException.usage(runDir + " already exists: the plan for " + runDate
                        + " has run (use --force to run it again)");
            }
            Path previous = cfg.previous() == PlanConfig.Previous.LATEST ? previousRun(runs, runDate).orElse(null)
                    : null;
            if (previous != null && !Files.isRegularFile(previous.resolve("schedule.csv"))) {
                Console.note("the previous run " + previous + " planned units (units/), this plan has none;"
                        + " planned from scratch");
                previous = null;
            }
            LocalDate start = cfg.schedule().start().resolve(runDate);
            RunLog log = new RunLog(progress);
            log.step("wfm plan " + configFile + " for " + runDate + ": schedule " + start + " + "
                    + cfg.schedule().days() + " days, previous " + (previous == null ? "none" : previous)
                    + (force ? " (--force)" : ""));
            PipelineRun.Request req = new PipelineRun.Request(
                    new PipelineRun.InputSet(cfg.history(), cfg.holidays(), cfg.channels(), cfg.agents(),
                            cfg.timeoff(), cfg.rules(), cfg.historyFormat(), cfg.preferences(), cfg.overrides()),
                    cfg.timezone(), runDate.plusDays(1), cfg.forecast().horizonDays(),
                    new Rules.Horizon(start, cfg.schedule().days()),
                    new PipelineRun.Settings(cfg.forecast().method(), cfg.forecast().level(),
                            cfg.schedule().timeLimit(), cfg.schedule().seed(), previous));
            PipelineRun.Result result;
            try (Console.Copying notes = Console.copyNotesTo(log::text)) {
                result = PipelineRun.run(req, claim, log::progress, (tmp, outcome) -> {
                    capacity(cfg, runDate, tmp.resolve(CAPACITY_FOLDER), log);
                    log.step("run complete in " + Math.round((System.nanoTime() - t0) / 1e9) + " s");
                    log.text(Report.plain(outcome, runDir.toString()));
                    write(tmp.resolve("run.log"), log.contents());
                });
            }
            updateLatest(runs);
            if (cfg.keepRuns() != null) {
                List<Path> removed = retain(runs, runDate, cfg.keepRuns(), log::step);
                if (!removed.isEmpty()) {
                    // run.log is replaced whole (atomic), never appended to in place
                    Path runLog = runDir.resolve("run.log");
                    Path tmp = AtomicOutput.tempFileFor(runLog);
                    write(tmp, log.contents());
                    AtomicOutput.commit(tmp, runLog);
                }
            }
            return new Outcome(result, runDir, previous, runDate, start, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The capacity plan's sub-folder of a run folder (plan.yaml {@code capacity:}). */
    public static final String CAPACITY_FOLDER = "capacity";

    /**
     * plan.yaml {@code capacity:} on one of its weekdays: the months-ahead plan of {@code wfm capacity} from the
     * plan's own inputs, written into {@code dir} inside the run folder before it is committed (one atomic night).
     */
    static void capacity(PlanConfig cfg, LocalDate runDate, Path dir, RunLog log) {
        PlanConfig.Capacity c = cfg.capacity();
        if (c == null) {
            return;
        }
        if (!c.on().contains(runDate.getDayOfWeek())) {
            log.step("capacity: not on " + runDate.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                    java.util.Locale.ROOT) + " (plan.yaml capacity.on)");
            return;
        }
        log.step("capacity plan, " + c.months() + " months");
        CapacityRun.Result r = CapacityRun.run(new CapacityRun.Request(cfg.history(), cfg.channels(), cfg.agents(),
                cfg.rules(), cfg.holidays(), null, cfg.timezone(), c.months(), c.attrition(), c.hires(),
                c.scenarios(), c.efficiency(), CapacityRun.DEFAULT_CALIBRATION_WEEKS,
                java.time.Duration.ofSeconds(CapacityRun.DEFAULT_CALIBRATION_SECONDS), cfg.schedule().seed(),
                CapacityRun.DEFAULT_FTE_HOURS, CapacityRun.DEFAULT_TRAINING_WEEKS, CapacityRun.DEFAULT_RAMP_WEEKS,
                CapacityRun.DEFAULT_LEAD_WEEKS, CapacityRun.DEFAULT_CLASS_EVERY, CapacityRun.DEFAULT_HIRE_COST, null,
                null), log::progress);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.wfm.cli.export.CapacityOutputs.write(dir, r);
        log.text(org.wfm.cli.export.CapacityOutputs.text(r, dir));
    }

    /**
     * runs/latest must be the link wfm keeps: a real folder or file there is the planner's and is not replaced
     * (it used to be, silently, by latest.txt). Said before the work, not after it.
     */
    static void checkLatest(Path runs) {
        Path link = runs.resolve(LATEST);
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new WfmException(org.wfm.cli.ExitCodes.INPUT, link + " is a " + (Files.isDirectory(link)
                    ? "folder" : "file") + ", not the link wfm keeps to the newest run; move it away and run again");
        }
    }

    /**
     * keep_runs: removes run folders beyond the newest {@code count}, or dated more than {@code days} days before
     * the run, after a successful run. Never the newest complete run, the run just written, nor a run that a kept
     * run used as its previous schedule (its summary.json {@code previous}). A folder is first renamed out of sight
     * ({@link AtomicOutput#delete}), so a kill while deleting never leaves a half folder under a date name.
     *
     * @return the folders removed
     */
    static List<Path> retain(Path runs, LocalDate runDate, PlanConfig.KeepRuns keep, Consumer<String> progress) {
        List<Path> dated = runFolders(runs);   // newest first
        java.util.Set<Path> kept = new java.util.LinkedHashSet<>();
        for (int i = 0; i < dated.size(); i++) {
            Path p = dated.get(i);
            LocalDate d = LocalDate.parse(p.getFileName().toString());
            boolean keepIt = keep.count() != null ? i < keep.count()
                    : !d.isBefore(runDate.minusDays(keep.days()));
            if (keepIt || d.equals(runDate)) {
                kept.add(p);
            }
        }
        previousRun(runs, LocalDate.MAX).ifPresent(kept::add);
        for (Path p : List.copyOf(kept)) {
            previousOf(p).ifPresent(prev -> dated.stream()
                    .filter(q -> q.getFileName().equals(prev.getFileName())).forEach(kept::add));
        }
        List<Path> removed = new ArrayList<>();
        for (Path p : dated) {
            if (kept.contains(p)) {
                continue;
            }
            // the run folder's own lock: a wfm simulate or schedule --out writing into it meanwhile keeps it
            try (OutputLock held = OutputLock.tryAcquire(p.resolveSibling("." + p.getFileName() + ".lock"))) {
                if (held == null || !AtomicOutput.delete(p)) {
                    Console.note("keep_runs " + keep + ": could not remove " + p
                            + (held == null ? " (another wfm is writing it)" : ""));
                    continue;
                }
            }
            removed.add(p);
        }
        if (!removed.isEmpty()) {
            progress.accept("keep_runs " + keep + ": removed " + removed.size() + " older run folder"
                    + (removed.size() == 1 ? "" : "s") + ": " + String.join(", ",
                    removed.stream().map(q -> q.getFileName().toString()).toList()));
        }
        return removed;
    }

    /** Folders named YYYY-MM-DD (not links), newest first. */
    static List<Path> runFolders(Path runs) {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> !Files.isSymbolicLink(p) && Files.isDirectory(p))
                    .filter(p -> parseDate(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The previous schedule a run folder's summary.json names, if any. */
    static Optional<Path> previousOf(Path runDir) {
        if (Files.isDirectory(runDir.resolve("units"))) {
            try {
                String prev = org.wfm.cli.output.SummaryJson.read(runDir.resolve("summary.json")).path("previous").textValue();
                return Optional.ofNullable(prev).map(Path::of);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.ofNullable(org.wfm.cli.export.RunFolder.open(runDir, "--previous").record().previous())
                    .map(Path::of);
        } catch (RuntimeException e) {
            // a damaged or foreign folder names no previous run: retention then keeps nothing for it
            return Optional.empty();
        }
    }

    /**
     * The plan's time zone, which decides what "today" is: channels.yaml's {@code timezone}, else plan.yaml's,
     * else the system's (the same precedence the readers use for the schedule).
     */
    static ZoneId zone(PlanConfig cfg) {
        return zone(cfg.channels(), cfg.timezone());
    }

    /** The zone of {@code channels} (its {@code timezone:}), else {@code timezone}, else the system's. */
    static ZoneId zone(Path channels, ZoneId timezone) {
        ZoneId fallback = timezone != null ? timezone : ZoneId.systemDefault();
        return ChannelsReader.read(channels, fallback, new Notes()).zone();
    }

    /**
     * The newest complete run folder dated before {@code runDate} (the published schedule). Complete: named
     * YYYY-MM-DD with summary.json and schedule.csv, or units/ for a plan with units (a folder is renamed into place only when complete, so a
     * folder with a date name and no schedule was put there by hand and is not trusted).
     */
    static Optional<Path> previousRun(Path runs, LocalDate runDate) {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> (Files.isRegularFile(p.resolve("schedule.csv"))
                            || Files.isDirectory(p.resolve("units")))
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

    /** Points runs/latest at the newest complete run folder (a relative link, replaced atomically by a rename). */
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
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(tmp);
            // no symbolic links on this file system (some Windows setups): record the name instead, and say so
            Console.note("runs/latest: symbolic links are not available here (" + e.getMessage()
                    + "); the newest run is named in " + runs.resolve(LATEST + ".txt"));
            Path txt = AtomicOutput.tempFileFor(runs.resolve(LATEST + ".txt"));
            write(txt, targetName + "\n");
            AtomicOutput.commit(txt, runs.resolve(LATEST + ".txt"));
            return;
        }
        try {
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot update " + link + ": " + e.getMessage(), e);
        }
    }

    /** run.log: the steps with their times (thinned as under cron), the readers' notes and the plain summary. */
    static final class RunLog {
        private final Consumer<String> progress;
        private final Console.Throttle throttle = new Console.Throttle(Console.Throttle.DEFAULT_NANOS);
        private final List<String> lines = new ArrayList<>();

        RunLog(Consumer<String> progress) {
            this.progress = progress;
        }

        /*
         * The console is called outside this object's lock: Console.note holds the console's lock while it copies
         * the note here (text), so a step holding this lock while it waits for the console's deadlocked two units
         * of a plan running on two threads (found by UnitsPlanTest under load).
         */

        /** A line always kept in the log. */
        void step(String line) {
            synchronized (this) {
                lines.add(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(Console.STAMP) + " " + line);
            }
            progress.accept(line);
        }

        void progress(String line) {
            synchronized (this) {
                if (throttle.admit(line, System.nanoTime())) {
                    lines.add(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(Console.STAMP) + " " + line);
                }
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

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a lock left behind names this (soon dead) process and is taken over by the next run
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
