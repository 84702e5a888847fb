package org.wfm.cli.service;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wfm.cli.io.Notes;
import org.wfm.cli.io.StatesReader;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.Numbers;
import org.wfm.cli.output.Timestamps;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.intraday.Adherence;

/**
 * {@code wfm adherence}: a run's schedule against the agents' logged states ({@link Adherence}); writes the per
 * agent-day figures and, with {@code --details}, the stretches out of adherence.
 */
public final class AdherenceRun {
    static final String[] ROWS = {"agent_id", "date", "scheduled_minutes", "adherent_minutes", "adherence",
        "conformance"};
    static final String[] DETAILS = {"agent_id", "date", "start", "end", "scheduled", "actual"};

    private AdherenceRun() {
    }

    /** The figures and what was left out: states of agents without a schedule in the run, states of unknown names. */
    public record Outcome(Adherence.Result result, Set<String> unscheduledAgents, int scheduledMinutes,
                          int adherentMinutes, int workedMinutes, int scheduledWorkMinutes) {
    }

    public static Outcome run(Path runDir, Path states, AtomicOutput.Claim out, AtomicOutput.Claim details) {
        List<ScheduleRow> schedule = org.wfm.cli.export.RunFolder.open(runDir, "--run").schedule();
        InputFiles.requireFile(states, "--states");
        List<Adherence.State> logged = StatesReader.read(states, ZoneId.systemDefault(), Pipeline.notes());
        Set<String> scheduled = new java.util.TreeSet<>();
        schedule.forEach(r -> scheduled.add(r.agentId()));
        Set<String> unscheduled = new java.util.TreeSet<>();
        logged.stream().map(Adherence.State::agentId).filter(a -> !scheduled.contains(a)).forEach(unscheduled::add);
        // Only the days the states cover: a week's schedule against one day's log is not 0% adherence all week.
        Set<java.time.LocalDate> days = new java.util.TreeSet<>();
        logged.forEach(s -> days.add(s.start().toLocalDate()));
        List<ScheduleRow> covered = new ArrayList<>();
        for (ScheduleRow r : schedule) {
            if (days.contains(r.date())) {
                covered.add(r);
            }
        }
        Adherence.Result result = Adherence.compute(covered, logged);
        Path tmp = out.temporary();
        Path tmpDetails = details == null ? null : details.temporary();
        try {
            CsvFiles.write(tmp, ROWS, p -> {
                for (Adherence.Row r : result.rows()) {
                    p.printRecord(r.agentId(), Timestamps.format(r.date()), r.scheduledMinutes(), r.adherentMinutes(),
                            Numbers.format(r.adherence(), 4),
                            Double.isNaN(r.conformance()) ? "" : Numbers.format(r.conformance(), 4));
                }
            });
            if (details != null) {
                CsvFiles.write(tmpDetails, DETAILS, p -> {
                    for (Adherence.Exception e : result.exceptions()) {
                        p.printRecord(e.agentId(), Timestamps.format(e.date()), Timestamps.format(e.start()),
                                Timestamps.format(e.end()), e.scheduled(), e.actual());
                    }
                });
                details.commit(tmpDetails);
            }
            out.commit(tmp);
        } catch (RuntimeException | Error e) {
            AtomicOutput.discard(tmp);
            if (tmpDetails != null) {
                AtomicOutput.discard(tmpDetails);
            }
            throw e;
        }
        int s = 0;
        int a = 0;
        int w = 0;
        int sw = 0;
        for (Adherence.Row r : result.rows()) {
            s += r.scheduledMinutes();
            a += r.adherentMinutes();
            w += r.workedMinutes();
            sw += r.scheduledWorkMinutes();
        }
        return new Outcome(result, unscheduled, s, a, w, sw);
    }
}
