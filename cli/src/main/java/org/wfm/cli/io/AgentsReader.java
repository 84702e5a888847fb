package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.Plausible;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * Reads agents.csv into {@link Agent}s, in file order, checking every value against channels.yaml (skills
 * and development goals must name its channels) and rules.yaml (a site must be one of its {@code sites}).
 *
 * <p>Columns: {@code agent_id,name,site,work_mode,employment,skills,development,min_hours_week,
 * max_hours_week,hourly_cost,available_days,earliest_start,latest_end}; {@code development} may be left out
 * of the header altogether (no goals). Decisions where the contract leaves room:
 * <ul>
 * <li>{@code agent_id}: ids are compared as {@link Ids#key} does (NFKC, trimmed, case-folded), so {@code A001},
 *     {@code a001} and {@code Ａ００１} are one id listed twice (refused, naming both lines); an id with a control or
 *     invisible character is refused. Surrounding spaces of any kind (a no-break space too) are dropped.</li>
 * <li>{@code name} empty: the agent_id is used.</li>
 * <li>{@code site} empty or {@code home}: null (home-based). Onsite and hybrid agents need a site; a
 *     remote agent's site is ignored with a note, as a remote agent never takes a seat.</li>
 * <li>{@code work_mode}, {@code employment}: case-insensitive, {@code _} accepted for {@code -}.</li>
 * <li>{@code skills}: {@code voice:1.0;chat:0.7}, proficiency 0–1; a bare channel name means 1.0.
 *     {@code development}: {@code email:6;chat:4}, hours &gt; 0. Either may be empty; a channel listed twice
 *     is an error.</li>
 * <li>{@code min_hours_week} empty = 0; an on-demand agent's minimum is 0 (a non-zero value is noted and
 *     dropped). Hours are 0–168 with min ≤ max and max &gt; 0; {@code hourly_cost} 0–10,000
 *     ({@link Plausible#HOURLY_COST}).</li>
 * <li>{@code available_days}: see {@link Values#days}: {@code Mon-Fri}, {@code "Mon,Wed,Sat"} or
 *     {@code Mon;Wed;Sat}; a range may wrap ({@code Fri-Mon}). The contract writes {@code Mon,Wed,Sat}, so an
 *     unquoted comma list of days is also read (with a note asking for quotes): a row with k extra values whose
 *     values from available_days on are all days cannot mean anything else.</li>
 * <li>{@code earliest_start}, {@code latest_end}: {@code HH:MM}; {@code latest_end} may be {@code 24:00}
 *     (midnight); a latest_end earlier than earliest_start is an overnight window; equal is an error.
 *     A window shorter than the shortest shift of rules.yaml is noted (the agent can never work).</li>
 * </ul>
 */
public final class AgentsReader {
    static final List<String> COLUMNS = List.of("agent_id", "name", "site", "work_mode", "employment", "skills",
            "development", "min_hours_week", "max_hours_week", "hourly_cost", "available_days", "earliest_start",
            "latest_end");
    static final Set<String> OPTIONAL = Set.of("development");
    private static final Map<String, WorkMode> WORK_MODES = new LinkedHashMap<>();
    private static final Map<String, Employment> EMPLOYMENTS = new LinkedHashMap<>();

    static {
        WORK_MODES.put("onsite", WorkMode.ONSITE);
        WORK_MODES.put("remote", WorkMode.REMOTE);
        WORK_MODES.put("hybrid", WorkMode.HYBRID);
        WORK_MODES.put("on-site", WorkMode.ONSITE);
        EMPLOYMENTS.put("full-time", Employment.FULL_TIME);
        EMPLOYMENTS.put("part-time", Employment.PART_TIME);
        EMPLOYMENTS.put("on-demand", Employment.ON_DEMAND);
    }

    private AgentsReader() {
    }

    /** Reads the file, discarding notes (see {@link #read(Path, ChannelPlan, Rules, Notes)}). */
    public static List<Agent> read(Path file, ChannelPlan channels, Rules rules) {
        return read(file, channels, rules, new Notes());
    }

    /**
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    /** An agent id as written and its line in agents.csv. */
    public record IdLine(String id, int line) {
    }

    /**
     * The agent ids of an agents file with their lines, in file order, without reading the other columns (units
     * check that no agent is in two units' files before reading each in full). Ids are as {@link #read} reads them;
     * compare them with {@link Ids#key}.
     */
    public static List<IdLine> ids(Path file) {
        CsvTable table = CsvTable.read(file, COLUMNS, OPTIONAL, "available_days", AgentsReader::isDayItem, new Notes());
        List<IdLine> ids = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String id = Ids.strip(row.get("agent_id"));
            if (id != null && !id.isEmpty()) {
                ids.add(new IdLine(id, row.line()));
            }
        }
        return ids;
    }

    public static List<Agent> read(Path file, ChannelPlan channels, Rules rules, Notes notes) {
        CsvTable table = CsvTable.read(file, COLUMNS, OPTIONAL, "available_days", AgentsReader::isDayItem, notes);
        List<String> channelNames = channels.channels().stream().map(Channel::name).toList();
        // rules may be null when no rules.yaml is at hand (wfm simulate): any site name is then accepted
        double shortestShift = rules == null || rules.shifts() == null || rules.shifts().lengthsHours().isEmpty()
                ? 0 : Collections.min(rules.shifts().lengthsHours());
        Map<String, Integer> seen = new HashMap<>();
        List<Agent> agents = new ArrayList<>();
        ChannelNames skillNames = new ChannelNames(channelNames, "channels.yaml");
        ChannelNames developmentNames = new ChannelNames(channelNames, "channels.yaml");
        for (CsvTable.Row row : table.rows()) {
            Agent agent = agent(row, skillNames, developmentNames, rules == null ? null : rules.siteSeats().keySet(),
                    shortestShift, table.file(), notes);
            if (agent == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(Ids.key(agent.id()), row.line());
            if (first != null) {
                String earlier = agents.stream().filter(a -> Ids.key(a.id()).equals(Ids.key(agent.id())))
                        .map(Agent::id).findFirst().orElse(agent.id());
                row.problem("agent_id", "agent_id `" + agent.id() + "` is already used on line " + first
                        + (earlier.equals(agent.id()) ? "" : " (as `" + earlier + "`; ids are compared ignoring case,"
                        + " character width and surrounding spaces)"));
                continue;
            }
            agents.add(agent);
        }
        if (table.rows().isEmpty() && table.problems().isEmpty()) {
            table.problems().add(1, null, "no agents: the file has only its header");
        }
        table.problems().throwIfAny();
        skillNames.notes(notes, table.file(), "skills");
        developmentNames.notes(notes, table.file(), "development");
        return agents;
    }

    private static Agent agent(CsvTable.Row row, ChannelNames skillNames, ChannelNames developmentNames,
                               Set<String> sites, double shortestShift, String file, Notes notes) {
        int before = row.problemCount();
        String id = Ids.strip(row.get("agent_id"));
        if (id.isEmpty()) {
            row.problem("agent_id", "is empty (every agent needs an id)");
        } else if (Ids.invisible(id) != null) {
            row.problem("agent_id", "contains " + Ids.invisible(id) + " (expected visible characters only)");
        }
        String name = row.get("name").isEmpty() ? id : row.get("name");
        WorkMode mode = row.parse("work_mode", s -> Values.choice(s, WORK_MODES));
        Employment employment = row.parse("employment", s -> Values.choice(s, EMPLOYMENTS));
        String site = site(row, mode, sites, file, notes);
        Map<String, Double> skills = row.parse("skills", s -> entries(s, skillNames, row.line(), Range.closed(0, 1), true,
                "channel:proficiency such as voice:1.0;chat:0.7"));
        Map<String, Double> development = row.parse("development", s -> entries(s, developmentNames, row.line(), Range.above(0), false,
                "channel:hours such as email:6;chat:4"));
        Double min = row.parse("min_hours_week", s -> s.isEmpty() ? 0.0 : Values.number(s, Range.of(Plausible.HOURS_PER_WEEK)));
        Double max = row.parse("max_hours_week", s -> Values.number(s, Range.ofAbove(Plausible.HOURS_PER_WEEK)));
        if (min != null && max != null && min > max) {
            row.problem("min_hours_week", Values.format(min) + " is more than max_hours_week (" + Values.format(max) + ")");
        }
        if (employment == Employment.ON_DEMAND && min != null && min > 0) {
            notes.add(file, row.line(), "min_hours_week", "on-demand agent `" + id + "` has no minimum hours; "
                    + Values.format(min) + " ignored");
            min = 0.0;
        }
        Double cost = row.parse("hourly_cost", s -> Values.number(s, Range.of(Plausible.HOURLY_COST)));
        Set<DayOfWeek> days = row.parse("available_days", Values::days);
        LocalTime earliest = row.parse("earliest_start", s -> Values.time(s, false));
        LocalTime latest = row.parse("latest_end", s -> Values.time(s, true));
        if (earliest != null && latest != null) {
            if (earliest.equals(latest)) {
                row.problem("latest_end", "equals earliest_start (" + earliest + "); a latest_end earlier than"
                        + " earliest_start is an overnight window, e.g. 22:00 to 06:00");
            } else {
                long minutes = Duration.between(earliest, latest).toMinutes();
                double windowHours = (minutes < 0 ? minutes + 24 * 60 : minutes) / 60.0;
                if (windowHours < shortestShift) {
                    notes.add(file, row.line(), "latest_end", "agent `" + id + "` is available " + Values.format(windowHours)
                            + " h a day, less than the shortest shift (" + Values.format(shortestShift) + " h): never scheduled");
                }
            }
        }
        if (skills != null && development != null) {
            for (String channel : development.keySet()) {
                if (skills.getOrDefault(channel, 0.0) >= 1.0) {
                    notes.add(file, row.line(), "development", "agent `" + id + "` wants development on `" + channel
                            + "` but is already fully proficient (1.0)");
                }
            }
        }
        if (skills != null && skills.isEmpty()) {
            notes.add(file, row.line(), "skills", "agent `" + id + "` has no skills: can only train");
        }
        if (row.problemCount() > before || mode == null || employment == null || skills == null || development == null
                || min == null || max == null || cost == null || days == null || earliest == null || latest == null) {
            return null;
        }
        return new Agent(id, name, site, mode, employment, skills, development, min, max, cost, days, earliest, latest);
    }

    private static String site(CsvTable.Row row, WorkMode mode, Set<String> sites, String file, Notes notes) {
        String site = row.get("site");
        if (site.isEmpty() || site.equalsIgnoreCase(RulesReader.HOME)) {
            if (mode == WorkMode.ONSITE || mode == WorkMode.HYBRID) {
                row.problem("site", (site.isEmpty() ? "is empty" : "is `home`") + " but work_mode is "
                        + mode.name().toLowerCase(Locale.ROOT) + (sites == null ? " (expected a site)"
                        : " (expected one of the sites of rules.yaml: " + String.join(", ", sites) + ")"));
            }
            return null;
        }
        if (sites != null) {
            // a site is an id: `London` in agents.csv is rules.yaml's `london`
            site = sites.stream().filter(known -> Ids.key(known).equals(Ids.key(row.get("site")))).findFirst()
                    .orElse(site);
        }
        if (sites != null && !sites.contains(site)) {
            row.problem("site", "`" + site + "` is not a site of rules.yaml" + (sites.isEmpty()
                    ? " (rules.yaml defines no sites; leave empty or write `home` for remote agents)"
                    : Suggest.hint(site, sites).replace(")", "; or empty/`home` for remote agents)")));
            return null;
        }
        if (mode == WorkMode.REMOTE) {
            notes.add(file, row.line(), "site", "remote agent `" + row.get("agent_id") + "`: site `" + site
                    + "` ignored (remote agents do not take a seat)");
            return null;
        }
        return site;
    }

    private static boolean isDayItem(String item) {
        try {
            Values.days(item);
            return true;
        } catch (BadValue e) {
            return false;
        }
    }

    /**
     * {@code channel:number;channel:number}. The separator inside the field is {@code ;} so the field needs
     * no quotes in a comma-separated file.
     */
    static Map<String, Double> entries(String s, List<String> channels, Range range, boolean bareMeansOne,
                                       String expected) throws BadValue {
        return entries(s, new ChannelNames(channels, "channels.yaml"), 0, range, bareMeansOne, expected);
    }

    /**
     * As above, with channel names resolved by {@code names} ({@link ChannelNames}: {@code Voice} is channels.yaml's
     * {@code voice}, remembered for a note) on {@code line}.
     */
    static Map<String, Double> entries(String s, ChannelNames names, int line, Range range, boolean bareMeansOne,
                                       String expected) throws BadValue {
        Map<String, Double> out = new LinkedHashMap<>();
        if (s.isBlank()) {
            return out;
        }
        if (s.contains(",")) {
            throw new BadValue(Values.quote(s) + " contains a comma: separate entries with `;` and write decimals"
                    + " with a dot (expected " + expected + ")");
        }
        for (String item : s.split(";", -1)) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String written = (colon < 0 ? entry : entry.substring(0, colon)).trim();
            if (colon < 0 && !bareMeansOne || written.isEmpty()) {
                throw new BadValue(Values.quote(entry) + " is not an entry of the form " + expected);
            }
            // channel names are ids: `Voice` is channels.yaml's `voice`
            if (names.find(written).isEmpty()) {
                throw new BadValue(names.notInChannels(written, 1));
            }
            String channel = names.resolve(written, line).orElseThrow();
            double value;
            try {
                value = colon < 0 ? 1.0 : Values.number(entry.substring(colon + 1), range);
            } catch (BadValue e) {
                throw new BadValue("`" + channel + "`: " + e.getMessage());
            }
            if (out.put(channel, value) != null) {
                throw new BadValue("channel `" + channel + "` is listed twice");
            }
        }
        return out;
    }
}
