package org.wfm.scheduler.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** rules.yaml. {@code breaks} is null when the file says {@code breaks: none}. */
public record Rules(Horizon horizon, Shifts shifts, Breaks breaks, Training training,
                    Map<String, Integer> siteSeats, Costs costs, Objective objective) {

    public record Horizon(LocalDate start, int days) {
        public LocalDate end() {
            return start.plusDays(days);
        }
    }

    public record Shifts(List<Double> lengthsHours, int startStepMinutes, double minRestHours,
                         int maxConsecutiveDays, int maxDaysPerWeek) {
    }

    public record Breaks(double everyHours, int breakMinutes, int lunchMinutes, double lunchAfterHours) {
    }

    public record Training(int blockMinutes, double maxHoursPerWeek) {
    }

    public record Costs(double overtimeAfterHoursWeek, double overtimeMultiplier, double onDemandPremium) {
    }

    public enum ObjectiveMode { COVER, BALANCE }

    public record Objective(ObjectiveMode mode, double lateContactCost) {
    }

    public Rules {
        siteSeats = Map.copyOf(siteSeats);
    }
}
