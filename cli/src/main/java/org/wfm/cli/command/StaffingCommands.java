package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.io.Durations;
import org.wfm.cli.io.Share;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.output.SummaryJson;
import org.wfm.cli.service.InputFiles;
import org.wfm.cli.service.Pipeline;
import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.Staffing;
import org.wfm.scheduler.staffing.StaffingResult;

/** {@code wfm requirements} and the {@code wfm erlang} calculator. */
@ShellComponent
public class StaffingCommands {

    @ShellMethod(key = "requirements", value = "Staffing needed per interval and channel (Erlang C/A, chat concurrency, deferred work, shrinkage).")
    public String requirements(
            @ShellOption(help = "forecast.csv from wfm forecast", valueProvider = FileValueProvider.class) String forecast,
            @ShellOption(help = "channels.yaml", valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "requirements.csv to write", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "overwrite an existing output", defaultValue = "false") boolean force) {
        Path outPath = Path.of(out);
        try (AtomicOutput.Claim claim = AtomicOutput.claim(outPath, AtomicOutput.Kind.FILE, force, "--out")) {
            return requirements(claim, forecast, channels);
        }
    }

    private String requirements(AtomicOutput.Claim claim, String forecast, String channels) {
        Path outPath = claim.target();
        ChannelPlan plan = Pipeline.channels(Path.of(channels));
        // channels missing from channels.yaml are an input error of the reader (the contract's plausibility rules)
        List<ForecastPoint> points = OutputReaders.readDemand(InputFiles.requireFile(Path.of(forecast), "--forecast"),
                plan, channels);
        List<Requirement> reqs = Pipeline.requirements(points, plan, Path.of(forecast), channels);
        Path tmp = claim.temporary();
        try {
            CsvFiles.writeRequirements(tmp, reqs);
            claim.commit(tmp);
        } catch (RuntimeException | Error e) {
            AtomicOutput.discard(tmp);
            throw e;
        }
        Map<String, double[]> perChannel = new LinkedHashMap<>();
        for (Requirement r : reqs) {
            double[] a = perChannel.computeIfAbsent(r.channel(), k -> new double[3]);
            a[0] += r.requiredStaff() * plan.intervalMinutes() / 60.0;
            a[1] = Math.max(a[1], r.requiredStaff());
            a[2] += r.forecastVolume();
        }
        StringBuilder sb = new StringBuilder("Requirements: " + reqs.size() + " rows\n");
        perChannel.forEach((ch, a) -> sb.append(String.format(Locale.ROOT,
                "  %-8s %,10.0f contacts  %,9.1f staff-hours  peak %.1f staff%n", ch, a[2], a[0], a[1])));
        return sb.append("Wrote ").append(outPath).toString();
    }

