package org.wfm.cli.service;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.wfm.scheduler.domain.CoverageRollup;
import org.wfm.scheduler.domain.CoverageRow;

/**
 * The end summary's roll-up block: per channel the few days with the most short agent-hours, e.g.
 * {@code Mon 23 Nov chat: 14.0 agent-hours short of 96.0 required (08:00-11:00 worst, up to 3.0 agents)}.
 * Every day is in summary.json's {@code rollup}; the block is left out when no day is short. A deferred channel
 * (one without a service-level target) is marked: its requirement is the work as it arrives, which may be done
 * later within its response window, so its short hours are not late work.
 */
final class DailyShortfall {
    /** Days shown per channel. */
    static final int WORST_DAYS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private DailyShortfall() {
    }

    static String lines(List<CoverageRow> coverage, java.util.Set<String> withTarget, UnaryOperator<String> warn) {
        if (coverage == null) {
            return "";
        }
        CoverageRollup r = CoverageRollup.of(coverage);
        if (r.daily().stream().noneMatch(d -> d.worst() != null)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "  short agent-hours by day, worst %d per channel (all days: summary.json rollup):%n", WORST_DAYS));
        for (String channel : r.channels()) {
            String name = withTarget.isEmpty() || withTarget.contains(channel) ? channel : channel + " (deferred)";
            List<CoverageRollup.Day> worst = r.worstDays(channel, WORST_DAYS);
            if (worst.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "    %s: no day short%n", name));
            }
            for (CoverageRollup.Day d : worst) {
                CoverageRollup.Stretch s = d.worst();
                sb.append("    ").append(warn.apply(String.format(Locale.ROOT, "%s %s: %.1f agent-hours short",
                        DAY.format(d.date()), name, d.hours().shortfall())));
                sb.append(String.format(Locale.ROOT, " of %.1f required (%s-%s worst, up to %.1f agents)%n",
                        d.hours().required(), TIME.format(s.start()), end(s), s.peakAgents()));
            }
        }
        return sb.toString();
    }

    /** The stretch's end; 24:00 when it runs to midnight (00:00 would read as the day's start). */
    private static String end(CoverageRollup.Stretch s) {
        return s.end().toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && s.end().isAfter(s.start())
                ? "24:00" : TIME.format(s.end());
    }
}
