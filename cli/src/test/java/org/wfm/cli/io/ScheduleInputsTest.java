package org.wfm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wfm.cli.io.Inputs.assertProblem;
import static org.wfm.cli.io.Inputs.failing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleInputsTest {
    @TempDir
    Path dir;

    private void copy(String name) throws Exception {
        Files.copy(Inputs.resource(name), dir.resolve(name));
    }

    @Test
    void timeOffBesideAgentsIsTheDefault() throws Exception {
        for (String f : new String[] {"channels.yaml", "rules.yaml", "agents.csv", "timeoff.csv"}) {
            copy(f);
        }
        Notes notes = new Notes();
        ScheduleInputs in = ScheduleInputs.read(dir.resolve("channels.yaml"), dir.resolve("rules.yaml"),
                dir.resolve("agents.csv"), null, ZoneId.of("UTC"), notes);
        assertEquals(4, in.agents().size());
        assertEquals(2, in.timeOff().size());
        assertEquals(dir.resolve("timeoff.csv"), in.timeOffFile());
        assertEquals(ZoneId.of("Europe/London"), in.channels().zone());
        assertThat(notes.list()).singleElement().asString().contains("timeoff.csv: read as the time off of");
    }

    @Test
    void noTimeOffFileMeansNoTimeOff() throws Exception {
        for (String f : new String[] {"channels.yaml", "rules.yaml", "agents.csv"}) {
            copy(f);
        }
        ScheduleInputs in = ScheduleInputs.read(dir.resolve("channels.yaml"), dir.resolve("rules.yaml"),
                dir.resolve("agents.csv"), null, null, new Notes());
        assertEquals(0, in.timeOff().size());
        assertNull(in.timeOffFile());
    }

    @Test
    void timeOffOfAnAgentNotInAgentsCsv() throws Exception {
        for (String f : new String[] {"channels.yaml", "rules.yaml", "agents.csv"}) {
            copy(f);
        }
        Path off = Inputs.write(dir, "other/leave.csv", "agent_id,date\nA5,2026-01-05\n");
        assertProblem(failing(() -> ScheduleInputs.read(dir.resolve("channels.yaml"), dir.resolve("rules.yaml"),
                dir.resolve("agents.csv"), off, null, new Notes())), off, 2, "agent_id", "agent `A5` is not in agents.csv");
    }
}
