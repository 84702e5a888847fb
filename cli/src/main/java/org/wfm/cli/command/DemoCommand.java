package org.wfm.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.service.PipelineRun;
import org.wfm.cli.service.Report;

/** {@code wfm demo}: the whole pipeline on the bundled samples. */
@ShellComponent
public class DemoCommand {

    @ShellMethod(key = "demo", value = "Run the whole pipeline (forecast, requirements, schedule, export) on the bundled samples.")
    public String demo(
            @ShellOption(help = "folder to write", defaultValue = "out/demo", valueProvider = FileValueProvider.class) String out,
            @ShellOption(value = "--time-limit", help = "longest solver run: 90s, 2m, PT2M or plain seconds; it stops sooner when a third of it (at least 10 s) brings no better schedule", defaultValue = "30s") String timeLimit,
            @ShellOption(help = "random seed", defaultValue = "1") long seed,
            @ShellOption(help = "overwrite an existing output folder", defaultValue = "false") boolean force) throws Exception {
        Duration limit = ScheduleCommands.duration(timeLimit);
        long t0 = System.nanoTime();
        Path target = Path.of(out);
        PipelineRun.Request req = new PipelineRun.Request(PipelineRun.sampleFiles(), null, null, 0, null,
                new PipelineRun.Settings("auto", 80, limit, seed, null));
        PipelineRun.Result r;
        try (AtomicOutput.Claim claim = AtomicOutput.claim(target, AtomicOutput.Kind.FOLDER, force, "--out")) {
            r = PipelineRun.run(req, claim, Console::progress, null);
        }
        Console.endProgress();
        String files;
        try (Stream<Path> s = Files.list(target)) {
            files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        }
        return Report.schedule(Report.withSimulated(r.outcome(), target), target.toString()) + String.format(java.util.Locale.ROOT,
                "%nDemo finished in %.0f s. Files in %s: %s", (System.nanoTime() - t0) / 1e9,
                target.toAbsolutePath(), files);
    }
}
