package org.wfm.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two business units, north and south, each {@link PlanFixture}'s centre (south's agents renamed S1..S4), sharing
 * channels.yaml and rules.yaml from the top level of plan.yaml; a 1-day schedule with a 1 s limit so a run of both
 * units takes seconds. Shared with the spark module's tests (the cli test-jar), with {@link #assertSameRun}.
 */
public final class UnitsFixture {
    /** Files that hold wall-clock times (the workbook's generation stamp, run.log) are compared apart. */
    public static final List<String> CLOCK_FILES = List.of("plan.xlsx", "run.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnitsFixture() {
    }

    /** Writes the units and plan.yaml (runs into {@code runs}, relative to {@code dir}); returns plan.yaml. */
    public static Path write(Path dir, String runs) throws IOException {
        PlanFixture.write(dir.resolve("north"));
        PlanFixture.write(dir.resolve("south"));
        Path southAgents = dir.resolve("south/agents.csv");
        Files.writeString(southAgents, Files.readString(southAgents).replaceAll("(?m)^A(\\d),", "S$1,"));
        return plan(dir, "plan.yaml", runs);
    }

    /**
     * Gives unit south its own {@code south/<key>.yaml} (channels, rules) in plan.yaml, with {@code from} replaced by
     * {@code to} in it (the fixture's units otherwise inherit north's).
     */
    public static void southOwn(Path dir, String key, String from, String to) throws IOException {
        Path file = dir.resolve("south").resolve(key + ".yaml");
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " has no " + from);
        }
        Files.writeString(file, text.replace(from, to));
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, Files.readString(plan).replace("    agents: south/agents.csv",
                "    agents: south/agents.csv\n    " + key + ": south/" + key + ".yaml"));
    }

    /** Another plan.yaml over the same units (e.g. another runs folder). */
    public static Path plan(Path dir, String name, String runs) throws IOException {
        Path plan = dir.resolve(name);
        PlanFixture.write(plan, """
                channels: north/channels.yaml
                rules: north/rules.yaml
                forecast: {method: seasonal-naive, horizon_days: 21, level: 80}
                schedule: {start: next-monday, days: 1, time_limit: 1s, seed: 1}
                runs: %s
                units:
                  north:
                    history: north/history.csv
                    agents: north/agents.csv
                  south:
                    history: south/history.csv
                    agents: south/agents.csv
                """.formatted(runs));
        return plan;
    }

    /**
     * Every file of two run folders with units byte for byte, except the files with wall-clock times and the
     * solver's seconds in each summary.json.
     */
    public static void assertSameRun(Path a, Path b) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        try (Stream<Path> s = Files.walk(b)) {
            assertThat(s.filter(Files::isRegularFile).map(b::relativize).sorted().toList()).isEqualTo(files);
        }
        int compared = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (CLOCK_FILES.contains(name)) {
                continue;
            }
            if (name.equals("summary.json")) {
                assertThat(withoutSeconds(b.resolve(f))).as(f.toString()).isEqualTo(withoutSeconds(a.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(15);
    }

    static JsonNode withoutSeconds(Path summary) throws IOException {
        JsonNode n = JSON.readTree(summary.toFile());
        if (n.get("solver") instanceof ObjectNode s) {
            s.remove("seconds");
        }
        return n;
    }
}
