package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wfm.cli.Console;
import org.wfm.cli.service.Report;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.solver.ScheduleOutcome;

/** How progress is thinned for logs, and the end summary a planner reads. */
class ProgressAndReportTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLogKeepsEachNewStepAndThenOneLineEveryFiveSeconds() {
        Console.Throttle t = new Console.Throttle(5 * SECOND);
        assertThat(t.admit("voice: backtest fold 1/3 (origin 2026-09-28)", 0)).isTrue();
        assertThat(t.admit("voice: backtest fold 2/3 (origin 2026-10-05)", SECOND)).as("same step").isFalse();
        assertThat(t.admit("voice: forecasting with seasonal-naive", 2 * SECOND)).as("new step").isTrue();
        assertThat(t.admit("solving (local search): 3 of 30 s, best -12hard/-5medium/-1soft", 3 * SECOND)).isTrue();
        assertThat(t.admit("solving (local search): 4 of 30 s, best -10hard/-5medium/-1soft", 4 * SECOND)).isFalse();
        assertThat(t.admit("solving (local search): 7 of 30 s, best -9hard/-5medium/-1soft", 7 * SECOND)).isFalse();
        assertThat(t.admit("solving (local search): 8 of 30 s, best -8hard/-5medium/-1soft", 8 * SECOND))
                .as("five seconds since the last kept line").isTrue();
        assertThat(t.admit("solved in 9 s (limit 30 s), score -8hard/-5medium/-1soft", 9 * SECOND)).isTrue();
    }

    @Test
    void theSummaryNamesServiceLevelCostShortIntervalsAndWhere() {
        Map<String, Summary.ServiceLevel> sl = new LinkedHashMap<>();
        sl.put("voice", new Summary.ServiceLevel(0.80, 0.7649, 0.75));
        sl.put("chat", new Summary.ServiceLevel(0.80, 0.8312, null));
        Summary s = new Summary(new Summary.Cost(1234.5, 1200, 10, 24.5), sl, 42.4,
                List.of(new Summary.TrainingDelivered("A1", 6, 4)), 0.25, 8, 96,
                List.of(new Summary.Violation("At least 11 hours rest", "A2", "2026-01-13", "9.5 hours")),
                List.of(new Summary.Uncovered("2026-01-12T10:00", "voice", 5, 4),
                        new Summary.Uncovered("2026-01-12T10:30", "voice", 6, 3.5),
                        new Summary.Uncovered("2026-01-12T11:00", "voice", 4, 3.5),
                        new Summary.Uncovered("2026-01-12T11:30", "voice", 4, 3)),
                new Summary.LowerBound(1100.0, 0.1223), new Summary.SolverInfo("0hard/-5medium/-7soft", 3.21, 1),
                Map.of(), null, "test", List.of(), Map.of("email", new Summary.Deferred(0.9731, 12.25),
                        "backoffice", new Summary.Deferred(null, 3.0), "letters", new Summary.Deferred(0.8, 1.0, 0.756)));
        String text = Report.plain(s, "runs/2026-01-07");
        assertThat(text).doesNotContain("\033")
                .contains("Schedule -> runs/2026-01-07")
                .contains("voice    service level  76.5% planned (target 80.0%),  75.0% simulated")
                .contains("chat     service level  83.1% planned (target 80.0%)")
                .contains("email    work done within the response window  97.3%, peak backlog 12.3 agent-hours")
                .contains("backoffice work done within the response window n/a (none falls due in the horizon), "
                        + "peak backlog 3.0 agent-hours")
                .contains("letters  work done within the response window  80.0% planned,  75.6% simulated, peak backlog "
                        + "1.0 agent-hours")
                .contains("cost 1,234.50 (wages 1,200.00, overtime 10.00, on-demand premium 24.50), 96.0 paid hours")
                .contains("cost lower bound 1,100.00 for the coverage achieved (gap 12.2%)")
                .contains("training 4.0 of 6.0 hours wanted delivered")
                .contains("4 intervals short of their requirement (5 agent-intervals missing); worst:")
                .contains("1 hard constraint violations, first: At least 11 hours rest A2 2026-01-13 9.5 hours")
                .contains("solver score 0hard/-5medium/-7soft in 3.2 s (seed 1)");
        // the worst shortfalls first (2.5 missing at 10:30), ties (1.0 at 10:00 and 11:30) in time order, three listed
        int worst = text.indexOf("2026-01-12T10:30 voice: 3.5 scheduled of 6.0");
        int tieFirst = text.indexOf("2026-01-12T10:00 voice: 4.0 scheduled of 5.0");
        int tieSecond = text.indexOf("2026-01-12T11:30 voice: 3.0 scheduled of 4.0");
        assertThat(worst).isPositive().isLessThan(tieFirst);
        assertThat(tieFirst).isLessThan(tieSecond);
        assertThat(text).as("0.5 short: not among the worst three").doesNotContain("2026-01-12T11:00");
    }

    @Test
    void theWorstShortDaysPerChannelReadInAgentHours() {
        Map<String, Summary.ServiceLevel> sl = new LinkedHashMap<>();
        sl.put("chat", new Summary.ServiceLevel(0.80, 0.70, null));
        Summary s = new Summary(new Summary.Cost(10, 10, 0, 0), sl, 0, List.of(), 0, 0, 1, List.of(),
                List.of(), null, null, Map.of(), null, "test", List.of(), Map.of());
        List<CoverageRow> coverage = new ArrayList<>();
        LocalDate mon = LocalDate.of(2026, 11, 23);
        // chat Monday 08:00-11:00: 6 required, 2 scheduled (12 quarter-hours × 4 agents × 0.25 h = 12.0 short),
        // then 11:00-12:00 covered with 1 to spare; Tuesday 09:00 one quarter-hour 2 short
        for (int i = 0; i < 16; i++) {
            boolean morning = i < 12;
            coverage.add(row(mon.atTime(8, 0).plusMinutes(15L * i), "chat", morning ? 6 : 3, morning ? 2 : 4));
        }
        coverage.add(row(mon.plusDays(1).atTime(9, 0), "chat", 3, 1));
        coverage.add(row(mon.atTime(9, 0), "email", 2, 0));
        coverage.add(row(mon.atTime(23, 45), "email", 1, 0));
        String text = Report.plain(new ScheduleOutcome(List.of(), coverage, s), "out");
        assertThat(text).contains("short agent-hours by day, worst 3 per channel (all days: summary.json rollup):")
                .contains("    Mon 23 Nov chat: 12.0 agent-hours short of 21.0 required (08:00-11:00 worst, up to "
                        + "4.0 agents)")
                .contains("    Tue 24 Nov chat: 0.5 agent-hours short of 0.8 required (09:00-09:15 worst, up to "
                        + "2.0 agents)")
                .contains("    Mon 23 Nov email (deferred): 0.8 agent-hours short of 0.8 required (09:00-09:15 worst");
        // a stretch running to midnight ends at 24:00
        coverage.add(row(mon.atTime(23, 30), "email", 3, 0));
        assertThat(Report.plain(new ScheduleOutcome(List.of(), coverage, s), "out"))
                .contains("Mon 23 Nov email (deferred): 1.5 agent-hours short of 1.5 required (23:30-24:00 worst");
        assertThat(text.indexOf("Mon 23 Nov chat")).isLessThan(text.indexOf("Tue 24 Nov chat"));
    }

    private static CoverageRow row(LocalDateTime at, String channel, double required, double scheduled) {
        return new CoverageRow(at, channel, 10, required, scheduled, Double.NaN, Double.NaN);
    }

    @Test
    void everyIntervalCoveredIsSaidPlainly() {
        Summary s = new Summary(new Summary.Cost(10, 10, 0, 0), Map.of(), 0, List.of(), 0, 0, 1, List.of(),
                List.of(), null, null, Map.of(), null, "test", List.of(), Map.of());
        assertThat(Report.plain(s, "out")).contains("every interval covered").doesNotContain("violations")
                .doesNotContain("training");
    }
}
