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
        return render(s, where, COLOUR, null, null);
    }

    /** The summary of a solver outcome (with why the solver stopped and published days changed). */
    public static String schedule(org.wfm.scheduler.solver.ScheduleOutcome o, String where) {
        return render(o.summary(), where, COLOUR, o.terminatedBy(), o);
    }

    /**
     * The outcome with the simulated service levels written into the run folder's summary.json (the solver's
     * own summary is taken before the simulation runs), so the end summary shows planned and simulated.
     */
    public static org.wfm.scheduler.solver.ScheduleOutcome withSimulated(org.wfm.scheduler.solver.ScheduleOutcome o,
                                                                         java.nio.file.Path runDir) {
        org.wfm.cli.export.RunFolder run = org.wfm.cli.export.RunFolder.open(runDir, "--schedule");
        if (!run.hasSummary()) {
            return o;
        }
        Map<String, Summary.ServiceLevel> written = run.record().serviceLevel() == null ? Map.of()
                : run.record().serviceLevel();
        Summary s = o.summary();
        Map<String, Summary.ServiceLevel> levels = new java.util.LinkedHashMap<>();
        s.serviceLevel().forEach((ch, v) -> {
            Double sim = written.containsKey(ch) ? written.get(ch).simulated() : null;
            levels.put(ch, new Summary.ServiceLevel(v.target(), v.planned(),
                    sim != null && !sim.isNaN() ? sim : v.simulated()));
        });
        Map<String, Summary.Deferred> deferred = null;
        if (s.deferred() != null) {
            Map<String, Summary.Deferred> writtenDeferred = run.record().deferred() == null ? Map.of()
                    : run.record().deferred();
            deferred = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Summary.Deferred> e : s.deferred().entrySet()) {
                Summary.Deferred w = writtenDeferred.get(e.getKey());
                Double sim = w == null ? null : w.simulated();
                deferred.put(e.getKey(), new Summary.Deferred(e.getValue().withinWindow(),
                        e.getValue().peakBacklogHours(), sim != null && !sim.isNaN() ? sim : e.getValue().simulated()));
            }
        }
        Summary with = new Summary(s.cost(), levels, s.lateContacts(), s.training(), s.remoteShare(),
                s.onDemandHours(), s.paidHours(), s.hardViolations(), s.uncoveredIntervals(), s.lowerBound(),
                s.solver(), s.inputs(), s.previous(), s.version(), s.agents(), deferred, s.preferences(),
                s.fairness());
        return o.withSummary(with);
    }

    /** The summary without colour codes (for files). */
    public static String plain(Summary s, String where) {
        return render(s, where, PLAIN, null, null);
    }

    public static String plain(org.wfm.scheduler.solver.ScheduleOutcome o, String where) {
        return render(o.summary(), where, PLAIN, o.terminatedBy(), o);
    }

    private static final Style COLOUR = new Style(Console::bold, Console::good, Console::warn, Console::bad);
    private static final Style PLAIN = new Style(UnaryOperator.identity(), UnaryOperator.identity(),
            UnaryOperator.identity(), UnaryOperator.identity());

    private record Style(UnaryOperator<String> bold, UnaryOperator<String> good, UnaryOperator<String> warn,
                         UnaryOperator<String> bad) {
    }

    /** Agents listed by name where published days changed; the rest are counted (all are in summary.json). */
    static final int CHANGED_AGENTS_SHOWN = 8;

    private static String render(Summary s, String where, Style st, String terminatedBy,
                                 org.wfm.scheduler.solver.ScheduleOutcome o) {
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
        if (s.deferred() != null) {
            // deferred work is due within response_hours: all of it on time is the target
            s.deferred().forEach((ch, d) -> {
                String within = d.withinWindow() == null ? "n/a (none falls due in the horizon)"
                        : String.format(Locale.ROOT, "%5.1f%%", 100 * d.withinWindow());
                boolean allOnTime = d.withinWindow() == null || Math.round(1000 * d.withinWindow()) >= 1000;
                sb.append(String.format(Locale.ROOT, "  %-8s work done within the response window %s%s, peak backlog "
                        + "%.1f agent-hours%n", ch, allOnTime ? st.good().apply(within) : st.warn().apply(within),
                        d.simulated() == null || d.simulated().isNaN() ? ""
                                : String.format(Locale.ROOT, " planned, %5.1f%% simulated", 100 * d.simulated()),
                        d.peakBacklogHours()));
            });
        }
        Summary.Cost c = s.cost();
        sb.append(String.format(Locale.ROOT, "  cost %,.2f (wages %,.2f, overtime %,.2f, on-demand premium %,.2f), "
                + "%.1f paid hours%n", c.total(), c.wages(), c.overtime(), c.onDemandPremium(), s.paidHours()));
        if (s.lowerBound() != null && s.lowerBound().cost() != null) {
            // with short intervals no schedule covers everything: the bound is for the coverage this one achieved
            sb.append(String.format(Locale.ROOT, "  cost lower bound %,.2f%s (gap %.1f%%)%n", s.lowerBound().cost(),
                    s.uncoveredIntervals().isEmpty() ? "" : " for the coverage achieved",
                    100 * (s.lowerBound().gap() == null ? 0 : s.lowerBound().gap())));
        } else if (s.lowerBound() != null && s.lowerBound().note() != null) {
            sb.append("  cost lower bound not computed: ").append(s.lowerBound().note()).append('\n');
        } else {
            sb.append("  cost lower bound not computed (--no-bound, a hard violation, or the bound ran out of time)\n");
        }
        sb.append(String.format(Locale.ROOT, "  late contacts %.0f, remote share %.1f%%, on-demand hours %.1f%n",
                s.lateContacts(), 100 * s.remoteShare(), s.onDemandHours()));
        double wanted = s.training().stream().mapToDouble(Summary.TrainingDelivered::wantedHours).sum();
        double delivered = s.training().stream().mapToDouble(Summary.TrainingDelivered::deliveredHours).sum();
        if (wanted > 0) {
            sb.append(String.format(Locale.ROOT, "  training %.1f of %.1f hours wanted delivered%n", delivered,
                    wanted));
        }
        preferences(sb, s.preferences());
        fairness(sb, s.fairness());
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
        sb.append(DailyShortfall.lines(o == null ? null : o.coverage(), s.serviceLevel().keySet(), st.warn()));
        List<org.wfm.scheduler.domain.InputConflict> conflicts = o == null ? List.of() : o.conflicts();
        if (!conflicts.isEmpty()) {
            var k = conflicts.get(0);
            sb.append("  ").append(st.bad().apply(conflicts.size() + " rules no schedule can meet with these inputs"
                    + " (found before solving), first: " + k.constraint() + " "
                    + (k.agentId() != null ? k.agentId() : k.site()) + " " + k.date() + " " + k.detail()))
                    .append('\n');
        }
        if (!s.hardViolations().isEmpty()) {
            Summary.Violation v = s.hardViolations().get(0);
            sb.append("  ").append(st.bad().apply(s.hardViolations().size() + " hard constraint violations"
                    + (conflicts.isEmpty() ? "" : " (the inputs' conflicts included)") + ", first: "
                    + v.constraint() + " " + v.agentId() + " " + v.date() + " " + v.detail())).append('\n');
        }
        if (o != null && (o.replanned() || s.previous() != null)) {
            sb.append(String.format(Locale.ROOT, "  %d published agent-days changed", o.publishedDaysChanged()));
            Map<String, List<String>> byAgent = new java.util.TreeMap<>();
            o.publishedChanges().forEach(ch -> byAgent.computeIfAbsent(ch.agentId(), x -> new java.util.ArrayList<>())
                    .add(ch.date().substring(5) + " " + ch.reason()));
            if (!byAgent.isEmpty()) {
                sb.append(String.format(Locale.ROOT, " (%d agents):", byAgent.size()));
                byAgent.entrySet().stream().limit(CHANGED_AGENTS_SHOWN).forEach(e -> sb.append(String.format(
                        Locale.ROOT, "%n    %s %s", e.getKey(), String.join(", ", e.getValue()))));
                if (byAgent.size() > CHANGED_AGENTS_SHOWN) {
                    sb.append(String.format(Locale.ROOT, "%n    and %d more agents (summary.json published_changes)",
                            byAgent.size() - CHANGED_AGENTS_SHOWN));
                }
            }
            sb.append('\n');
        }
        if (s.solver() != null) {
            sb.append(String.format(Locale.ROOT, "  solver score %s in %.1f s (seed %d)%s", s.solver().score(),
                    s.solver().seconds(), s.solver().seed(),
                    terminatedBy == null ? "" : ", stopped by " + terminatedBy
                            + (org.wfm.scheduler.solver.ScheduleSolver.TIME_LIMIT.equals(terminatedBy)
                            ? " (the machine was too slow for the work budget: another run may differ)" : "")));
        }
        return sb.toString();
    }

    /** One line per override that changed the forecast: where, how, why, and the volume before and after. */
    public static String overrides(List<org.wfm.forecast.Overrides.Applied> applied) {
        StringBuilder sb = new StringBuilder();
        for (org.wfm.forecast.Overrides.Applied a : applied) {
            if (a.intervals() == 0) {
                continue;
            }
            var o = a.override();
            String how = Double.isNaN(o.factor()) ? String.format(Locale.ROOT, "volume %,.0f", o.volume())
                    : String.format(Locale.ROOT, "x%s", org.wfm.forecast.io.Plausible.format(o.factor()));
            sb.append(String.format(Locale.ROOT, "  override %s %s to %s %s (%s): %d intervals, %,.1f -> %,.1f "
                    + "contacts%n", o.channel(), o.start(), o.end(), how, o.reason(), a.intervals(), a.volumeBefore(),
                    a.volumeAfter()));
        }
        return sb.toString();
    }

    /** Agents listed by name in the preferences line, those with the lowest share met first. */
    static final int PREFERENCE_AGENTS_SHOWN = 8;

    /** The share of preferences met overall and per agent (summary.json {@code preferences}); nothing without any. */
    private static void preferences(StringBuilder sb, Summary.Preferences p) {
        if (p == null || p.total() == 0) {
            return;
        }
        sb.append(String.format(Locale.ROOT, "  preferences met %d of %d (%.1f%%), unmet priced at %,.2f%n",
                p.met(), p.total(), 100.0 * p.met() / p.total(), p.unmetCost()));
        List<Summary.AgentPreferences> worst = p.agents().stream()
                .sorted(Comparator.comparingDouble((Summary.AgentPreferences a) -> a.share() == null ? 1 : a.share())
                        .thenComparing(Summary.AgentPreferences::agentId))
                .toList();
        sb.append("    ").append(worst.size() > PREFERENCE_AGENTS_SHOWN ? "lowest: " : "per agent: ");
        sb.append(String.join(", ", worst.stream().limit(PREFERENCE_AGENTS_SHOWN)
                .map(a -> String.format(Locale.ROOT, "%s %d/%d", a.agentId(), a.met(), a.total())).toList()));
        if (worst.size() > PREFERENCE_AGENTS_SHOWN) {
            sb.append(String.format(Locale.ROOT, " and %d more agents (summary.json preferences.agents)",
                    worst.size() - PREFERENCE_AGENTS_SHOWN));
        }
        sb.append('\n');
    }

    /** Weekend days and late shifts per agent (summary.json {@code fairness}): the team's mean and most. */
    private static void fairness(StringBuilder sb, Summary.Fairness f) {
        if (f == null || f.agents().isEmpty()) {
            return;
        }
        int carried = f.agents().stream().mapToInt(a -> a.carriedWeekendDays() + a.carriedLateShifts()).sum();
        sb.append(String.format(Locale.ROOT, "  weekend days per agent %.1f on average, at most %d; late shifts %.1f,"
                + " at most %d%s%n", f.weekendDays().mean(), f.weekendDays().max(), f.lateShifts().mean(),
                f.lateShifts().max(), carried > 0 ? " (earlier runs' counts carried, see fairness.csv)" : ""));
    }
}
