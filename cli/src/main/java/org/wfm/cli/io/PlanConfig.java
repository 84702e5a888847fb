package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.wfm.forecast.history.HistoryFormat;

/**
 * plan.yaml, the nightly batch. Paths are already resolved against the folder of plan.yaml.
 * {@code historyFormat} is how to read the history ({@code history:} as a mapping with {@code file:},
 * {@code columns:}, {@code separator:}, {@code date_format:}, {@code decimal:}), {@link HistoryFormat#AUTO} for a
 * plain path. {@code preferences} (preferences.csv) and {@code overrides} (overrides.csv, planners' changes to the
 * forecast) are null when not given. {@code holidays}, {@code timeoff} and {@code timezone} are null when not given (timeoff then defaults to
 * timeoff.csv beside agents.csv when that file exists, as for {@code wfm schedule}).
 *
 * With {@code units:} the plan has one {@link Unit} per business unit (in file order) and the top-level input keys
 * are only the defaults the units inherit (any of them may then be null).
 *
 * @param file  the plan.yaml itself, as given
 * @param units the business units, in file order; empty for a single-unit plan
 */
public record PlanConfig(Path file, Path history, Path holidays, Path channels, Path agents, Path timeoff,
                         Path rules, ZoneId timezone, Forecast forecast, Schedule schedule, Path runs,
                         Previous previous, KeepRuns keepRuns, HistoryFormat historyFormat, Path preferences,
                         Path overrides, Capacity capacity, java.util.List<Unit> units) {

    public PlanConfig {
        units = units == null ? java.util.List.of() : java.util.List.copyOf(units);
    }

    /** A single-unit plan with preferences.csv. */
    public PlanConfig(Path file, Path history, Path holidays, Path channels, Path agents, Path timeoff,
                      Path rules, ZoneId timezone, Forecast forecast, Schedule schedule, Path runs,
                      Previous previous, KeepRuns keepRuns, HistoryFormat historyFormat, Path preferences) {
        this(file, history, holidays, channels, agents, timeoff, rules, timezone, forecast, schedule, runs, previous,
                keepRuns, historyFormat, preferences, null, null, java.util.List.of());
    }

    /** A single-unit plan without {@code preferences:}. */
    public PlanConfig(Path file, Path history, Path holidays, Path channels, Path agents, Path timeoff,
                      Path rules, ZoneId timezone, Forecast forecast, Schedule schedule, Path runs,
                      Previous previous, KeepRuns keepRuns, HistoryFormat historyFormat) {
        this(file, history, holidays, channels, agents, timeoff, rules, timezone, forecast, schedule, runs, previous,
                keepRuns, historyFormat, null, null, null, java.util.List.of());
    }

    /** True when plan.yaml lists {@code units:}: one run folder with {@code units/<name>/} per unit. */
    public boolean hasUnits() {
        return !units.isEmpty();
    }

    /**
     * One business unit of {@code units:}: the single-unit plan's input keys, each set in the unit or inherited from
     * the top level of plan.yaml (paths resolved against plan.yaml's folder either way; {@code preferences} and
     * {@code overrides} only
     * from the unit itself, since its rows name the unit's agents). {@code line} is the unit's line in plan.yaml,
     * for messages.
     */
    public record Unit(String name, int line, Path history, HistoryFormat historyFormat, Path holidays,
                       Path channels, Path agents, Path timeoff, Path rules, ZoneId timezone, Path preferences,
                       Path overrides) {
    }

    /**
     * {@code capacity:}: the capacity plan the nightly batch adds to its run folder ({@code capacity/}, as
     * {@code wfm capacity} writes it) on the weekdays {@code on} of the run date: {@code months} ahead, attrition
     * as a monthly rate or a file, planned hires, scenarios, and the scheduling efficiency (null: measured).
     */
    public record Capacity(int months, String attrition, Path hires, Path scenarios, Double efficiency,
                           java.util.Set<java.time.DayOfWeek> on) {
    }

    /**
     * {@code keep_runs:} how many run folders the batch keeps after a successful run: the newest {@code count}
     * (e.g. {@code 60}) or those of the last {@code days} days before the run's date (e.g. {@code 30d}). Null in
     * the config when not given: every run is kept. The newest complete run and the runs kept runs used as their
     * previous schedule are never removed.
     */
    public record KeepRuns(Integer count, Integer days) {
        @Override
        public String toString() {
            return count != null ? String.valueOf(count) : days + "d";
        }
    }

    /** {@code forecast:}: method (default auto), horizon in days (default 42), interval level in % (default 80). */
    public record Forecast(String method, int horizonDays, double level) {
    }

    /** {@code schedule:}: first day, days (default 14), solver time limit (default 60 s), seed (default 1). */
    public record Schedule(Start start, int days, Duration timeLimit, long seed) {
    }

    /** {@code schedule.start}: a fixed date, or relative to the run's date. */
    public record Start(StartKind kind, LocalDate date) {
        public static Start of(LocalDate date) {
            return new Start(StartKind.DATE, date);
        }

        /** The first day of the schedule for a run on {@code runDate}. */
        public LocalDate resolve(LocalDate runDate) {
            return switch (kind) {
                case DATE -> date;
                case TOMORROW -> runDate.plusDays(1);
                // "the first Monday after the run date": a Monday run schedules from the following Monday.
                case NEXT_MONDAY -> runDate.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            };
        }

        /** Most days from the run date to the start, for checking that the forecast reaches far enough. */
        int maxOffsetDays() {
            return switch (kind) {
                case DATE -> 0;
                case TOMORROW -> 1;
                case NEXT_MONDAY -> 7;
            };
        }

        @Override
        public String toString() {
            return switch (kind) {
                case DATE -> date.toString();
                case TOMORROW -> "tomorrow";
                case NEXT_MONDAY -> "next-monday";
            };
        }
    }

    public enum StartKind { DATE, TOMORROW, NEXT_MONDAY }

    /**
     * {@code previous:}: {@code latest} (default) uses the newest earlier run folder as the published
     * schedule; {@code none} schedules from scratch every night.
     */
    public enum Previous { LATEST, NONE }
}
