package org.wfm.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan.yaml's {@code preferences:} key: a path relative to plan.yaml, absent = none. */
class PlanPreferencesKeyTest {
    @TempDir
    Path dir;

    private Path plan(String extra) {
        for (String f : new String[] {"data/history.csv", "channels.yaml", "data/agents.csv", "rules.yaml"}) {
            Inputs.write(dir, f, "x\n");
        }
        return Inputs.write(dir, "plan.yaml", PlanConfigReaderTest.FILES + extra);
    }

    @Test
    void preferencesPathIsReadBesidePlanYaml() {
        assertNull(PlanConfigReader.read(plan("")).preferences());
        Inputs.write(dir, "data/preferences.csv", "agent_id,date_or_weekday,kind\n");
        assertEquals(dir.resolve("data/preferences.csv"),
                PlanConfigReader.read(plan("preferences: data/preferences.csv\n")).preferences());
    }

    @Test
    void aMissingPreferencesFileIsNamed() {
        Path p = plan("preferences: data/nope.csv\n");
        assertProblem(failing(() -> PlanConfigReader.read(p)), dir.resolve("plan.yaml"), 5, "preferences",
                "not found");
    }

    @Test
    void aFolderIsNotAPreferencesFile() {
        Inputs.write(dir, "data/x.csv", "x\n");
        Path p = plan("preferences: data\n");
        assertProblem(failing(() -> PlanConfigReader.read(p)), dir.resolve("plan.yaml"), 5, "preferences",
                "is a folder");
    }
}
