package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.wfm.cli.Console;
import org.wfm.cli.export.RunFolder;
import org.wfm.cli.output.OutputReaders;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.staffing.Requirement;

/**
 * A written run folder with the inputs it was scheduled from, for the checks that judge requests against it
 * ({@code wfm timeoff check}, {@code wfm swap check}): its schedule.csv and requirements.csv, and channels.yaml,
 * agents.csv, rules.yaml and timeoff.csv from summary.json's {@code input_files} (each overridable by an option),
 * with the run's horizon ({@code options.horizon_start}/{@code horizon_days} of a plan run, else rules.yaml's) and
 * its published schedule ({@code previous}) for rest across the horizon's start. An input whose checksum differs from
 * the one the run recorded is used as it is now, with a warning.
 */
public final class RunInputs {
    private RunInputs() {
    }

    /** What a check reads: the evaluator's input and the run's schedule rows. */
    public record Loaded(Path dir, ScheduleInput input, List<ScheduleRow> rows, Path rulesFile,
                         Pipeline.ScheduleInputs files) {
    }

    /** Overrides of the recorded inputs; null fields mean "as recorded". */
    public record Overrides(Path channels, Path agents, Path rules, Path timeoff) {
    }

    public static Loaded load(Path dir, Overrides o) {
        return load(dir, o, "--run");
    }

    /** As above; {@code option} names the run folder's option in messages ({@code --schedule}). */
    public static Loaded load(Path dir, Overrides o, String option) {
        RunFolder run = RunFolder.open(dir, option);
        InputFiles.requireFile(dir.resolve(RunFolder.REQUIREMENTS), option);
        InputFiles.requireFile(dir.resolve(RunFolder.SUMMARY), option);
        JsonNode summary = run.summary();
        JsonNode files = summary.path("input_files");
        Path channels = input(o.channels(), files, "channels", dir);
        Path agents = input(o.agents(), files, "agents", dir);
        Path rules = input(o.rules(), files, "rules", dir);
        Path timeoff = o.timeoff() != null ? o.timeoff()
                : files.hasNonNull("timeoff") ? Path.of(files.get("timeoff").asText()) : null;
        if (timeoff != null && o.timeoff() == null && !Files.isRegularFile(timeoff)) {
            Console.warning("the run's time-off file " + timeoff + " is gone; checking without it (give --timeoff)");
            timeoff = null;
        }
        for (Path p : new Path[] {channels, agents, rules, timeoff}) {
            changedSince(p, summary.path("inputs"));
        }
        Rules.Horizon horizon = null;
        JsonNode options = summary.path("options");
        if (options.hasNonNull("horizon_start") && options.hasNonNull("horizon_days")) {
            horizon = new Rules.Horizon(LocalDate.parse(options.get("horizon_start").asText()),
                    options.get("horizon_days").asInt());
        }
        Pipeline.ScheduleInputs in = Pipeline.scheduleInputs(channels, agents, rules, timeoff, null, horizon);
        List<Requirement> all = OutputReaders.readRequirements(dir.resolve(RunFolder.REQUIREMENTS), in.channels(),
                channels.toString());
        List<String> notes = new ArrayList<>();
        List<Requirement> reqs = Pipeline.inHorizon(all, in.rules(), notes);
        List<ScheduleRow> previous = List.of();
        JsonNode prev = summary.path("previous");
        if (prev.isTextual() && !prev.asText().isEmpty()) {
            Path p = Path.of(prev.asText());
            if (Files.isRegularFile(p.resolve(RunFolder.SCHEDULE))) {
                previous = Pipeline.previous(p);
            } else {
                Console.warning("the run's published schedule " + p + " is gone; rest after it is not checked");
            }
        }
        ScheduleInput input = Pipeline.scheduleInput(in, reqs, previous);
        return new Loaded(dir, input, run.schedule(), rules, in);
    }

    private static Path input(Path given, JsonNode files, String role, Path dir) {
        if (given != null) {
            return given;
        }
        if (!files.hasNonNull(role)) {
            throw new InputException(dir.resolve(RunFolder.SUMMARY).toString(), 0, "input_files",
                    "does not name the run's " + role + " file (a run written by an older wfm); give --" + role);
        }
        return Path.of(files.get(role).asText());
    }

    private static void changedSince(Path p, JsonNode recorded) {
        if (p == null || !Files.isRegularFile(p) || !recorded.isObject()) {
            return;
        }
        Path abs = p.toAbsolutePath().normalize();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) recorded::fields) {
            if (Path.of(e.getKey()).toAbsolutePath().normalize().equals(abs)
                    && !e.getValue().asText().equals(Checksums.sha256(p))) {
                Console.warning(p + " changed since the run was scheduled; checking against it as it is now");
            }
        }
    }
}
