package org.wfm.cli.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A small nightly-batch setup, fast enough for unit tests: one voice channel open 08:00–18:00 on weekdays in
 * 30-minute intervals, ten weeks of history (3 November 2025 to 11 January 2026), four agents at one site (agents.csv has an extra column, for a reader's note),
 * a forecast by seasonal naive (no backtests), a 7-day schedule from the next Monday and a short solver limit.
 */
final class PlanFixture {
    static final LocalDate HISTORY_FIRST = LocalDate.of(2025, 11, 3);
    static final LocalDate HISTORY_LAST = LocalDate.of(2026, 1, 11);
    /** Long enough that the solver's move budget (not the clock) ends the run even with a cold JIT. */
    static final int TIME_LIMIT_SECONDS = 8;

    private PlanFixture() {
    }

    /** Writes the inputs and plan.yaml into {@code dir}; returns plan.yaml. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder h = new StringBuilder("interval_start,channel,volume,aht_seconds\n");
        for (LocalDate d = HISTORY_FIRST; !d.isAfter(HISTORY_LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            // Monday busiest, a mid-morning peak: the shape a contact centre's voice line has
            double day = d.getDayOfWeek() == DayOfWeek.MONDAY ? 1.3 : 1.0;
            for (int slot = 0; slot < 20; slot++) {
                LocalDateTime t = d.atTime(8, 0).plusMinutes(30L * slot);
                double shape = 0.6 + Math.exp(-Math.pow((slot - 5) / 4.0, 2));
                long volume = Math.round(14 * day * shape + (slot * 7 + d.getDayOfMonth()) % 3);
                h.append(t).append(",voice,").append(volume).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", 290.0 + slot % 4 * 5)).append('\n');
            }
        }
        write(dir.resolve("history.csv"), h.toString());
        write(dir.resolve("channels.yaml"), """
                timezone: Europe/London
                interval_minutes: 30
                shrinkage: 0.10
                channels:
                  voice: {kind: immediate, service_level: 0.80, answer_seconds: 20, aht_seconds: 300}
                """);
        write(dir.resolve("rules.yaml"), """
                horizon: {start: 2026-01-05, days: 7}
                shifts: {lengths_hours: [4, 8], start_step_minutes: 30, min_rest_hours: 11,
                         max_consecutive_days: 5, max_days_per_week: 5}
                breaks: none
                training: {block_minutes: 60, max_hours_per_week: 4}
                sites: {hq: {seats: 10}}
                costs: {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
                objective: {mode: cover, late_contact_cost: 1.50}
                """);
        write(dir.resolve("agents.csv"), """
                agent_id,name,site,work_mode,employment,skills,development,min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end,team
                A1,Ann Smith,hq,onsite,full-time,voice:1.0,,16,40,14.00,Mon-Fri,08:00,18:00,red
                A2,Bob Jones,hq,onsite,full-time,voice:1.0,,16,40,14.50,Mon-Fri,08:00,18:00,red
                A3,Cy Brown,hq,onsite,part-time,voice:0.9,,8,24,13.00,Mon-Fri,08:00,18:00,blue
                A4,Di Green,hq,onsite,on-demand,voice:0.8,,0,30,12.00,Mon-Fri,08:00,18:00,blue
                """);
        Path plan = dir.resolve("plan.yaml");
        write(plan, ("""
                history: history.csv
                channels: channels.yaml
                agents: agents.csv
                rules: rules.yaml
                forecast: {method: seasonal-naive, horizon_days: 21, level: 80}
                schedule: {start: next-monday, days: 7, time_limit: %ds, seed: 1}
                runs: runs/
                previous: latest
                """).formatted(TIME_LIMIT_SECONDS));
        return plan;
    }

    static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }
}