    @ShellMethod(key = "erlang", value = "Erlang C / Erlang A calculator: the fewest agents meeting a service level, or the figures for --agents.")
    public String erlang(
            @ShellOption(help = "contacts arriving in the interval") double calls,
            @ShellOption(value = "--aht", help = "average handle time: 300, 300s or 5m") Duration ahtTime,
            @ShellOption(value = "--interval-minutes", help = "interval length in minutes", defaultValue = "15") double intervalMinutes,
            @ShellOption(value = "--target-sl", help = "service level target: 0.8, 80 or 80%", defaultValue = "0.8") Share targetShare,
            @ShellOption(value = "--answer-seconds", help = "answer time of the target: 20, 20s or 1m", defaultValue = "20") Duration answerTime,
            @ShellOption(value = "--patience", help = "mean patience before abandoning (Erlang A): 180, 180s or 3m; omit for Erlang C", defaultValue = ShellOption.NULL) Duration patienceTime,
            @ShellOption(help = "contacts one agent serves at once (chat)", defaultValue = "1") int concurrency,
            @ShellOption(value = "--max-occupancy", help = "occupancy cap: 0.85, 85 or 85%; default none", defaultValue = ShellOption.NULL) Share occupancyCap,
            @ShellOption(help = "evaluate this many agents instead of finding the fewest", defaultValue = ShellOption.NULL) Integer agents,
            @ShellOption(help = "print JSON for scripts", defaultValue = "false") boolean json) {
        double aht = Durations.seconds(ahtTime);
        double targetSl = targetShare.fraction();
        double answerSeconds = Durations.seconds(answerTime);
        Double patience = patienceTime == null ? null : Durations.seconds(patienceTime);
        Double maxOccupancy = occupancyCap == null ? null : occupancyCap.fraction();
        Options.inRange(calls, 0, 1e7, "--calls");
        Options.inRange(aht, 1, 86400, "--aht");
        Options.inRange(intervalMinutes, 1, 1440, "--interval-minutes");
        Options.inRange(answerSeconds, 0, 86400, "--answer-seconds");
        if (patience != null) {
            Options.inRange(patience, 1, 1e6, "--patience");
        }
        Options.positive(concurrency, "--concurrency");
        if (maxOccupancy != null) {
            Options.inRange(maxOccupancy, 0.01, 1, "--max-occupancy");
        }
        if (agents != null) {
            Options.inRange(agents, 0, 1_000_000, "--agents");
        }
        if (intervalMinutes != Math.rint(intervalMinutes)) {
            throw org.wfm.cli.WfmException.usage("--interval-minutes must be a whole number of minutes");
        }
        double pat = patience == null ? Double.NaN : patience;
        double occ = maxOccupancy == null ? Double.NaN : maxOccupancy;
        StaffingResult r;
        try {
            r = agents != null
                    ? Staffing.evaluate(calls, aht, (int) intervalMinutes, answerSeconds, pat, concurrency, agents)
                    : Staffing.required(calls, aht, (int) intervalMinutes, targetSl, answerSeconds, pat, concurrency, occ);
        } catch (org.wfm.scheduler.staffing.StaffingLimitException e) {
            throw org.wfm.cli.WfmException.usage(e.getMessage());
        }
        if (json) {
            var node = SummaryJson.MAPPER.createObjectNode();
            node.put("agents", r.agents());
            putFinite(node, "service_level", r.serviceLevel());
            putFinite(node, "asa_seconds", r.asaSeconds());
            putFinite(node, "occupancy", r.occupancy());
            putFinite(node, "abandonment", r.abandonment());
            return node.toString();
        }
        double erlangs = calls * aht / (intervalMinutes * 60.0);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s, %.2f Erlangs offered (%.0f contacts x %.0f s in %.0f min)%s",
                patience == null ? "Erlang C" : "Erlang A (mean patience " + Options.trim(patience) + " s)", erlangs,
                calls, aht, intervalMinutes, concurrency > 1 ? ", concurrency " + concurrency : ""));
        lines.add(String.format(Locale.ROOT, "  agents           %d%s", r.agents(),
                agents == null ? String.format(Locale.ROOT, "  (fewest meeting %.0f%% in %.0f s%s)", 100 * targetSl,
                        answerSeconds, maxOccupancy == null ? "" : String.format(Locale.ROOT,
                                " and occupancy <= %.0f%%", 100 * maxOccupancy)) : ""));
        lines.add(String.format(Locale.ROOT, "  service level    %.1f%% answered within %.0f s", 100 * r.serviceLevel(),
                answerSeconds));
        lines.add(Double.isFinite(r.asaSeconds())
                ? String.format(Locale.ROOT, "  ASA              %.1f s", r.asaSeconds())
                : "  ASA              unbounded (the queue grows without limit: more work than agents)");
        lines.add(String.format(Locale.ROOT, "  occupancy        %.1f%%", 100 * r.occupancy()));
        lines.add(String.format(Locale.ROOT, "  abandonment      %.1f%%", 100 * r.abandonment()));
        return String.join("\n", lines);
    }

    /** JSON has no Infinity: an unstable queue's unbounded wait is written as null. */
    private static void putFinite(com.fasterxml.jackson.databind.node.ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
