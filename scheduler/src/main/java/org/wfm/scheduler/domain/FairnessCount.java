package org.wfm.scheduler.domain;

/**
 * An agent's unpopular work counted over some days (rules.yaml {@code fairness:} says what counts): weekend days
 * worked and late shifts. Carried from run to run in fairness.csv so that fairness holds across nightly runs.
 */
public record FairnessCount(String agentId, int weekendDays, int lateShifts) {
    public FairnessCount plus(int weekend, int late) {
        return new FairnessCount(agentId, weekendDays + weekend, lateShifts + late);
    }
}
