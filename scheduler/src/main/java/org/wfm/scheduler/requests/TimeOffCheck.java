package org.wfm.scheduler.requests;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.TimeOffDecision;
import org.wfm.scheduler.domain.TimeOffDecision.Decision;
import org.wfm.scheduler.domain.TimeOffPolicy;
import org.wfm.scheduler.domain.TimeOffRequest;
import org.wfm.scheduler.solver.Evaluation;
import org.wfm.scheduler.solver.ScheduleEvaluator;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.staffing.Channel;

/**
 * Decides time-off requests against a written schedule, one after another (by rank, then file order), each
 * decision counting the absences approved before it, the way team leaders grant leave first come, first served
 * (the daily allotment of NICE and Genesys WFM, with the coverage test of their "auto-approval against staffing").
 *
 * <p>For each request: the agent's blocks overlapping the requested time (a whole day: the day's 24 hours; a part
 * day: its hours) are taken out of the schedule, cut at the request's bounds, as an absence would leave them (the
 * next scheduling run re-plans the shift; this measures what the absence costs now). Then, in this order:
 * <ol>
 *   <li>no block to take out: approved (nothing is lost; the absence counts toward no allotment);</li>
 *   <li>the day's allotment full at the agent's site ({@link TimeOffPolicy#perSite()}) or on a channel the agent
 *       works that day ({@link TimeOffPolicy#perChannel()}): wait-listed (it may be granted if an approval is
 *       withdrawn);</li>
 *   <li>a channel the agent works that day whose planned service level over the day (volume-weighted, from
 *       {@link ScheduleEvaluator}'s coverage, the figure of coverage.csv) would fall below the minimum (the
 *       policy's, else the channel's target) and below what it is without the absence: refused;</li>
 *   <li>else approved, and the schedule without the agent's blocks is the one the next request is judged on.</li>
 * </ol>
 * A request outside the schedule's horizon is wait-listed: nothing is scheduled there yet.
 */
public final class TimeOffCheck {
    private static final double EPS = 1e-9;

    private TimeOffCheck() {
    }

