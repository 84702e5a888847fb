package org.wfm.cli.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.wfm.forecast.io.Ids;

/**
 * The one rule for channel names, wherever a file names a channel (history, forecast.csv, requirements.csv,
 * channels.yaml, agents.csv skills and development): two spellings are one channel when they agree after
 * {@link Ids#key} (Unicode NFKC, surrounding spaces trimmed, case folded), so {@code Sales UK}, {@code sales uk}
 * and {@code "SALES UK "} are one queue, written everywhere as channels.yaml spells it. Spaces inside a name are
 * part of it. A spelling that differs from channels.yaml's is read as that channel with a note, once per spelling
 * and file; a name that matches no channel is an error suggesting the near match, where case, spaces and
 * punctuation are ignored ({@code SalesUK} or {@code sales_uk} for {@code Sales UK}) and otherwise the closest
 * name by edit distance ({@link Suggest}).
 *
 * <p>A name is valid ({@link #problem}) when it has a letter or digit and none of {@code :}, {@code ;} and
 * {@code ,} (agents.csv writes skills as {@code voice:1.0;chat:0.7} inside one comma-separated cell) nor a control
 * or invisible formatting character (look-alike names).
 *
 * <p>An instance resolves the names one file writes against channels.yaml's channels and remembers each
 * spelling's first line, for the notes and for an error that names a missing channel once with its row count.
 */
public final class ChannelNames {
    private final Map<String, String> byKey = new LinkedHashMap<>();
    private final String channelsLabel;
    /** Spellings that differ from channels.yaml's, with the first line each was met on. */
    private final Map<String, Integer> respelled = new LinkedHashMap<>();
    /** Names of no channel by key: first spelling, first line and count. */
    private final Map<String, Unknown> unknown = new LinkedHashMap<>();

    /** A channel name that channels.yaml lacks, as first written, where, and on how many rows. */
    public record Unknown(String written, int firstLine, int rows) {
    }

    /**
     * @param channels      channels.yaml's channel names (distinct by key: {@link ChannelsReader} refuses two that
     *                      are not)
     * @param channelsLabel the channels file as messages name it
     */
    public ChannelNames(Collection<String> channels, String channelsLabel) {
        channels.forEach(c -> byKey.putIfAbsent(Ids.key(c), c));
        this.channelsLabel = channelsLabel;
    }

    /** The channels file as messages name it. */
    public String label() {
        return channelsLabel;
    }

    /** The comparison key of a channel name ({@link Ids#key}). */
    public static String key(String name) {
        return Ids.key(name);
    }

    /** Null when {@code name} may name a channel, else what is wrong with it (for "channel name ... " messages). */
    public static String problem(String name) {
        String invisible = Ids.invisible(name);
        if (invisible != null) {
            return "contains " + invisible;
        }
        for (char c : new char[]{':', ';', ','}) {
            if (name.indexOf(c) >= 0) {
                return "contains `" + c + "` (agents.csv lists skills as voice:1.0;chat:0.7, so a channel name may not"
                        + " contain `:`, `;` or `,`)";
            }
        }
        if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return "has no letter or digit";
        }
        return null;
    }

    /** channels.yaml's spelling of {@code written}, if it names one of its channels; nothing is recorded. */
    public Optional<String> find(String written) {
        return Optional.ofNullable(byKey.get(Ids.key(written)));
    }

    /**
     * channels.yaml's spelling of {@code written} met on {@code line}; a different spelling is remembered for
     * {@link #notes}; a name of no channel is remembered for {@link #unknown} and gives empty.
     */
    public Optional<String> resolve(String written, int line) {
        String name = Ids.strip(written);
        String channel = byKey.get(Ids.key(name));
        if (channel == null) {
            unknown.merge(Ids.key(name), new Unknown(name, line, 1),
                    (a, b) -> new Unknown(a.written(), a.firstLine(), a.rows() + 1));
            return Optional.empty();
        }
        if (!channel.equals(name)) {
            respelled.putIfAbsent(name, line);
        }
        return Optional.of(channel);
    }

    /** Names of no channel met by {@link #resolve}, in the order first met. */
    public List<Unknown> unknown() {
        return List.copyOf(unknown.values());
    }

    /**
     * "channel `voise` is not in channels.yaml (did you mean `voice`?)": the message for a name of no channel, with
     * {@code rows} (when above 1) and the near match.
     */
    public String notInChannels(String written, int rows) {
        return "channel `" + written + "` is not in " + channelsLabel + hint(written)
                + (rows > 1 ? String.format(Locale.ROOT, "; %d rows name it", rows) : "");
    }

    /** " (did you mean `x`? ...)" or " (expected one of: a, b)": the near match among channels.yaml's names. */
    public String hint(String written) {
        return hint(written, byKey.values());
    }

    /** The near match of {@code written} among {@code names}, as {@link #hint(String)} words it. */
    public static String hint(String written, Collection<String> names) {
        String squashed = squash(written);
        for (String n : names) {
            if (!squashed.isEmpty() && squash(n).equals(squashed)) {
                return " (did you mean `" + n + "`? names must agree apart from case and surrounding spaces)";
            }
        }
        return Suggest.hint(written, names);
    }

    /**
     * Notes for the spellings that differ from channels.yaml's, one per spelling: "`Voice` is read as channel `voice`
     * of channels.yaml (names are compared ignoring case and surrounding spaces)"; {@code column} names the column or
     * key in the notes.
     */
    public void notes(Notes notes, String file, String column) {
        respelled.forEach((written, line) -> notes.add(file, line, column, "`" + written + "` is read as channel `"
                + byKey.get(Ids.key(written)) + "` of " + channelsLabel
                + " (channel names are compared ignoring case and surrounding spaces)"));
    }

    /** The spellings that differ from channels.yaml's, each with the first line it was met on. */
    public Map<String, Integer> respelled() {
        return java.util.Collections.unmodifiableMap(respelled);
    }

    /** Letters and digits only, case folded: the form in which {@code SalesUK}, {@code sales_uk} and {@code Sales UK} agree. */
    static String squash(String name) {
        StringBuilder sb = new StringBuilder();
        Ids.key(name).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Names in a message: "`a`, `b` and 3 more". */
    public static String list(List<String> names, int shown) {
        List<String> parts = new ArrayList<>();
        names.stream().limit(shown).forEach(n -> parts.add("`" + n + "`"));
        String s = String.join(", ", parts);
        return names.size() > shown ? s + " and " + (names.size() - shown) + " more" : s;
    }
}
