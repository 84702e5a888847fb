package org.wfm.scheduler.intraday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * Schedule adherence and conformance of agents from their logged states (an ACD or platform export of
 * {@code agent_id,start,end,state}), as defined in the WFM literature (Cleveland, "Call Center Management on Fast
 * Forward", 3rd ed., ICMI 2012, ch. 9 "Schedule adherence"; Reynolds, "The Complete Guide to Workforce Management",
 * 2nd ed., 2016): adherence = minutes in the scheduled activity at the scheduled time ÷ scheduled minutes (when they
 * did it); conformance = minutes worked ÷ minutes scheduled to work (how much they did, whenever).
 *
 * <p>Per agent and schedule date ({@link ScheduleRow#date()}): the scheduled minutes are the minutes of the agent's
 * rows that day (work, breaks, lunch, training); a minute is adherent when the state logged at that minute maps
 * ({@link #DEFAULT_STATES}) to the scheduled activity: work states to {@code work} (the channel is not compared:
 * platform states rarely say it), break to break, lunch to lunch, training or coaching to training. A minute without
 * a logged state, or with an offline or unknown state, is not adherent. Where states overlap, the one that began last
 * counts. Worked minutes for conformance are the minutes in a work state from the date's midnight to the later of the
 * next midnight and the shift's end, so work logged outside the shift counts there but not for adherence.
 */
public final class Adherence {
    /** What a logged state counts as; {@code null} activity means offline (not working, nothing scheduled matches). */
    public static final Map<String, Activity> DEFAULT_STATES;
    /** The states that mean offline (logged out, not ready): known, not adherent to anything scheduled. */
    public static final Set<String> OFFLINE = Set.of("offline", "logged_out", "logout", "logged_off", "not_ready",
            "away", "unavailable");

    static {
        Map<String, Activity> m = new LinkedHashMap<>();
        for (String s : List.of("available", "ready", "idle", "on_call", "on_contact", "talk", "talking", "in_call",
                "busy", "hold", "acw", "after_call_work", "wrap", "wrap_up", "outbound", "chat", "email", "work")) {
            m.put(s, Activity.WORK);
        }
        m.put("break", Activity.BREAK);
        m.put("lunch", Activity.LUNCH);
        m.put("meal", Activity.LUNCH);
        for (String s : List.of("training", "coaching", "meeting")) {
            m.put(s, Activity.TRAINING);
        }
        DEFAULT_STATES = java.util.Collections.unmodifiableMap(m);
    }

    private Adherence() {
    }

    /** One logged state: the agent was in {@code state} from {@code start} to {@code end}. */
    public record State(String agentId, LocalDateTime start, LocalDateTime end, String state) {
    }

    /** One line of the adherence file; {@code conformance} is NaN on a day without scheduled work. */
    public record Row(String agentId, LocalDate date, int scheduledMinutes, int adherentMinutes, double adherence,
                      double conformance, int workedMinutes, int scheduledWorkMinutes) {
    }

    /** A stretch out of adherence: what was scheduled and what was logged ({@code none} when nothing was). */
    public record Exception(String agentId, LocalDate date, LocalDateTime start, LocalDateTime end, String scheduled,
                            String actual) {
    }

    /** The rows in agent and date order, the stretches out of adherence, and the states not in the table. */
    public record Result(List<Row> rows, List<Exception> exceptions, Set<String> unknownStates) {
    }

    /** A state name as the table keys it: lower case, spaces and hyphens as underscores. */
    public static String key(String state) {
        return state.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** True when the table knows {@code state} (a work, pause, training or offline state). */
    public static boolean known(String state) {
        String k = key(state);
        return DEFAULT_STATES.containsKey(k) || OFFLINE.contains(k);
    }

    public static Result compute(List<ScheduleRow> schedule, List<State> states) {
        Map<String, TreeMap<LocalDateTime, State>> logged = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (State s : states) {
            logged.computeIfAbsent(s.agentId(), k -> new TreeMap<>()).merge(s.start(), s,
                    (a, b) -> a.end().isAfter(b.end()) ? a : b);
            if (!known(s.state())) {
                unknown.add(s.state().trim());
            }
        }
        Map<String, Map<LocalDate, List<ScheduleRow>>> days = new TreeMap<>();
        for (ScheduleRow r : schedule) {
            days.computeIfAbsent(r.agentId(), k -> new TreeMap<>()).computeIfAbsent(r.date(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Row> rows = new ArrayList<>();
        List<Exception> exceptions = new ArrayList<>();
        for (Entry<String, Map<LocalDate, List<ScheduleRow>>> a : days.entrySet()) {
            TreeMap<LocalDateTime, State> mine = logged.getOrDefault(a.getKey(), new TreeMap<>());
            for (Entry<LocalDate, List<ScheduleRow>> d : a.getValue().entrySet()) {
                List<ScheduleRow> shift = d.getValue().stream().sorted(Comparator.comparing(ScheduleRow::start))
                        .toList();
                int scheduled = 0;
                int adherent = 0;
                int scheduledWork = 0;
                Exception open = null;
                for (ScheduleRow r : shift) {
                    for (LocalDateTime t = r.start(); t.isBefore(r.end()); t = t.plusMinutes(1)) {
                        scheduled++;
                        if (r.activity() == Activity.WORK) {
                            scheduledWork++;
                        }
                        State s = at(mine, t);
                        Activity did = s == null ? null : DEFAULT_STATES.get(key(s.state()));
                        if (did == r.activity()) {
                            adherent++;
                            if (open != null) {
                                exceptions.add(open);
                                open = null;
                            }
                            continue;
                        }
                        String want = r.activity().name().toLowerCase(Locale.ROOT);
                        String got = s == null ? "none" : s.state().trim();
                        if (open != null && open.end().equals(t) && open.scheduled().equals(want)
                                && open.actual().equals(got)) {
                            open = new Exception(open.agentId(), open.date(), open.start(), t.plusMinutes(1), want,
                                    got);
                        } else {
                            if (open != null) {
                                exceptions.add(open);
                            }
                            open = new Exception(a.getKey(), d.getKey(), t, t.plusMinutes(1), want, got);
                        }
                    }
                }
                if (open != null) {
                    exceptions.add(open);
                }
                LocalDateTime from = d.getKey().atStartOfDay();
                LocalDateTime shiftEnd = shift.get(shift.size() - 1).end();
                LocalDateTime to = shiftEnd.isAfter(from.plusDays(1)) ? shiftEnd : from.plusDays(1);
                int worked = workedMinutes(mine, from, to);
                rows.add(new Row(a.getKey(), d.getKey(), scheduled, adherent,
                        scheduled == 0 ? Double.NaN : (double) adherent / scheduled,
                        scheduledWork == 0 ? Double.NaN : (double) worked / scheduledWork, worked, scheduledWork));
            }
        }
        return new Result(List.copyOf(rows), List.copyOf(exceptions), unknown);
    }

    /** The state logged at minute {@code t}: the last one begun by then, if it has not ended. */
    private static State at(TreeMap<LocalDateTime, State> states, LocalDateTime t) {
        Entry<LocalDateTime, State> e = states.floorEntry(t);
        return e == null || !e.getValue().end().isAfter(t) ? null : e.getValue();
    }

    private static int workedMinutes(TreeMap<LocalDateTime, State> states, LocalDateTime from, LocalDateTime to) {
        int n = 0;
        for (LocalDateTime t = from; t.isBefore(to); t = t.plusMinutes(1)) {
            State s = at(states, t);
            if (s != null && DEFAULT_STATES.get(key(s.state())) == Activity.WORK) {
                n++;
            }
        }
        return n;
    }
}
