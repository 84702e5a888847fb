package org.wfm.cli.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two business units, north and south, each {@link PlanFixture}'s centre (south's agents renamed S1..S4), sharing
 * channels.yaml and rules.yaml from the top level of plan.yaml; a 1-day schedule with a 1 s limit so a run of both
 * units takes seconds.
 */
public final class UnitsFixture {
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
}
