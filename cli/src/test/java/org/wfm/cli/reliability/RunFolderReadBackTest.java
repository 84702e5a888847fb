package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;
import org.wfm.cli.export.RunFolder;
import org.wfm.cli.output.OutputReaders;
import org.wfm.cli.output.SummaryJson;
import org.wfm.forecast.io.InputException;
import org.wfm.scheduler.domain.Summary;

/**
 * The one run-folder reader on a folder written by {@code wfm schedule}: summary.json read back into its record
 * writes the same JSON again, and the schedule it reads is the schedule written.
 */
class RunFolderReadBackTest {
    @TempDir
    Path dir;

    @Test
    void summaryJsonReadBackIntoItsRecordWritesTheSameKeysAndValues() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir);
        Path out = dir.resolve("run");
        Run r = WfmRunner.run(f.args(out, "--time-limit", "2s", "--seed", "3"));
        assertThat(r.code()).as(r.toString()).isZero();

        RunFolder run = RunFolder.open(out, "--schedule");
        Summary record = run.record();
        assertThat(record.solver().seed()).isEqualTo(3);
        assertThat(record.serviceLevel()).containsOnlyKeys("voice", "chat");

        Path again = dir.resolve("again.json");
        SummaryJson.write(again, SummaryJson.toTree(record));
        ObjectNode written = SummaryJson.read(again);
        ObjectNode original = run.summary();
        List<String> keys = new ArrayList<>();
        written.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("cost", "service_level", "late_contacts", "agents", "uncovered_intervals", "inputs");
        for (String key : keys) {
            JsonNode expected = original.get(key);
            if (expected instanceof ObjectNode o && written.get(key) instanceof ObjectNode w) {
                // keys the writer adds beside the record's (the solver's terminated_by) are not the record's
                expected = o.deepCopy().retain(iterable(w.fieldNames()));
            }
            assertThat(written.get(key)).as(key).isEqualTo(expected);
        }
        assertThat(run.schedule()).isEqualTo(OutputReaders.readSchedule(out.resolve("schedule.csv")));
        assertThat(run.names()).containsEntry("A1", "Ann Archer");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aFolderWithoutScheduleOrWithBrokenSummaryIsAnInputErrorNamingIt() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> RunFolder.open(dir.resolve("empty"), "--previous"))
                .isInstanceOf(InputException.class).hasMessageContaining("schedule.csv");
        Fixtures.write(dir, "run/schedule.csv", "agent_id,date,start,end,activity,channel,location\n");
        Fixtures.write(dir, "run/summary.json", "{\n  \"cost\": [\n");
        RunFolder run = RunFolder.open(dir.resolve("run"), "--schedule");
        assertThat(run.schedule()).isEmpty();
        assertThatThrownBy(run::record).isInstanceOf(InputException.class)
                .hasMessageContaining("summary.json line").hasMessageContaining("not valid JSON");
    }
}
