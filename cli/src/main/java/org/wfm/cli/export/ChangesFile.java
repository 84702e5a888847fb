package org.wfm.cli.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wfm.cli.output.CsvCells;
import org.wfm.cli.output.CsvFiles;
import org.wfm.cli.output.Numbers;
import org.wfm.cli.output.Timestamps;
import org.wfm.scheduler.change.ScheduleChange;
import org.wfm.scheduler.change.ScheduleDiff;
import org.wfm.scheduler.domain.PublishedChange;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * {@code changes.csv} of a run folder written against a published one ({@code --previous}, plan's previous run): per
 * agent and day what changed, from {@link ScheduleDiff} (the one comparison, shared with {@code wfm intraday}), ready
 * to be sent, and the one writer of every changes.csv ({@code wfm intraday} writes its kept changes through it, with
 * their effect). Columns {@code agent_id,change,from,to,reason,service_level_effect,date,name};
 * {@code service_level_effect} is the change's effect on its channel's service level in points where it was
 * measured (intraday), else empty; {@code reason} is the solver's reason for a
 * published day it changed ({@link PublishedChange}: agent left, time off, availability, shift rules, replanned),
 * {@code newly published} for a day after the previous schedule's last day, else {@code replanned}.
 */
public final class ChangesFile {
    public static final String FILE = "changes.csv";
    public static final String[] HEADER = {"agent_id", "change", "from", "to", "reason", "service_level_effect",
        "date", "name"};
    public static final String NEWLY_PUBLISHED = "newly published";

    private ChangesFile() {
    }

    /** The changes from {@code previous} to {@code now}, with their reasons, in ScheduleDiff's order. */
    public static List<Row> changes(List<ScheduleRow> previous, List<ScheduleRow> now,
                                    List<PublishedChange> published) {
        LocalDate lastPublished = previous.stream().map(ScheduleRow::date).max(LocalDate::compareTo).orElse(null);
        Map<String, String> reasons = new HashMap<>();
        published.forEach(p -> reasons.put(p.agentId() + "|" + p.date(), p.reason()));
        return ScheduleDiff.between(previous, now).stream().map(c -> new Row(c,
                reasons.getOrDefault(c.agentId() + "|" + c.date(),
                        lastPublished == null || c.date().isAfter(lastPublished) ? NEWLY_PUBLISHED
                                : PublishedChange.REPLANNED))).toList();
    }

    /** One line of changes.csv; {@code effect} in service-level points, null where not measured. */
    public record Row(ScheduleChange change, String reason, Double effect) {
        public Row(ScheduleChange change, String reason) {
            this(change, reason, null);
        }
    }

    public static void write(Path file, List<Row> rows, Map<String, String> names) {
        CsvFiles.write(file, HEADER, p -> {
            for (Row r : rows) {
                ScheduleChange c = r.change();
                p.printRecord(CsvCells.write(c.agentId()), c.kind().csv(), CsvCells.write(c.from()),
                        CsvCells.write(c.to()), CsvCells.write(r.reason()),
                        r.effect() == null ? "" : Numbers.format(r.effect(), 1), Timestamps.format(c.date()), CsvCells.write(names.getOrDefault(c.agentId(), "")));
            }
        });
    }
}
