package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class MonthlyRollupTest {
    private static CapacityRow week(LocalDate start, double contacts, double required, double available, int hires,
                                    double sl, double cost) {
        return new CapacityRow(start, "voice", "base", contacts, required, available, required - available, hires, sl,
                cost, 0.7);
    }

    @Test
    void aWeekAcrossTwoMonthsIsSharedByItsDays() {
        // Monday 26 January 2026: 6 days in January, 1 in February; then a whole February week
        List<CapacityRow> weeks = List.of(week(LocalDate.of(2026, 1, 26), 700, 10, 8, 3, 0.7, 7000),
                week(LocalDate.of(2026, 2, 2), 1400, 17, 10, 0, 0.6, 14000));
        List<MonthRow> months = MonthlyRollup.of(weeks);
        assertThat(months).extracting(MonthRow::month).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
        MonthRow jan = months.get(0);
        assertThat(jan.days()).isEqualTo(6);
        assertThat(jan.contacts()).isCloseTo(600, within(1e-9));
        assertThat(jan.cost()).isCloseTo(6000, within(1e-9));
        assertThat(jan.requiredFte()).isCloseTo(10, within(1e-9));
        assertThat(jan.gapFte()).isCloseTo(2, within(1e-9));
        assertThat(jan.hiresStarting()).isEqualTo(3);
        assertThat(jan.leavers()).isCloseTo(0.6, within(1e-9));
        MonthRow feb = months.get(1);
        assertThat(feb.days()).isEqualTo(8);
        assertThat(feb.contacts()).isCloseTo(1500, within(1e-9));
        // FTE: the average day: (1 × 10 + 7 × 17) / 8
        assertThat(feb.requiredFte()).isCloseTo(129.0 / 8, within(1e-9));
        assertThat(feb.availableFte()).isCloseTo(78.0 / 8, within(1e-9));
        assertThat(feb.hiresStarting()).isZero();
        // service level weighted by contacts: (100 × 0.7 + 1400 × 0.6) / 1500
        assertThat(feb.projectedServiceLevel()).isCloseTo(910.0 / 1500, within(1e-9));
    }

    @Test
    void totalsAreKeptAndDeferredChannelsHaveNoServiceLevel() {
        List<CapacityRow> weeks = List.of(week(LocalDate.of(2026, 3, 30), 700, 5, 5, 1, Double.NaN, 3500),
                week(LocalDate.of(2026, 4, 6), 700, 5, 5, 2, Double.NaN, 3500));
        List<MonthRow> months = MonthlyRollup.of(weeks);
        assertThat(months.stream().mapToDouble(MonthRow::contacts).sum()).isCloseTo(1400, within(1e-9));
        assertThat(months.stream().mapToDouble(MonthRow::cost).sum()).isCloseTo(7000, within(1e-9));
        assertThat(months.stream().mapToInt(MonthRow::hiresStarting).sum()).isEqualTo(3);
        assertThat(months).allMatch(m -> Double.isNaN(m.projectedServiceLevel()));
    }
}
