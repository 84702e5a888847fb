package org.wfm.scheduler.intraday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/** Adherence and conformance worked by hand on one agent's morning. */
class AdherenceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static LocalDateTime t(int h, int m) {
        return DAY.atTime(h, m);
    }

    private static ScheduleRow row(int h0, int m0, int h1, int m1, Activity a) {
        return new ScheduleRow("a1", DAY, t(h0, m0), t(h1, m1), a, a == Activity.WORK ? "voice" : null, "home");
    }

    @Test
    void handCase() {
        // Scheduled 08:00-12:00 with a break 10:00-10:15: 240 minutes, 225 of them work.
        List<ScheduleRow> schedule = List.of(row(8, 0, 10, 0, Activity.WORK), row(10, 0, 10, 15, Activity.BREAK),
                row(10, 15, 12, 0, Activity.WORK));
        // Logged in 5 minutes late, back from the break 5 minutes late, 30 minutes of after-call work past the end.
        List<Adherence.State> states = List.of(new Adherence.State("a1", t(8, 5), t(10, 0), "Available"),
                new Adherence.State("a1", t(10, 0), t(10, 20), "break"),
                new Adherence.State("a1", t(10, 20), t(12, 0), "on call"),
                new Adherence.State("a1", t(12, 0), t(12, 30), "ACW"),
                new Adherence.State("a1", t(12, 30), t(13, 0), "smoking"));
        Adherence.Result r = Adherence.compute(schedule, states);
        assertThat(r.rows()).hasSize(1);
        Adherence.Row row = r.rows().get(0);
        assertThat(row.scheduledMinutes()).isEqualTo(240);
        // 115 worked of 08:00-10:00, the 15-minute break, 100 worked of 10:15-12:00.
        assertThat(row.adherentMinutes()).isEqualTo(230);
        assertThat(row.adherence()).isCloseTo(230 / 240.0, within(1e-12));
        // Worked: 115 + 100 + 30 after the shift, against 225 scheduled work minutes.
        assertThat(row.workedMinutes()).isEqualTo(245);
        assertThat(row.conformance()).isCloseTo(245 / 225.0, within(1e-12));
        assertThat(r.exceptions()).containsExactly(
                new Adherence.Exception("a1", DAY, t(8, 0), t(8, 5), "work", "none"),
                new Adherence.Exception("a1", DAY, t(10, 15), t(10, 20), "work", "break"));
        assertThat(r.unknownStates()).containsExactly("smoking");
    }

    @Test
    void aDayWithoutStatesIsNotAdherentAndNotWorked() {
        Adherence.Result r = Adherence.compute(List.of(row(8, 0, 9, 0, Activity.WORK)), List.of());
        assertThat(r.rows().get(0).adherence()).isZero();
        assertThat(r.rows().get(0).conformance()).isZero();
        assertThat(r.exceptions()).hasSize(1);
    }
}
