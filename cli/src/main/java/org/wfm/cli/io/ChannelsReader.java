package org.wfm.cli.io;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wfm.forecast.io.Ids;
import org.wfm.forecast.io.Plausible;
import org.wfm.forecast.io.Problems;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * Reads channels.yaml into a {@link ChannelPlan}.
 *
 * <p>Top level: {@code timezone} (a region id, default the system's), {@code interval_minutes}
 * (5, 10, 15, 30 or 60; default 15), {@code shrinkage} (default 0, at least 0 and below 1) and
 * {@code channels}, a mapping from channel name to its settings:
 * <ul>
 * <li>{@code immediate}: {@code service_level} (0–1 exclusive), {@code answer_seconds} (≥ 0),
 *     {@code aht_seconds} (&gt; 0) required; {@code patience_seconds} (&gt; 0, switches Erlang C to
 *     Erlang A) and {@code max_occupancy} (0–1] optional;</li>
 * <li>{@code concurrent}: the same plus {@code concurrency} (a whole number ≥ 1);</li>
 * <li>{@code deferred}: {@code response_hours} (&gt; 0) and {@code aht_seconds} required.</li>
 * </ul>
 * Numbers are also within the plausibility ranges of {@link Plausible} (AHT 1 s to 8 h, answer time up to a day,
 * patience 1 s to a day, response window up to a year, concurrency up to 50). Channel names follow
 * {@link ChannelNames}: spaces inside a name are allowed ({@code Sales UK:}), {@code :}, {@code ;} and {@code ,} are
 * not, and two names that agree after {@link Ids#key} (case, width, surrounding spaces) are refused, naming both
 * lines.
 * Any channel may set its own {@code shrinkage}. A key that does not apply to the channel's kind (such as
 * {@code service_level} on a deferred channel) is an error rather than silently ignored, since the planner
 * evidently expected it to do something. Unset optional numbers are NaN, as {@link Channel} documents;
 * a deferred channel's {@code serviceLevel} and {@code answerSeconds} are NaN too.
 */
public final class ChannelsReader {
    /** Interval lengths that divide an hour evenly, so intervals line up with clock hours. */
    static final Set<Integer> INTERVALS = Set.of(5, 10, 15, 30, 60);
    private static final Map<String, ChannelKind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("immediate", ChannelKind.IMMEDIATE);
        KINDS.put("concurrent", ChannelKind.CONCURRENT);
        KINDS.put("deferred", ChannelKind.DEFERRED);
    }

    private ChannelsReader() {
    }

    /** Reads the file, discarding notes (see {@link #read(Path, Notes)}). */
    public static ChannelPlan read(Path file) {
        return read(file, new Notes());
    }

    /**
     * Reads the file; without {@code timezone:} the plan is in the system's time zone.
     *
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static ChannelPlan read(Path file, Notes notes) {
        return read(file, ZoneId.systemDefault(), notes);
    }

    /**
     * Reads the file; without {@code timezone:} the plan is in {@code defaultZone} (plan.yaml's
     * {@code timezone}, which the contract allows in either file).
     *
     * @throws org.wfm.forecast.io.InputException listing every problem of the file
     */
    public static ChannelPlan read(Path file, ZoneId defaultZone, Notes notes) {
        String label = file.toString();
        String text = TextInput.read(file, label, "a YAML file with `channels:`");
        Problems problems = new Problems(label);
        YamlSection root = YamlSection.root(YamlTree.parse(text, problems, notes), problems);

        ZoneId zone = root.value("timezone", defaultZone, ChannelsReader::zone);
        int interval = root.integer("interval_minutes", 15, Range.above(0));
        if (root.has("interval_minutes") && !INTERVALS.contains(interval)) {
            root.problem("interval_minutes", interval + " is not allowed (expected 5, 10, 15, 30 or 60)");
        }
        double shrinkage = root.number("shrinkage", 0.0, Range.closedOpen(0, 1));
        List<Channel> channels = new ArrayList<>();
        YamlSection section = root.section("channels");
        if (section == null) {
            if (root.isAbsent("channels")) {
                root.missing("channels", "a mapping of channel names to settings, e.g. voice: {kind: immediate, ...}");
            }
        } else {
            java.util.Map<String, String> byKey = new java.util.HashMap<>();
            for (String name : section.keys()) {
                String first = byKey.putIfAbsent(Ids.key(name), name);
                if (first != null) {
                    problems.add(section.lineOf(name), section.path(name), "channel `" + name + "` is channel `" + first
                            + "` of line " + section.lineOf(first) + " written differently (names are compared ignoring"
                            + " case and character width); give each channel once");
                }
                YamlSection c = section.section(name);
                String bad = ChannelNames.problem(name);
                if (bad != null) {
                    problems.add(section.lineOf(name), section.path(name), "channel name `" + name + "` " + bad);
                }
                if (c != null) {
                    channels.add(channel(name, c, shrinkage));
                }
            }
            if (section.keys().isEmpty()) {
                root.problem("channels", "no channels defined");
            }
        }
        root.finish();
        problems.throwIfAny();
        return new ChannelPlan(zone, interval, shrinkage, channels);
    }

    private static Channel channel(String name, YamlSection c, double defaultShrinkage) {
        ChannelKind kind = null;
        if (!c.has("kind")) {
            c.missing("kind", "immediate, concurrent or deferred");
        } else {
            kind = c.choice("kind", null, KINDS);
        }
        double shrinkage = c.number("shrinkage", defaultShrinkage, Range.closedOpen(0, 1));
        double aht = c.requiredNumber("aht_seconds", Range.of(Plausible.AHT_SECONDS), "average handling time in seconds");
        if (kind == null) {
            c.keys();
            c.finish();
            return null;
        }
        Channel channel;
        if (kind == ChannelKind.DEFERRED) {
            for (String key : List.of("service_level", "answer_seconds", "patience_seconds", "max_occupancy", "concurrency")) {
                if (c.has(key)) {
                    c.problem(key, "does not apply to a deferred channel (its work is due within response_hours)");
                }
            }
            double response = c.requiredNumber("response_hours", Range.ofAbove(Plausible.RESPONSE_HOURS),
                    "a deferred channel needs the hours within which its work must be done");
            channel = new Channel(name, kind, Double.NaN, Double.NaN, Double.NaN, Double.NaN, aht, 1, response, shrinkage);
        } else {
            String which = kind == ChannelKind.IMMEDIATE ? "an immediate" : "a concurrent";
            double sl = c.requiredShare("service_level", Range.open(0, 1),
                    which + " channel needs its target share answered in time, e.g. 0.80 or 80%");
            double answer = c.requiredNumber("answer_seconds", Range.of(Plausible.ANSWER_SECONDS),
                    which + " channel needs the target answer time in seconds, e.g. 20");
            double patience = c.optionalNumber("patience_seconds", Range.of(Plausible.PATIENCE_SECONDS));
            double occupancy = c.share("max_occupancy", Double.NaN, Range.openClosed(0, 1));
            int concurrency = 1;
            if (kind == ChannelKind.CONCURRENT) {
                Integer n = c.requiredInteger("concurrency", Range.of(Plausible.CONCURRENCY),
                        "a concurrent channel needs the contacts one agent serves at once, e.g. 3");
                concurrency = n == null ? 1 : n;
            } else if (c.has("concurrency")) {
                c.problem("concurrency", "applies to concurrent channels only (this channel is immediate; use"
                        + " kind: concurrent for chat)");
            }
            if (c.has("response_hours")) {
                c.problem("response_hours", "applies to deferred channels only");
            }
            channel = new Channel(name, kind, sl, answer, patience, occupancy, aht, concurrency, Double.NaN, shrinkage);
        }
        c.finish();
        return channel;
    }

    static ZoneId zone(String s) throws BadValue {
        try {
            return ZoneId.of(s.trim());
        } catch (DateTimeException e) {
            throw new BadValue(Values.quote(s) + " is not a time zone" + Suggest.closest(s.trim(), ZoneId.getAvailableZoneIds())
                    .map(z -> " (did you mean `" + z + "`?)")
                    .orElse(" (expected a region id such as Europe/London)"));
        }
    }
}
