package org.wfm.cli.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wfm.cli.WfmException;
import org.wfm.cli.io.AgentRequestsReader;
import org.wfm.cli.io.TimeOffPolicyReader;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvCells;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.Numbers;
import org.wfm.cli.output.Timestamps;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.SwapVerdict;
import org.wfm.scheduler.domain.TimeOffDecision;
import org.wfm.scheduler.domain.TimeOffPolicy;
import org.wfm.scheduler.domain.TimeOffRequest;
import org.wfm.scheduler.requests.ShiftSwap;
import org.wfm.scheduler.requests.TimeOffCheck;
import org.wfm.scheduler.solver.Evaluation;
import org.wfm.scheduler.solver.ScheduleEvaluator;

/**
 * {@code wfm timeoff check} and {@code wfm swap check}: the run folder and its inputs ({@link RunInputs}), the
 * request files ({@link AgentRequestsReader}), the decisions ({@link TimeOffCheck}, {@link ShiftSwap}) and the
 * written answers (formats in docs/agents.md).
 */
public final class AgentRequests {
    public static final String[] TIME_OFF_HEADER = {"agent_id", "date", "start", "end", "decision", "reason",
        "service_level_with", "service_level_without", "rank", "line"};
    public static final String[] SWAP_HEADER = {"agent_id", "with", "date", "valid", "rule", "reason", "line"};

    private AgentRequests() {
    }

    /** Decides the requests and writes {@code out}; the decisions in processing order. */
    public static List<TimeOffDecision> timeOff(Path run, RunInputs.Overrides o, Path requests, Path out,
                                                boolean force) {
        try (AtomicOutput.Claim claim = AtomicOutput.claim(out, AtomicOutput.Kind.FILE, force, "--out")) {
            RunInputs.Loaded in = RunInputs.load(run, o);
            List<TimeOffRequest> asked = AgentRequestsReader.timeOff(InputFiles.requireFile(requests, "--requests"),
                    ids(in), Pipeline.notes());
            TimeOffPolicy policy = TimeOffPolicyReader.read(in.rulesFile(), Pipeline.notes());
            List<TimeOffDecision> decisions = TimeOffCheck.decide(in.input(), in.rows(), asked, policy);
            Path tmp = claim.temporary();
            try {
                writeTimeOff(tmp, decisions);
                claim.commit(tmp);
            } catch (RuntimeException | Error e) {
                AtomicOutput.discard(tmp);
                throw e;
            }
            return decisions;
        }
    }

    static void writeTimeOff(Path file, List<TimeOffDecision> decisions) {
        CsvFiles.write(file, TIME_OFF_HEADER, p -> {
            for (TimeOffDecision d : decisions) {
                TimeOffRequest r = d.request();
                p.printRecord(CsvCells.write(r.agentId()), Timestamps.format(r.date()),
                        r.start() == null ? "" : Timestamps.format(r.start()),
                        r.end() == null ? "" : Timestamps.format(r.end()), d.decision().csv(), d.reason(),
                        Numbers.format(d.serviceLevelWith()), Numbers.format(d.serviceLevelWithout()),
                        r.rank() == null ? "" : r.rank(), r.line());
            }
        });
    }

    /** One swap's verdict. */
    public static SwapVerdict swap(Path run, RunInputs.Overrides o, String agent, String with, LocalDate date) {
        RunInputs.Loaded in = RunInputs.load(run, o);
        Map<String, Agent> agents = ShiftSwap.agents(in.input());
        Agent a = agent(agents, agent, "--agent");
        Agent b = agent(agents, with, "--with");
        Evaluation before = ScheduleEvaluator.evaluate(in.input(), in.rows());
        try {
            return ShiftSwap.check(in.input(), in.rows(), before, a, b, date);
        } catch (IllegalArgumentException e) {
            throw WfmException.usage(e.getMessage());
        }
    }

    /** A swap file's verdicts, written to {@code out}, in file order. */
    public static List<SwapVerdict> swaps(Path run, RunInputs.Overrides o, Path requests, Path out, boolean force) {
        try (AtomicOutput.Claim claim = AtomicOutput.claim(out, AtomicOutput.Kind.FILE, force, "--out")) {
            RunInputs.Loaded in = RunInputs.load(run, o);
            List<AgentRequestsReader.Swap> asked = AgentRequestsReader.swaps(
                    InputFiles.requireFile(requests, "--requests"), ids(in), Pipeline.notes());
            Map<String, Agent> agents = ShiftSwap.agents(in.input());
            Evaluation before = ScheduleEvaluator.evaluate(in.input(), in.rows());
            List<SwapVerdict> verdicts = new ArrayList<>();
            for (AgentRequestsReader.Swap s : asked) {
                verdicts.add(ShiftSwap.check(in.input(), in.rows(), before, agents.get(s.agentId()),
                        agents.get(s.with()), s.date()));
            }
            Path tmp = claim.temporary();
            try {
                CsvFiles.write(tmp, SWAP_HEADER, p -> {
                    for (int i = 0; i < asked.size(); i++) {
                        AgentRequestsReader.Swap s = asked.get(i);
                        SwapVerdict v = verdicts.get(i);
                        p.printRecord(CsvCells.write(s.agentId()), CsvCells.write(s.with()),
                                Timestamps.format(s.date()), v.valid(), v.rule() == null ? "" : v.rule(),
                                CsvCells.write(v.reason()), s.line());
                    }
                });
                claim.commit(tmp);
            } catch (RuntimeException | Error e) {
                AtomicOutput.discard(tmp);
                throw e;
            }
            return verdicts;
        }
    }

    private static Agent agent(Map<String, Agent> agents, String id, String option) {
        Map<String, Agent> byKey = new LinkedHashMap<>();
        agents.forEach((k, v) -> byKey.putIfAbsent(org.wfm.forecast.io.Ids.key(k), v));
        Agent a = byKey.get(org.wfm.forecast.io.Ids.key(id));
        if (a == null) {
            throw WfmException.usage(option + ": agent `" + id + "` is not in the run's agents.csv"
                    + org.wfm.cli.io.Suggest.closest(id, agents.keySet()).map(c -> " (did you mean `" + c + "`?)")
                    .orElse(""));
        }
        return a;
    }

    private static Set<String> ids(RunInputs.Loaded in) {
        return ShiftSwap.agents(in.input()).keySet();
    }
}
