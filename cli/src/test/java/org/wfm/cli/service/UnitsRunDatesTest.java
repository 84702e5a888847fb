package org.wfm.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.io.Notes;
import org.wfm.cli.io.PlanConfigReader;
import org.wfm.cli.plan.UnitsFixture;
import org.wfm.cli.units.UnitTask;

/**
 * Each unit plans for today in its own zone: north in London (UTC+0 in January) and south on Kiritimati (UTC+14),
 * at 23:30 UTC on Sunday 11 January 2026, when it is already Monday 13:30 on Kiritimati. North's next Monday is the
 * 12th, south's the 19th; the run folder is named by the plan's zone (the top-level channels.yaml: London).
 */
class UnitsRunDatesTest {
    static final Clock SUNDAY_NIGHT_UTC = Clock.fixed(Instant.parse("2026-01-11T23:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    Path plan() throws IOException {
        Path plan = UnitsFixture.write(dir, "runs/");
        UnitsFixture.southOwn(dir, "channels", "Europe/London", "Pacific/Kiritimati");
        return plan;
    }

    @Test
    void eachUnitTakesTodayInItsOwnZoneAndTheFolderThePlans() throws IOException {
        var cfg = PlanConfigReader.read(plan(), new Notes());
        UnitsPlanRun.Dates d = UnitsPlanRun.dates(cfg, null, SUNDAY_NIGHT_UTC);
        assertThat(d.folder()).isEqualTo(LocalDate.of(2026, 1, 11));
        assertThat(d.units()).containsEntry("north", LocalDate.of(2026, 1, 11))
                .containsEntry("south", LocalDate.of(2026, 1, 12));
        // --date is every unit's
        assertThat(UnitsPlanRun.dates(cfg, LocalDate.of(2026, 1, 7), SUNDAY_NIGHT_UTC).units().values())
                .containsOnly(LocalDate.of(2026, 1, 7));
    }

    @Test
    void theUnitsTasksStartTheirHorizonsFromTheirOwnRunDates() throws IOException {
        Path plan = plan();
        var cfg = PlanConfigReader.read(plan, new Notes());
        List<String> log = new ArrayList<>();
        List<UnitTask> tasks = UnitsPlanRun.tasks(cfg, plan, UnitsPlanRun.dates(cfg, null, SUNDAY_NIGHT_UTC), null,
                dir.resolve("tmp"), dir.resolve("runs/2026-01-11"), log::add);
        assertThat(tasks).extracting(UnitTask::unit, UnitTask::runDate, UnitTask::start).containsExactly(
                tuple("north", "2026-01-11", "2026-01-12"), tuple("south", "2026-01-12", "2026-01-19"));
        assertThat(log).anyMatch(l -> l.contains("unit south") && l.contains("run date 2026-01-12 in"
                + " Pacific/Kiritimati, schedule 2026-01-19"));
        // the request a task runs: south's history up to its own today, its horizon from its own next Monday
        var south = UnitTask.request(cfg, cfg.units().get(1), LocalDate.parse(tasks.get(1).runDate()),
                LocalDate.parse(tasks.get(1).start()), tasks.get(1).seed(), null);
        assertThat(south.historyBefore()).isEqualTo(LocalDate.of(2026, 1, 13));
        assertThat(south.horizon().start()).isEqualTo(LocalDate.of(2026, 1, 19));
    }
}
