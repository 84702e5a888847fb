package org.wfm.scheduler.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/**
 * A named agent of agents.csv. {@code site} is null for home-based agents. {@code skills} maps a channel to
 * proficiency 0..1 (scales capacity); {@code development} maps a channel to training hours wanted in the horizon.
 * A {@code latestEnd} before {@code earliestStart} is an overnight window.
 */
public record Agent(String id, String name, String site, WorkMode workMode, Employment employment,
                    Map<String, Double> skills, Map<String, Double> development,
                    double minHoursWeek, double maxHoursWeek, double hourlyCost,
                    Set<DayOfWeek> availableDays, LocalTime earliestStart, LocalTime latestEnd) {
    public Agent {
        skills = Map.copyOf(skills);
        development = Map.copyOf(development);
        availableDays = Set.copyOf(availableDays);
    }

    public double proficiency(String channel) {
        return skills.getOrDefault(channel, 0.0);
    }

    public boolean overnightWindow() {
        return latestEnd.isBefore(earliestStart);
    }
}
