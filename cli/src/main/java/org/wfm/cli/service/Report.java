package org.wfm.cli.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wfm.cli.Console;
import org.wfm.scheduler.domain.Summary;

/** The short human summary printed at the end of a scheduling run. */
public final class Report {
    private Report() {
    }

    public static String schedule(Summary s, String where) {
        StringBuilder sb = new StringBuilder();
        sb.append(Console.bold("Schedule")).append(" -> ").append(where).append('\n');
        for (Map.Entry<String, Summary.ServiceLevel> e : s.serviceLevel().entrySet()) {
            Summary.ServiceLevel sl = e.getValue();
            sb.append(String.format(Locale.ROOT, "  %-8s service level %5.1f%% planned (target %4.1f%%)%s%n",
                    e.getKey(), 100 * sl.planned(), 100 * sl.target(),
                    sl.simulated() == null ? "" : String.format(Locale.ROOT, ", %5.1f%% simulated",
                            100 * sl.simulated())));
        }
        Summary.Cost c = s.cost();
        sb.append(String.format(Locale.ROOT, "  cost %,.2f (wages %,.2f, overtime %,.2f, on-demand premium %,.2f), "
                + "%.1f paid hours%n", c.total(), c.wages(), c.overtime(), c.onDemandPremium(), s.paidHours()));
        if (s.lowerBound() != null && s.lowerBound().cost() != null) {
            sb.append(String.format(Locale.ROOT, "  cost lower bound %,.2f (gap %.1f%%)%n", s.lowerBound().cost(),
                    100 * (s.lowerBound().gap() == null ? 0 : s.lowerBound().gap())));
        }
        sb.append(String.format(Locale.ROOT, "  late contacts %.0f, remote share %.1f%%, on-demand hours %.1f%n",
                s.lateContacts(), 100 * s.remoteShare(), s.onDemandHours()));
        double wanted = s.training().stream().mapToDouble(Summary.TrainingDelivered::wantedHours).sum();
        double delivered = s.training().stream().mapToDouble(Summary.TrainingDelivered::deliveredHours).sum();
        if (wanted > 0) {
            sb.append(String.format(Locale.ROOT, "  training %.1f of %.1f hours wanted delivered%n", delivered,
                    wanted));
        }
        List<Summary.Uncovered> short_ = s.uncoveredIntervals();
        if (short_.isEmpty()) {
            sb.append("  every interval covered\n");
        } else {
            sb.append(Console.warn(String.format(Locale.ROOT, "  %d intervals short of their requirement", short_.size())));
            short_.stream().sorted((a, b) -> Double.compare(b.required() - b.scheduled(), a.required() - a.scheduled()))
                    .limit(3).forEach(u -> sb.append(String.format(Locale.ROOT, "%n    %s %s: %.1f scheduled of %.1f",
                            u.intervalStart(), u.channel(), u.scheduled(), u.required())));
            sb.append('\n');
        }
        if (!s.hardViolations().isEmpty()) {
            sb.append(Console.warn("  " + s.hardViolations().size() + " hard constraint violations, first: "
                    + s.hardViolations().get(0).constraint() + " " + s.hardViolations().get(0).agentId() + " "
                    + s.hardViolations().get(0).date() + " " + s.hardViolations().get(0).detail())).append('\n');
        }
        if (s.solver() != null) {
            sb.append(String.format(Locale.ROOT, "  solver score %s in %.1f s (seed %d)", s.solver().score(),
                    s.solver().seconds(), s.solver().seed()));
        }
        return sb.toString();
    }
}
