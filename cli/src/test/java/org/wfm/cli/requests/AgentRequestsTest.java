package org.wfm.cli.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;
import org.wfm.cli.service.AgentRequests;
import org.wfm.cli.service.RunInputs;
import org.wfm.scheduler.domain.SwapVerdict;

/** {@code wfm timeoff check} and {@code wfm swap check} on {@link TinyRun}, run as cron would. */
class AgentRequestsTest {
    private static final RunInputs.Overrides NONE = new RunInputs.Overrides(null, null, null, null);
    @TempDir
    Path dir;

    static List<CSVRecord> records(Path file) throws java.io.IOException {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return p.getRecords();
        }
    }

    @Test
    void theSecondRequestOfADayAtASiteWithAnAllotmentOfOneIsWaitlisted() throws Exception {
        Path run = TinyRun.write(dir, "timeoff: {allotment: {per_site: 1}, min_service_level: 0}\n");
        Path requests = TinyRun.put(dir.resolve("requests.csv"), """
                agent_id,date,start,end
                A1,2025-02-11,,
                A2,2025-02-11,,
                A3,2025-02-11,,
                """);
        Path out = dir.resolve("decisions.csv");
        Run r = WfmRunner.run("timeoff", "check", "--run", run.toString(), "--requests", requests.toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith(
                "agent_id,date,start,end,decision,reason,service_level_with,service_level_without");
        assertThat(lines.get(1)).startsWith("A1,2025-02-11,,,approved,");
        assertThat(lines.get(2)).startsWith("A2,2025-02-11,,,waitlisted,allotment: 1 of 1 absences already approved"
                + " at london on 2025-02-11");
        // A3 has no shift that day: nothing to lose, nothing counted
        assertThat(lines.get(3)).startsWith("A3,2025-02-11,,,approved,no shift in the requested time");
        assertThat(r.out()).contains("3 requests: 2 approved, 0 refused, 1 wait-listed");
    }

    @Test
    void rankDecidesTheOrderAndEachDecisionCountsTheEarlierApprovals() throws Exception {
        Path run = TinyRun.write(dir, "timeoff: {allotment: {per_channel: 1}, min_service_level: 0}\n");
        Path requests = TinyRun.put(dir.resolve("requests.csv"), """
                agent_id,date,start,end,rank
                A1,2025-02-11,,,2
                A2,2025-02-11,09:00,11:00,1
                """);
        Path out = dir.resolve("decisions.csv");
        // the service the command calls, without the shell (the command's own path is tested above)
        AgentRequests.timeOff(run, NONE, requests, out, false);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(1)).startsWith("A2,2025-02-11,09:00,11:00,approved,");
        assertThat(lines.get(2)).startsWith("A1,2025-02-11,,,waitlisted,allotment: 1 of 1 absences already approved"
                + " on voice");
    }

    @Test
    void aRequestLeavingTheChannelBelowItsTargetIsRefusedWithBothServiceLevels() throws Exception {
        Path run = TinyRun.write(dir, "");
        Path requests = TinyRun.put(dir.resolve("requests.csv"), "agent_id,date,start,end\nA2,2025-02-10,,\n");
        Path out = dir.resolve("decisions.csv");
        Run r = WfmRunner.run("timeoff", "check", "--run", run.toString(), "--requests", requests.toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        CSVRecord row = records(out).get(0);
        assertThat(row.get("decision")).isEqualTo("refused");
        assertThat(row.get("reason")).startsWith("coverage: voice service level on 2025-02-10 would fall from");
        assertThat(Double.parseDouble(row.get("service_level_with"))).isLessThan(0.8)
                .isLessThan(Double.parseDouble(row.get("service_level_without")));
    }

    @Test
    void aBadRequestRowIsOneLineNamingFileLineAndColumnAndWritesNothing() {
        Path run = TinyRun.write(dir, "");
        Path requests = TinyRun.put(dir.resolve("requests.csv"), "agent_id,date,start,end\nA1,2025-02-31,,\n");
        Path out = dir.resolve("decisions.csv");
        Run r = WfmRunner.run("timeoff", "check", "--run", run.toString(), "--requests", requests.toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("requests.csv").contains("line 2").contains("date");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSwapThatBreaksRestExitsFourNamingTheRule() {
        Path run = TinyRun.write(dir, "");
        // A1 worked until 22:00 on Monday: A2's Tuesday 08:00 start leaves 10 hours of rest, 11 needed
        Run r = WfmRunner.run("swap", "check", "--run", run.toString(), "--agent", "A1", "--with", "A2", "--date",
                "2025-02-11");
        assertThat(r.code()).as(r.toString()).isEqualTo(4);
        assertThat(r.out().strip().lines().toList()).hasSize(1);
        assertThat(r.out()).contains("not valid: Minimum rest between shifts: A1 2025-02-11");
    }

    @Test
    void aSwapKeepingEveryRuleAndTheCoverageIsValid() {
        Path run = TinyRun.write(dir, "");
        Run r = WfmRunner.run("swap", "check", "--run", run.toString(), "--agent", "A2", "--with", "A3", "--date",
                "2025-02-11");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("valid: A2 and A3 swap their shifts of 2025-02-11 (08:00-16:00 <-> day off)");
    }

    @Test
    void aSwapOntoTimeOffIsNotValid() {
        Path run = TinyRun.write(dir, "");
        Path timeoff = TinyRun.put(dir.resolve("timeoff.csv"), "agent_id,date,start,end,reason\nA3,2025-02-11,,,leave\n");
        SwapVerdict v = AgentRequests.swap(run, new RunInputs.Overrides(null, null, null, timeoff), "A2", "A3",
                LocalDate.of(2025, 2, 11));
        assertThat(v.valid()).isFalse();
        assertThat(v.rule()).isEqualTo("No shift during time off");
        assertThat(v.reason()).startsWith("not valid: No shift during time off: A3 2025-02-11");
    }

    @Test
    void manySwapsFromAFileAreWrittenToACsvAndExitZero() throws Exception {
        Path run = TinyRun.write(dir, "");
        Path requests = TinyRun.put(dir.resolve("swaps.csv"), """
                agent_id,with,date
                A1,A2,2025-02-11
                A2,A3,2025-02-11
                """);
        Path out = dir.resolve("verdicts.csv");
        Run r = WfmRunner.run("swap", "check", "--run", run.toString(), "--requests", requests.toString(), "--out",
                out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("agent_id,with,date,valid,rule,reason,line");
        assertThat(lines.get(1)).startsWith("A1,A2,2025-02-11,false,Minimum rest between shifts,");
        assertThat(lines.get(2)).startsWith("A2,A3,2025-02-11,true,,\"valid:");
        assertThat(r.out()).contains("2 swaps: 1 valid, 1 not valid");
    }
}