    /** The decisions in the order the requests were processed. */
    public static List<TimeOffDecision> decide(ScheduleInput in, List<ScheduleRow> rows,
                                               List<TimeOffRequest> requests, TimeOffPolicy policy) {
        List<TimeOffRequest> order = new ArrayList<>(requests);
        order.sort(Comparator.comparing((TimeOffRequest r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparingInt(TimeOffRequest::line));
        Map<String, Agent> agents = ShiftSwap.agents(in);
        Map<String, Channel> channels = new HashMap<>();
        in.channels().channels().forEach(c -> channels.put(c.name(), c));
        LocalDate first = in.rules().horizon().start();
        LocalDate last = first.plusDays(in.rules().horizon().days() - 1L);
        List<ScheduleRow> current = List.copyOf(rows);
        Evaluation now = ScheduleEvaluator.evaluate(in, current);
        Map<String, Integer> offAtSite = new HashMap<>();
        Map<String, Integer> offOnChannel = new HashMap<>();
        List<TimeOffDecision> out = new ArrayList<>();
        for (TimeOffRequest req : order) {
            if (req.date().isBefore(first) || req.date().isAfter(last)) {
                out.add(new TimeOffDecision(req, Decision.WAITLISTED, "outside the schedule's horizon " + first + " .. "
                        + last + ": nothing is scheduled there yet", Double.NaN, Double.NaN));
                continue;
            }
            LocalDateTime from = req.wholeDay() ? req.date().atStartOfDay() : req.date().atTime(req.start());
            LocalDateTime to = req.wholeDay() ? req.date().plusDays(1).atStartOfDay() : req.date().atTime(req.end());
            List<ScheduleRow> lost = new ArrayList<>();
            List<ScheduleRow> without = without(current, req.agentId(), from, to, lost);
            Set<String> worked = new LinkedHashSet<>();
            Set<LocalDate> days = new LinkedHashSet<>();
            for (ScheduleRow r : lost) {
                if (r.activity() == Activity.WORK && r.channel() != null) {
                    worked.add(r.channel());
                }
                days.add(r.start().toLocalDate());
                days.add(r.end().minusNanos(1).toLocalDate());
            }
            if (lost.isEmpty()) {
                out.add(new TimeOffDecision(req, Decision.APPROVED, "no shift in the requested time", Double.NaN,
                        Double.NaN));
                continue;
            }
            Agent agent = agents.get(req.agentId());
            String site = new AgentPlan(agent, 0, List.of(), List.of(), Map.of(), List.of(), 0, null).site();
            String full = allotmentFull(policy, site, worked, req.date(), offAtSite, offOnChannel);
            double slWithout = DayCoverage.serviceLevel(now.coverage(), worked, days);
            if (full != null) {
                out.add(new TimeOffDecision(req, Decision.WAITLISTED, full, Double.NaN, slWithout));
                continue;
            }
            Evaluation with = ScheduleEvaluator.evaluate(in, without);
            double slWith = DayCoverage.serviceLevel(with.coverage(), worked, days);
            String refusal = null;
            List<String> kept = new ArrayList<>();
            for (String ch : worked) {
                double min = Double.isNaN(policy.minServiceLevel()) ? channels.get(ch).serviceLevel()
                        : policy.minServiceLevel();
                double a = DayCoverage.serviceLevel(with.coverage(), Set.of(ch), days);
                double b = DayCoverage.serviceLevel(now.coverage(), Set.of(ch), days);
                if (Double.isNaN(min) || Double.isNaN(a)) {
                    kept.add(ch + " has no service-level target" + (Double.isNaN(a) ? " or no demand" : ""));
                } else if (a < min - EPS && a < b - EPS) {
                    refusal = String.format(Locale.ROOT, "coverage: %s service level on %s would fall from %.1f%% to "
                            + "%.1f%%, below the minimum %.1f%%", ch, req.date(), 100 * b, 100 * a, 100 * min);
                    break;
                } else if (a >= min - EPS) {
                    kept.add(String.format(Locale.ROOT, "%s stays at %.1f%% (minimum %.1f%%)", ch, 100 * a, 100 * min));
                } else {
                    kept.add(String.format(Locale.ROOT, "%s not lowered (%.1f%%)", ch, 100 * a));
                }
            }
            if (refusal != null) {
                out.add(new TimeOffDecision(req, Decision.REFUSED, refusal, slWith, slWithout));
                continue;
            }
            current = without;
            now = with;
            if (site != null) {
                offAtSite.merge(req.date() + "|" + site, 1, Integer::sum);
            }
            worked.forEach(ch -> offOnChannel.merge(req.date() + "|" + ch, 1, Integer::sum));
            out.add(new TimeOffDecision(req, Decision.APPROVED, "coverage kept: " + String.join("; ", kept),
                    slWith, slWithout));
        }
        return out;
    }

    private static String allotmentFull(TimeOffPolicy policy, String site, Set<String> worked, LocalDate date,
                                        Map<String, Integer> offAtSite, Map<String, Integer> offOnChannel) {
        if (policy.perSite() != null && site != null) {
            int n = offAtSite.getOrDefault(date + "|" + site, 0);
            if (n >= policy.perSite()) {
                return "allotment: " + n + " of " + policy.perSite() + " absences already approved at " + site
                        + " on " + date;
            }
        }
        if (policy.perChannel() != null) {
            for (String ch : worked) {
                int n = offOnChannel.getOrDefault(date + "|" + ch, 0);
                if (n >= policy.perChannel()) {
                    return "allotment: " + n + " of " + policy.perChannel() + " absences already approved on " + ch
                            + " on " + date;
                }
            }
        }
        return null;
    }

    /** {@code rows} without the agent's time in [from, to); the blocks taken out (cut to the range) go to {@code lost}. */
    static List<ScheduleRow> without(List<ScheduleRow> rows, String agentId, LocalDateTime from, LocalDateTime to,
                                     List<ScheduleRow> lost) {
        List<ScheduleRow> out = new ArrayList<>(rows.size());
        for (ScheduleRow r : rows) {
            if (!r.agentId().equals(agentId) || !r.start().isBefore(to) || !r.end().isAfter(from)) {
                out.add(r);
                continue;
            }
            LocalDateTime cutFrom = r.start().isAfter(from) ? r.start() : from;
            LocalDateTime cutTo = r.end().isBefore(to) ? r.end() : to;
            lost.add(new ScheduleRow(r.agentId(), r.date(), cutFrom, cutTo, r.activity(), r.channel(), r.location()));
            if (r.start().isBefore(cutFrom)) {
                out.add(new ScheduleRow(r.agentId(), r.date(), r.start(), cutFrom, r.activity(), r.channel(),
                        r.location()));
            }
            if (r.end().isAfter(cutTo)) {
                out.add(new ScheduleRow(r.agentId(), r.date(), cutTo, r.end(), r.activity(), r.channel(),
                        r.location()));
            }
        }
        return List.copyOf(out);
    }
}
