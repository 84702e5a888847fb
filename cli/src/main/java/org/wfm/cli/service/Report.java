package org.wfm.cli.service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.wfm.cli.Console;
import org.wfm.scheduler.domain.Summary;

/**
 * The short human summary printed at the end of a scheduling run: service level per channel against its
 * target, cost, what was left uncovered, hard rules broken, where the files are. Colour only on a terminal
 * (see {@link Console}); {@link #plain} gives the same text for run.log.
 */
public final class Report {
    /** Uncovered intervals listed by name; the rest are counted (all of them are in summary.json). */
    static final int WORST_SHOWN = 3;

    private Report() {
    }

    /** The summary with colour when on a terminal. */
    public static String schedule(Summary s, String where) {
        return render(s, where, new Style(Console::bold, Console::good, Console::warn, Console::bad));
    }

    /** The summary without colour codes (for files). */
    public static String plain(Summary s, String where) {
        UnaryOperator<String> none = UnaryOperator.identity();
        return render(s, where, new Style(none, none, none, none));
    }

    private record Style(UnaryOperator<String> bold, UnaryOperator<String> good, UnaryOperator<String> warn,
                         UnaryOperator<String> bad) {
    }

    private static String render(Summary s, String where, Style st) {
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold().apply("Schedule")).append(" -> ").append(where).append('\n');
        for (Map.Entry<String, Summary.ServiceLevel> e : s.serviceLevel().entrySet()) {
            Summary.ServiceLevel sl = e.getValue();
            String planned = String.format(Locale.ROOT, "%5.1f%%", 100 * sl.planned());
            // a rounding hair below the target is still shown as met: the figure printed is what the planner compares
            boolean met = Math.round(1000 * sl.planned()) >= Math.round(1000 * sl.target());
            sb.append(String.format(Locale.ROOT, "  %-8s service level %s planned (target %4.1f%%)%s%n",
                    e.getKey(), met ? st.good().apply(planned) : st.warn().apply(planned), 100 * sl.target(),
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
        List<Summary.Uncovered> shortfalls = s.uncoveredIntervals();
        if (shortfalls.isEmpty()) {
            sb.append("  ").append(st.good().apply("every interval covered")).append('\n');
        } else {
            double missing = shortfalls.stream().mapToDouble(u -> u.required() - u.scheduled()).sum();
            sb.append("  ").append(st.warn().apply(String.format(Locale.ROOT,
                    "%d intervals short of their requirement (%.0f agent-intervals missing); worst:",
                    shortfalls.size(), missing)));
            shortfalls.stream()
                    .sorted(Comparator.comparingDouble((Summary.Uncovered u) -> u.scheduled() - u.required())
                            .thenComparing(Summary.Uncovered::intervalStart))
                    .limit(WORST_SHOWN).forEach(u -> sb.append(String.format(Locale.ROOT,
                            "%n    %s %s: %.1f scheduled of %.1f", u.intervalStart(), u.channel(), u.scheduled(),
                            u.required())));
            sb.append('\n');
        }
        if (!s.hardViolations().isEmpty()) {
            Summary.Violation v = s.hardViolations().get(0);
            sb.append("  ").append(st.bad().apply(s.hardViolations().size() + " hard constraint violations, first: "
                    + v.constraint() + " " + v.agentId() + " " + v.date() + " " + v.detail())).append('\n');
        }
        if (s.solver() != null) {
            sb.append(String.format(Locale.ROOT, "  solver score %s in %.1f s (seed %d)", s.solver().score(),
                    s.solver().seconds(), s.solver().seed()));
        }
        return sb.toString();
    }
}
