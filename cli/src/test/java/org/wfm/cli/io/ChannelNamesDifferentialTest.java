package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.service.Pipeline;
import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.history.History;
import org.wfm.forecast.history.HistoryReader;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Differential test of the channel-name rule ({@link ChannelNames}): the same name, spelt with other cases and
 * surrounding spaces, goes through every reader that names a channel (channels.yaml, the history as plan and demo
 * read it, forecast.csv, requirements.csv, agents.csv skills and development), and all of them must agree: each
 * reads it as channels.yaml's channel, spelt as channels.yaml spells it; and a name that is not a channel of
 * channels.yaml (one letter more) is refused by each of them.
 */
class ChannelNamesDifferentialTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** Names as planners write queues: letters (some accented), digits, inner spaces and punctuation. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> first = Arbitraries.strings().withChars("abcXYZéÅß0123456789").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcdeSALESuk éÜ0129_-.&/()+").ofMaxLength(14);
        Arbitrary<String> last = Arbitraries.strings().withChars("abcXYZ019").ofLength(1);
        return Combinators.combine(first, rest, last).as((f, r, l) -> f + r + l);
    }

    /** The name in another case per letter, with spaces around it. */
    private static String variant(String name, Random random) {
        StringBuilder sb = new StringBuilder(" ".repeat(random.nextInt(2)));
        for (char c : name.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.append(" ".repeat(random.nextInt(2))).toString();
    }

    @Property(tries = 60, seed = "16")
    void everyReaderReadsTheSameNameAsChannelsYamlSpellsIt(@ForAll("names") String name, @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("wfm-channel-names");
        try {
            ChannelPlan plan = ChannelsReader.read(channels(dir, name));
            assertThat(plan.channels()).extracting(c -> c.name()).containsExactly("voice", name);

            Set<String> fromHistory = Pipeline.historyChannels(history(dir, variant(name, random)), plan,
                    dir.resolve("history.csv"), dir.resolve("channels.yaml")).channels().keySet();
            assertThat(fromHistory).containsExactlyInAnyOrder("voice", name);

            List<ForecastPoint> forecast = OutputReaders.readDemand(forecast(dir, variant(name, random)), plan,
                    "channels.yaml");
            assertThat(forecast.stream().map(ForecastPoint::channel).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("voice", name);

            List<Requirement> reqs = OutputReaders.readRequirements(requirements(dir, variant(name, random)), plan,
                    "channels.yaml");
            assertThat(reqs.stream().map(Requirement::channel).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("voice", name);

            List<Agent> agents = AgentsReader.read(agents(dir, variant(name, random), variant(name, random)), plan, null);
            assertThat(agents.get(0).skills().keySet()).containsExactlyInAnyOrder("voice", name);
            assertThat(agents.get(0).development().keySet()).containsExactly(name);
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 30, seed = "16")
    void everyReaderRefusesANameThatIsNotAChannel(@ForAll("names") String name) throws IOException {
        Path dir = Files.createTempDirectory("wfm-channel-names");
        try {
            ChannelPlan plan = ChannelsReader.read(channels(dir, name));
            String other = name + "q";
            assertThatThrownBy(() -> Pipeline.historyChannels(history(dir, other), plan, dir.resolve("history.csv"),
                    dir.resolve("channels.yaml"))).isInstanceOf(InputException.class)
                    .hasMessageContaining("channel `" + other + "` is not in");
            assertThatThrownBy(() -> OutputReaders.readDemand(forecast(dir, other), plan, "channels.yaml"))
                    .isInstanceOf(InputException.class).hasMessageContaining("channel `" + other + "` is not in");
            assertThatThrownBy(() -> OutputReaders.readRequirements(requirements(dir, other), plan, "channels.yaml"))
                    .isInstanceOf(InputException.class).hasMessageContaining("channel `" + other + "` is not in");
            assertThatThrownBy(() -> AgentsReader.read(agents(dir, other, name), plan, null))
                    .isInstanceOf(InputException.class).hasMessageContaining("channel `" + other + "` is not in");
        } finally {
            delete(dir);
        }
    }

    @Test
    void theNearMatchIgnoresCaseSpacesAndPunctuation() {
        ChannelNames names = new ChannelNames(List.of("voice", "Sales UK"), "channels.yaml");
        assertThat(names.notInChannels("SalesUK", 3)).isEqualTo("channel `SalesUK` is not in channels.yaml (did you"
                + " mean `Sales UK`? names must agree apart from case and surrounding spaces); 3 rows name it");
        assertThat(names.notInChannels("sales-uk", 1)).isEqualTo("channel `sales-uk` is not in channels.yaml (did you"
                + " mean `Sales UK`? names must agree apart from case and surrounding spaces)");
        assertThat(names.notInChannels("vocie", 1)).isEqualTo("channel `vocie` is not in channels.yaml (did you mean"
                + " `voice`?)");
        assertThat(names.notInChannels("backoffice", 1)).isEqualTo("channel `backoffice` is not in channels.yaml"
                + " (expected one of: voice, Sales UK)");
        assertThat(names.resolve(" SALES uk", 4)).contains("Sales UK");
        assertThat(names.respelled()).containsEntry("SALES uk", 4);
        assertThat(ChannelNames.problem("Sales UK")).isNull();
        assertThat(ChannelNames.problem("a,b")).startsWith("contains `,`");
        assertThat(ChannelNames.problem("--")).isEqualTo("has no letter or digit");
        assertThat(ChannelNames.problem("a\u200Bb")).isEqualTo("contains an invisible formatting character (U+200B)");
    }

    private static String yamlKey(String name) {
        return "'" + name.replace("'", "''") + "'";
    }

    private static Path channels(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve("channels.yaml"), "timezone: Europe/London\ninterval_minutes: 15\n"
                + "channels:\n  voice: {kind: immediate, service_level: 0.8, answer_seconds: 20, aht_seconds: 300}\n"
                + "  " + yamlKey(name) + ": {kind: deferred, response_hours: 8, aht_seconds: 300}\n");
    }

    private static String quoted(String cell) {
        return "\"" + cell + "\"";
    }

    private static History history(Path dir, String name) throws IOException {
        StringBuilder sb = new StringBuilder("interval_start,channel,volume,aht_seconds\n");
        for (int d = 1; d <= 14; d++) {
            for (int h = 8; h < 12; h++) {
                String t = String.format(Locale.ROOT, "2025-03-%02dT%02d:00", d, h);
                sb.append(t).append(",voice,10,300\n").append(t).append(',').append(quoted(name)).append(",4,300\n");
            }
        }
        return HistoryReader.read(Files.writeString(dir.resolve("history.csv"), sb), ZONE);
    }

    private static Path forecast(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve("forecast.csv"), "interval_start,channel,volume,volume_lower,volume_upper,"
                + "aht_seconds\n2025-03-03T08:00,voice,10,8,12,300\n2025-03-03T08:00," + quoted(name) + ",4,3,5,300\n"
                + "2025-03-03T08:15,voice,10,8,12,300\n2025-03-03T08:15," + quoted(name) + ",4,3,5,300\n");
    }

    private static Path requirements(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve("requirements.csv"), "interval_start,channel,forecast_volume,aht_seconds,"
                + "required_agents,required_staff\n2025-03-03T08:00,voice,10,300,4,5\n2025-03-03T08:00," + quoted(name)
                + ",4,300,1,2\n2025-03-03T08:15,voice,10,300,4,5\n2025-03-03T08:15," + quoted(name) + ",4,300,1,2\n");
    }

    private static Path agents(Path dir, String skill, String development) throws IOException {
        return Files.writeString(dir.resolve("agents.csv"), "agent_id,name,site,work_mode,employment,skills,development,"
                + "min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end\n"
                + "A1,Ann,london,onsite,full-time," + quoted("voice:1.0;" + skill + ":0.5") + ","
                + quoted(development + ":4") + ",24,40,14.5,Mon-Fri,08:00,20:00\n");
    }

    private static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
