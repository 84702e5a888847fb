package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.forecast.io.InputException;

/** plan.yaml {@code units:}: keys inherited from the top level, the unit's own timeoff, names and missing keys. */
class PlanUnitsConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void inputs() {
        for (String f : new String[] {"channels.yaml", "rules.yaml", "timeoff.csv", "north/history.csv",
            "north/agents.csv", "north/timeoff.csv", "south/history.csv", "south/agents.csv", "south/channels.yaml"}) {
            Inputs.write(dir, f, "x\n");
        }
    }

    private PlanConfig read(String text) {
        return PlanConfigReader.read(Inputs.write(dir, "plan.yaml", text));
    }

    @Test
    void aUnitInheritsTheTopLevelKeysItDoesNotSet() {
        PlanConfig plan = read("""
                channels: channels.yaml
                rules: rules.yaml
                timezone: Europe/London
                units:
                  north: {history: north/history.csv, agents: north/agents.csv}
                  south: {history: south/history.csv, agents: south/agents.csv, channels: south/channels.yaml,
                          timezone: Europe/Paris}
                """);
        assertThat(plan.hasUnits()).isTrue();
        assertThat(plan.units()).extracting(PlanConfig.Unit::name).containsExactly("north", "south");
        PlanConfig.Unit north = plan.units().get(0);
        PlanConfig.Unit south = plan.units().get(1);
        assertThat(north.channels()).isEqualTo(dir.resolve("channels.yaml"));
        assertThat(north.rules()).isEqualTo(dir.resolve("rules.yaml"));
        assertThat(north.timezone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(north.timeoff()).as("timeoff.csv beside the unit's own agents file").isEqualTo(
                dir.resolve("north/timeoff.csv"));
        assertThat(south.channels()).isEqualTo(dir.resolve("south/channels.yaml"));
        assertThat(south.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(south.timeoff()).as("no timeoff.csv beside south's agents; the top level's is not its").isNull();
        assertThat(plan.history()).as("no top-level history needed with units").isNull();
    }

    @Test
    void aUnitWithoutHistoryAnywhereIsNamedAtItsLine() {
        InputException e = failing(() -> read("""
                channels: channels.yaml
                rules: rules.yaml
                units:
                  north:
                    agents: north/agents.csv
                """));
        assertThat(e.getMessage()).contains("line 4").contains("units.north.history").contains("missing");
    }

    @Test
    void unitNamesAreSafeFolderNamesUniqueIgnoringCase() {
        String units = """
                channels: channels.yaml
                rules: rules.yaml
                units:
                  North: {history: north/history.csv, agents: north/agents.csv}
                  north: {history: south/history.csv, agents: south/agents.csv}
                  "a b": {history: south/history.csv, agents: south/agents.csv}
                """;
        InputException e = failing(() -> read(units));
        assertThat(e.getMessage()).contains("line 5").contains("same folder name as unit \"North\"")
                .contains("line 6").contains("not a safe folder name");
    }

    /** Preferences name one unit's agents: a unit's own key is read; a top-level one with units is an error. */
    @Test
    void preferencesBelongToAUnit() {
        Inputs.write(dir, "north/preferences.csv", "x\n");
        PlanConfig plan = read("""
                channels: channels.yaml
                rules: rules.yaml
                units:
                  north: {history: north/history.csv, agents: north/agents.csv, preferences: north/preferences.csv}
                  south: {history: south/history.csv, agents: south/agents.csv}
                """);
        assertThat(plan.units().get(0).preferences()).isEqualTo(dir.resolve("north/preferences.csv"));
        assertThat(plan.units().get(1).preferences()).isNull();
        InputException e = failing(() -> read("""
                channels: channels.yaml
                rules: rules.yaml
                preferences: north/preferences.csv
                units:
                  north: {history: north/history.csv, agents: north/agents.csv}
                """));
        assertThat(e.getMessage()).contains("preferences").contains("give each unit its own preferences:");
    }
}
