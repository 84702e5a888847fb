package org.wfm.cli.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalWriter;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import biweekly.util.UtcOffset;
import org.wfm.forecast.io.Ids;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * The agents' calendars: {@code agents/<file>.ics}, one iCalendar file (RFC 5545) per agent with one VEVENT per
 * shift, written with biweekly rather than by hand. An event runs from the shift's first block to its last; its
 * description lists every block (work with its channel, break, lunch, training) and LOCATION names the site or
 * {@code home}. Times carry the plan's zone (TZID, with a VTIMEZONE listing the zone's offset changes in the
 * calendar's years, taken from the JDK's tz database), never floating times, so a phone abroad shows the right hour.
 *
 * <p>Calendar apps match events by UID (RFC 5545 3.8.4.7) and take the higher SEQUENCE (3.8.7.4) as the newer
 * version: the UID is derived from the agent and the shift's date only ({@link #uid}), so the next publication of
 * the same day updates the event instead of adding a second one; SEQUENCE is the previous publication's plus one
 * when the event changed (read back from the previous run's file), else kept. DTSTAMP is the shift's date at
 * midnight UTC rather than the clock, so the same run gives the same bytes.
 *
 * <p>File names ({@link #fileName}): the agent id compared as {@link Ids#key} does (NFKC, trimmed, case-folded, so two
 * ids that are one agent are one file), with every character other than {@code a-z 0-9 - _} and a non-leading dot
 * written as {@code %XX} of its UTF-8 bytes, and cut to 120 characters plus a hash when longer: safe on every file
 * system, and distinct agents never share a file.
 */
public final class AgentCalendars {
    /** The folder inside a run folder. */
    public static final String FOLDER = "agents";
    private static final String PRODUCT = "-//wfm//agent schedule//EN";
    private static final int MAX_NAME = 120;

    private AgentCalendars() {
    }

    /**
     * Writes one file per agent of {@code agents} (id to display name, in order; an agent without shifts gets an
     * empty calendar, so a subscribed app drops their old events) into {@code dir/agents/}.
     *
     * @param previousDir the previous run folder (its agents/ files give the SEQUENCE numbers), or null
     */
    public static void write(Path dir, List<ScheduleRow> rows, Map<String, String> agents, ZoneId zone,
                             Path previousDir) {
        Path folder = dir.resolve(FOLDER);
        Map<String, Map<LocalDate, List<ScheduleRow>>> shifts = new LinkedHashMap<>();
        agents.keySet().forEach(id -> shifts.put(id, new TreeMap<>()));
        for (ScheduleRow r : rows) {
            shifts.computeIfAbsent(r.agentId(), k -> new TreeMap<>()).computeIfAbsent(r.date(), k -> new ArrayList<>())
                    .add(r);
        }
        // One VTIMEZONE per span of years, shared by every calendar with that span (it depends on nothing else):
        // 10,000 agents otherwise walked the zone's transitions 10,000 times for the same component. One map per
        // thread: the writer reads the component, and a component is not made to be shared between threads.
        ThreadLocal<Map<Long, VTimezone>> zones = ThreadLocal.withInitial(java.util.HashMap::new);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Each agent's file depends on their rows and their previous file only, so the files are written in
        // parallel (the same bytes in any order): 10,000 calendars took 7-9 s of a large run on one core.
        List<Map.Entry<String, Map<LocalDate, List<ScheduleRow>>>> entries = new ArrayList<>(shifts.entrySet());
        entries.parallelStream().forEach(e -> {
            try {
                String file = fileName(e.getKey());
                Map<String, VEvent> before = previousDir == null ? Map.of()
                        : read(previousDir.resolve(FOLDER).resolve(file));
                ICalendar cal = calendar(e.getKey(), agents.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
                        before, zone);
                int[] years = years(cal, zone);
                VTimezone vt = zones.get().computeIfAbsent(((long) years[0] << 32) | years[1],
                        k -> vtimezone(zone, years[0], years[1]));
                writeFile(folder.resolve(file), cal, zone, vt);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
    }

    static ICalendar calendar(String agentId, String name, Map<LocalDate, List<ScheduleRow>> days,
                              Map<String, VEvent> before, ZoneId zone) {
        ICalendar cal = new ICalendar();
        cal.setProductId(PRODUCT);
        cal.setName("Schedule of " + (name == null || name.isBlank() ? agentId : name));
        for (var d : days.entrySet()) {
            List<ScheduleRow> blocks = new ArrayList<>(d.getValue());
            blocks.sort(Comparator.comparing(ScheduleRow::start));
            LocalDateTime start = blocks.get(0).start();
            LocalDateTime end = blocks.stream().map(ScheduleRow::end).max(Comparator.naturalOrder()).orElseThrow();
            VEvent ev = new VEvent();
            String uid = uid(agentId, d.getKey());
            ev.setUid(uid);
            ev.setDateTimeStamp(Date.from(d.getKey().atStartOfDay().toInstant(ZoneOffset.UTC)));
            ev.setSummary(summary(blocks));
            ev.setDescription(description(blocks));
            String location = blocks.stream().map(ScheduleRow::location).filter(l -> l != null && !l.isEmpty())
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("");
            if (!location.isEmpty()) {
                ev.setLocation(location);
            }
            ev.setDateStart(new ICalDate(toDate(start, zone), true));
            ev.setDateEnd(new ICalDate(toDate(end, zone), true));
            ev.setSequence(sequence(before.get(uid), ev));
            cal.addEvent(ev);
        }
        return cal;
    }

    /** Previous SEQUENCE plus one when the event's times, summary, description or location changed. */
    private static int sequence(VEvent old, VEvent now) {
        if (old == null) {
            return 0;
        }
        int seq = old.getSequence() == null || old.getSequence().getValue() == null ? 0
                : old.getSequence().getValue();
        boolean same = text(old.getSummary()).equals(text(now.getSummary()))
                && text(old.getDescription()).equals(text(now.getDescription()))
                && text(old.getLocation()).equals(text(now.getLocation()))
                && old.getDateStart() != null && old.getDateEnd() != null
                && old.getDateStart().getValue().getTime() == now.getDateStart().getValue().getTime()
                && old.getDateEnd().getValue().getTime() == now.getDateEnd().getValue().getTime();
        return same ? seq : seq + 1;
    }

    private static String text(biweekly.property.ValuedProperty<String> p) {
        return p == null || p.getValue() == null ? "" : p.getValue();
    }

    /** The instant of a local time of the plan's zone (a time in a DST gap moves forward, as java.time does). */
    private static Date toDate(LocalDateTime t, ZoneId zone) {
        return Date.from(t.atZone(zone).toInstant());
    }

    /** "Work 08:00-16:30 (voice, chat)": what a calendar's day view shows. */
    static String summary(List<ScheduleRow> blocks) {
        List<String> channels = blocks.stream().filter(r -> r.activity() == Activity.WORK && r.channel() != null)
                .map(ScheduleRow::channel).distinct().toList();
        LocalDateTime start = blocks.get(0).start();
        LocalDateTime end = blocks.stream().map(ScheduleRow::end).max(Comparator.naturalOrder()).orElseThrow();
        String kind = channels.isEmpty() ? "Training" : "Work";
        return kind + " " + hhmm(start) + "-" + hhmm(end) + (channels.isEmpty() ? "" : " (" + String.join(", ",
                channels) + ")");
    }

    /** One line per block: "08:00-10:00 work voice @ london", "10:00-10:15 break". */
    static String description(List<ScheduleRow> blocks) {
        StringBuilder sb = new StringBuilder();
        for (ScheduleRow r : blocks) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(hhmm(r.start())).append('-').append(hhmm(r.end())).append(' ').append(r.activity().csv());
            if ((r.activity() == Activity.WORK || r.activity() == Activity.TRAINING) && r.channel() != null
                    && !r.channel().isEmpty()) {
                sb.append(' ').append(r.channel());
            }
            if (r.location() != null && !r.location().isEmpty()) {
                sb.append(" @ ").append(r.location());
            }
        }
        return sb.toString();
    }

    private static String hhmm(LocalDateTime t) {
        int h = t.getHour();
        int m = t.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10),
            (char) ('0' + m % 10)});
    }

    private static void writeFile(Path file, ICalendar cal, ZoneId zone, VTimezone vt) throws IOException {
        TimezoneAssignment assignment = new TimezoneAssignment(TimeZone.getTimeZone(zone), vt);
        try (ICalWriter w = new ICalWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                biweekly.ICalVersion.V2_0)) {
            cal.getTimezoneInfo().setDefaultTimezone(assignment);
            w.write(cal);
        }
    }

    /**
     * VTIMEZONE for {@code zone}: every offset change from the start of the calendar's first year to the end of the
     * year after its last (one observance each, RFC 5545 3.6.5), or one standard observance for a zone without
     * changes then. The TZID is the zone's IANA name.
     */
    static VTimezone vtimezone(ZoneId zone, ICalendar cal) {
        int[] years = years(cal, zone);
        return vtimezone(zone, years[0], years[1]);
    }

    /** The first and last year of the calendar's events in {@code zone} (1970 for a calendar without events). */
    private static int[] years(ICalendar cal, ZoneId zone) {
        int first = cal.getEvents().stream().mapToInt(e -> year(e.getDateStart().getValue(), zone)).min()
                .orElse(1970);
        int last = cal.getEvents().stream().mapToInt(e -> year(e.getDateEnd().getValue(), zone)).max().orElse(1970);
        return new int[] {first, last};
    }

    private static VTimezone vtimezone(ZoneId zone, int first, int last) {
        VTimezone vt = new VTimezone(zone.getId());
        ZoneRules rules = zone.getRules();
        Instant from = LocalDate.of(first, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.of(last + 2, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZoneOffsetTransition t = rules.nextTransition(from.minusSeconds(1));
        boolean any = false;
        while (t != null && t.getInstant().isBefore(to)) {
            Observance o = rules.isDaylightSavings(t.getInstant()) ? new DaylightSavingsTime() : new StandardTime();
            o.setDateStart(components(t.getDateTimeBefore()));
            o.setTimezoneOffsetFrom(offset(t.getOffsetBefore()));
            o.setTimezoneOffsetTo(offset(t.getOffsetAfter()));
            add(vt, o);
            any = true;
            t = rules.nextTransition(t.getInstant());
        }
        if (!any) {
            ZoneOffset off = rules.getOffset(from);
            StandardTime o = new StandardTime();
            o.setDateStart(components(LocalDateTime.of(1970, 1, 1, 0, 0)));
            o.setTimezoneOffsetFrom(offset(off));
            o.setTimezoneOffsetTo(offset(off));
            vt.addStandardTime(o);
        }
        return vt;
    }

    private static void add(VTimezone vt, Observance o) {
        if (o instanceof DaylightSavingsTime d) {
            vt.addDaylightSavingsTime(d);
        } else {
            vt.addStandardTime((StandardTime) o);
        }
    }

    private static int year(Date d, ZoneId zone) {
        return d.toInstant().atZone(zone).getYear();
    }

    private static DateTimeComponents components(LocalDateTime t) {
        return new DateTimeComponents(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), false);
    }

    private static UtcOffset offset(ZoneOffset o) {
        return new UtcOffset(o.getTotalSeconds() * 1000L);
    }

    /** The events of a previously written file by UID; empty when there is none or it cannot be read. */
    static Map<String, VEvent> read(Path file) {
        Map<String, VEvent> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (ICalendar cal : Biweekly.parse(file.toFile()).all()) {
                for (VEvent ev : cal.getEvents()) {
                    if (ev.getUid() != null) {
                        out.put(ev.getUid().getValue(), ev);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged old file only loses the sequence numbers: the events are still written whole
            return Map.of();
        }
        return out;
    }

    /** Stable event id of an agent's shift on a day: the same agent and date always give the same UID. */
    public static String uid(String agentId, LocalDate date) {
        return sha256(Ids.key(agentId) + "|" + date).substring(0, 32) + "@wfm";
    }

    /** The file name of an agent's calendar (see the class comment). */
    public static String fileName(String agentId) {
        String key = Ids.key(agentId);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            boolean safe = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-' || cp == '_'
                    || (cp == '.' && sb.length() > 0);
            if (safe) {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
            }
            i += Character.charCount(cp);
        }
        String name = sb.toString();
        if (name.isEmpty()) {
            name = "%";
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME) + "~" + sha256(key).substring(0, 16);
        }
        return name + ".ics";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
