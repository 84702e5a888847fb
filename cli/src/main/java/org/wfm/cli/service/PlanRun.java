package org.wfm.cli.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.wfm.cli.WfmException;
import org.wfm.cli.io.PlanConfig;
import org.wfm.cli.io.PlanConfigReader;
import org.wfm.scheduler.domain.Rules;

/**
 * The nightly batch: forecast → requirements → schedule → export into {@code runs/YYYY-MM-DD/}, with a lock
 * so two runs cannot overlap, the newest earlier run folder as the published schedule, a run.log, and
 * {@code runs/latest} pointing at the newest complete run.
 */
public final class PlanRun {
    static final String LOCK = ".wfm-plan.lock";

    private PlanRun() {
    }

    public record Outcome(PipelineRun.Result result, Path runDir, Path previous, LocalDate runDate,
                          LocalDate scheduleStart) {
    }

    public static Outcome run(Path configFile, LocalDate date, boolean force, Consumer<String> progress) {
        PlanConfig cfg = PlanConfigReader.read(InputFiles.requireFile(configFile, "--config"), Pipeline.notes());
        LocalDate runDate = date != null ? date : LocalDate.now(cfg.timezone() != null ? cfg.timezone()
                : java.time.ZoneId.systemDefault());
        Path runs = cfg.runs();
        Path runDir = runs.resolve(runDate.toString());
        if (Files.exists(runDir) && !force) {
            throw WfmException.usage(runDir + " already exists: the plan for " + runDate
                    + " has run (use --force to run it again)");
        }
        Path created = firstMissing(runs);
        createDirs(runs);
        Path lock = runs.resolve(LOCK);
        acquire(lock);
        boolean done = false;
        try {
            Path previous = cfg.previous() == PlanConfig.Previous.LATEST ? previousRun(runs, runDate).orElse(null)
                    : null;
            LocalDate start = cfg.schedule().start().resolve(runDate);
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            Consumer<String> logging = line -> {
                log.add(LocalTime.now().withNano(0) + " " + line);
                progress.accept(line);
            };
            logging.accept("wfm plan " + configFile + " for " + runDate + ": schedule " + start + " + "
                    + cfg.schedule().days() + " days, previous " + (previous == null ? "none" : previous));
            PipelineRun.Request req = new PipelineRun.Request(
                    new PipelineRun.InputSet(cfg.history(), cfg.holidays(), cfg.channels(), cfg.agents(),
                            cfg.timeoff(), cfg.rules()),
                    cfg.timezone(), runDate, cfg.forecast().horizonDays(),
                    new Rules.Horizon(start, cfg.schedule().days()),
                    new PipelineRun.Settings(cfg.forecast().method(), cfg.forecast().level(),
                            cfg.schedule().timeLimit(), cfg.schedule().seed(), previous));
            PipelineRun.Result result = PipelineRun.run(req, runDir, force, logging, tmp -> {
                logging.accept("run complete");
                write(tmp.resolve("run.log"), String.join("\n", log) + "\n");
            });
            updateLatest(runs, runDir);
            done = true;
            return new Outcome(result, runDir, previous, runDate, start);
        } finally {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException ignored) {
                // a stale lock names a dead process and is taken over by the next run
            }
            if (!done && created != null) {
                removeEmpty(runs.toAbsolutePath().normalize(), created);
            }
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

    /** A failed run leaves not even an empty folder: removes the folders this run created, if still empty. */
    private static void removeEmpty(Path from, Path upTo) {
        for (Path q = from; q != null && q.startsWith(upTo); q = q.getParent()) {
            try {
                Files.deleteIfExists(q);
            } catch (IOException notEmpty) {
                return;
            }
        }
    }

    /** The newest complete run folder dated before {@code runDate} (the published schedule). */
    static Optional<Path> previousRun(Path runs, LocalDate runDate) {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("schedule.csv"))
                            && Files.isRegularFile(p.resolve("summary.json")))
                    .filter(p -> parseDate(p.getFileName().toString()).map(d -> d.isBefore(runDate)).orElse(false))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<LocalDate> parseDate(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Takes the lock, or refuses (exit 2) while another live wfm plan holds it. A dead holder's lock is taken over. */
    static void acquire(Path lock) {
        String me = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(lock, me + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException e) {
                String holder = read(lock).trim();
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(holder)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException nfe) {
                    alive = false;
                }
                if (alive) {
                    throw WfmException.usage("another wfm plan is running (process " + holder + ", lock " + lock
                            + ")");
                }
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw WfmException.usage("could not take the lock " + lock);
    }

    /** Points runs/latest at the newest complete run folder (relative link, replaced atomically). */
    static void updateLatest(Path runs, Path runDir) {
        Optional<Path> newest = previousRun(runs, LocalDate.MAX);
        Path targetName = newest.map(Path::getFileName).orElse(runDir.getFileName());
        Path link = runs.resolve("latest");
        Path tmp = runs.resolve(".latest.tmp-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, targetName);
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(tmp);
                Files.writeString(link.resolveSibling("latest.txt"), targetName + "\n");
            } catch (IOException ignored) {
                // no symlinks on this file system and no way to record the newest run: not fatal
            }
        }
    }

    private static void createDirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
