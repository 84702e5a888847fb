package org.wfm.cli.command;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.standard.FileValueProvider;
import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.springframework.shell.standard.ShellOption;
import org.wfm.cli.Console;
import org.wfm.cli.ExitCodes;
import org.wfm.cli.WfmException;
import org.wfm.cli.service.AgentRequests;
import org.wfm.cli.service.RunInputs;
import org.wfm.scheduler.domain.SwapVerdict;
import org.wfm.scheduler.domain.TimeOffDecision;

/** {@code wfm timeoff check} and {@code wfm swap check}: agents' requests judged against a written run. */
@ShellComponent
public class RequestCommands {

    @ShellMethod(key = "timeoff check", value = "Approve, refuse or wait-list time-off requests against a run's coverage and the daily allotments; writes one decision per request.")
    public String timeoffCheck(
            @ShellOption(help = "run folder written by wfm schedule, demo or plan", valueProvider = FileValueProvider.class) String run,
            @ShellOption(help = "requests: agent_id,date,start,end[,rank] (empty times = whole day)", valueProvider = FileValueProvider.class) String requests,
            @ShellOption(help = "decisions CSV to write", valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "channels.yaml; default the run's (summary.json input_files)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "agents.csv; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String agents,
            @ShellOption(help = "rules.yaml (its timeoff: section sets allotments); default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String rules,
            @ShellOption(help = "timeoff.csv already granted; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String timeoff,
            @ShellOption(help = "overwrite an existing output", defaultValue = "false") boolean force) {
        List<TimeOffDecision> d = AgentRequests.timeOff(Path.of(run), overrides(channels, agents, rules, timeoff),
                Path.of(requests), Path.of(out), force);
        Map<TimeOffDecision.Decision, Integer> count = new EnumMap<>(TimeOffDecision.Decision.class);
        d.forEach(x -> count.merge(x.decision(), 1, Integer::sum));
        return String.format(Locale.ROOT, "%d requests: %d approved, %d refused, %d wait-listed -> %s", d.size(),
                count.getOrDefault(TimeOffDecision.Decision.APPROVED, 0),
                count.getOrDefault(TimeOffDecision.Decision.REFUSED, 0),
                count.getOrDefault(TimeOffDecision.Decision.WAITLISTED, 0), out);
    }

    @ShellMethod(key = "swap check", value = "Check a shift swap between two agents on a day (exit 0 valid, 4 not valid, the reason on stdout), or a file of swaps with --requests --out.")
    public String swapCheck(
            @ShellOption(help = "run folder written by wfm schedule, demo or plan", valueProvider = FileValueProvider.class) String run,
            @ShellOption(help = "agent asking for the swap", defaultValue = ShellOption.NULL) String agent,
            @ShellOption(help = "agent taking the other shift", defaultValue = ShellOption.NULL) String with,
            @ShellOption(help = "day of the two shifts, YYYY-MM-DD", defaultValue = ShellOption.NULL) String date,
            @ShellOption(help = "many swaps: agent_id,with,date (then --out, and exit 0)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String requests,
            @ShellOption(help = "verdicts CSV to write with --requests", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String out,
            @ShellOption(help = "channels.yaml; default the run's (summary.json input_files)", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String channels,
            @ShellOption(help = "agents.csv; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String agents,
            @ShellOption(help = "rules.yaml; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String rules,
            @ShellOption(help = "timeoff.csv; default the run's", defaultValue = ShellOption.NULL, valueProvider = FileValueProvider.class) String timeoff,
            @ShellOption(help = "overwrite an existing output", defaultValue = "false") boolean force) {
        RunInputs.Overrides o = overrides(channels, agents, rules, timeoff);
        if (requests != null) {
            if (agent != null || with != null || date != null) {
                throw WfmException.usage("give either --requests (with --out) or --agent, --with and --date");
            }
            if (out == null) {
                throw WfmException.usage("--requests needs --out, the verdicts CSV to write");
            }
            List<SwapVerdict> v = AgentRequests.swaps(Path.of(run), o, Path.of(requests), Path.of(out), force);
            long valid = v.stream().filter(SwapVerdict::valid).count();
            return String.format(Locale.ROOT, "%d swaps: %d valid, %d not valid -> %s", v.size(), valid,
                    v.size() - valid, out);
        }
        if (agent == null || with == null || date == null) {
            throw WfmException.usage("Missing mandatory option: give --agent, --with and --date (or --requests and"
                    + " --out)");
        }
        if (out != null) {
            throw WfmException.usage("--out goes with --requests; one swap is answered on stdout");
        }
        SwapVerdict v = AgentRequests.swap(Path.of(run), o, agent, with, day(date));
        if (!v.valid()) {
            Console.line(v.reason());
            throw new WfmException(ExitCodes.STRICT, "swap not valid (" + v.rule() + ")");
        }
        return v.reason();
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw WfmException.usage("--date: \"" + text + "\" is not a date (expected YYYY-MM-DD)");
        }
    }

    private static RunInputs.Overrides overrides(String channels, String agents, String rules, String timeoff) {
        return new RunInputs.Overrides(Options.path(channels), Options.path(agents), Options.path(rules),
                Options.path(timeoff));
    }
}
