package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.Ids;
import org.wfm.scheduler.domain.Preference;

/**
 * Reads preferences.csv ({@code agent_id,date_or_weekday,kind,start,end,weight}) into {@link Preference} rows in
 * file order.
 * <ul>
 * <li>{@code agent_id}: an agent of agents.csv, found as {@link Ids#key} compares ids (as timeoff.csv does);</li>
 * <li>{@code date_or_weekday}: {@code YYYY-MM-DD}, or a weekday ({@code MON}, {@code monday}, any case): every such
 * day of the horizon;</li>
 * <li>{@code kind}: {@code prefer}, {@code avoid} or {@code day_off} (also {@code day-off});</li>
 * <li>{@code start}, {@code end}: {@code HH:MM}, both required for prefer/avoid, both empty for day_off; an end at or
 * before the start runs into the next day; equal times are an error; {@code 24:00} ends at midnight;</li>
 * <li>{@code weight}: points, more than 0 and at most {@link #MAX_WEIGHT}; an agent's points over the horizon are
 * scaled to rules.yaml's {@code preferences.budget_points}. Without the column every row weighs 1 (noted).</li>
 * </ul>
 * A header with no rows means nobody stated a preference. A row repeating an earlier one exactly is noted and
 * dropped.
 */
public final class PreferencesReader {
    static final List<String> COLUMNS = List.of("agent_id", "date_or_weekday", "kind", "start", "end", "weight");
    static final Set<String> OPTIONAL = Set.of("start", "end", "weight");
    /** The most points one row may carry (larger numbers are typing slips; the budget scales them anyway). */
    public static final double MAX_WEIGHT = 1000;
    private static final Map<String, Preference.Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("prefer", Preference.Kind.PREFER);
        KINDS.put("avoid", Preference.Kind.AVOID);
        KINDS.put("day-off", Preference.Kind.DAY_OFF);
    }

    private PreferencesReader() {
    }

    /**
     * @param agentIds the ids of agents.csv; a row naming another agent is an error
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static List<Preference> read(Path file, Set<String> agentIds, Notes notes) {
        CsvTable table = CsvTable.read(file, COLUMNS, OPTIONAL, notes);
        boolean weighted = table.hasColumn("weight");
        if (!weighted) {
            notes.add(table.file(), 1, "weight", "no weight column: every preference weighs 1 point");
        }
        List<Preference> out = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        AgentIdMatch agents = new AgentIdMatch(agentIds);
        for (CsvTable.Row row : table.rows()) {
            int before = row.problemCount();
            String agent = agents.resolve(table, row, "agent_id", notes);
            Object day = row.parse("date_or_weekday", PreferencesReader::dateOrWeekday);
            Preference.Kind kind = row.parse("kind", s -> Values.choice(s, KINDS));
            LocalTime start = null;
            LocalTime end = null;
            String startText = row.get("start");
            String endText = row.get("end");
            if (kind == Preference.Kind.DAY_OFF) {
                if (!startText.isEmpty() || !endText.isEmpty()) {
                    row.problem(startText.isEmpty() ? "end" : "start",
                            "expected empty for day_off (a whole day; use avoid with a window for part of a day)");
                }
            } else if (kind != null) {
                if (startText.isEmpty() || endText.isEmpty()) {
                    row.problem(startText.isEmpty() ? "start" : "end", "is empty; expected HH:MM for "
                            + kind.name().toLowerCase(Locale.ROOT) + " (a time window)");
                } else {
                    start = row.parse("start", s -> Values.time(s, false));
                    end = row.parse("end", s -> Values.time(s, true));
                    if (start != null && end != null && start.equals(end)) {
                        row.problem("end", end + " equals start (expected a window; an end before the start runs"
                                + " into the next day)");
                    }
                }
            }
            Double weight = weighted ? row.parse("weight", s -> {
                if (s.isEmpty()) {
                    throw new BadValue("is empty; expected points, a number more than 0 and at most "
                            + Values.format(MAX_WEIGHT));
                }
                double w = Values.number(s);
                if (!(w > 0) || w > MAX_WEIGHT) {
                    throw new BadValue(Values.quote(s) + " is out of range; expected points more than 0 and at most "
                            + Values.format(MAX_WEIGHT));
                }
                return w;
            }) : Double.valueOf(1);
            if (row.problemCount() > before) {
                continue;
            }
            List<Object> key = java.util.Arrays.asList(agent, day, kind, start, end, weight);
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                notes.add(table.file(), row.line(), null, "repeats line " + first + "; ignored");
                continue;
            }
            out.add(new Preference(agent, day instanceof LocalDate d ? d : null,
                    day instanceof DayOfWeek w ? w : null, kind, start, end, weight, row.line()));
        }
        table.problems().throwIfAny();
        return out;
    }

    /** An ISO date or one weekday name ({@code MON}, {@code Monday}). */
    static Object dateOrWeekday(String s) throws BadValue {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new BadValue("is empty; expected a date YYYY-MM-DD or a weekday such as MON");
        }
        if (Character.isDigit(t.charAt(0))) {
            return Values.date(t);
        }
        Set<DayOfWeek> days = Values.days(t);
        if (days.size() != 1 || t.contains("-") || t.contains(",") || t.contains(";")) {
            throw new BadValue(Values.quote(s) + " is not one weekday (expected one day such as MON; write a row per"
                    + " day)");
        }
        return days.iterator().next();
    }
}
