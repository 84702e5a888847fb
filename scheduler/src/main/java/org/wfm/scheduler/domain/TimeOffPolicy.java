package org.wfm.scheduler.domain;

/**
 * How time-off requests are judged (rules.yaml {@code timeoff:}): at most {@code perSite} approved absences a day
 * at one site and {@code perChannel} a day among the agents scheduled on one channel (null: no allotment), and a
 * request that lowers a channel's planned service level for the day below {@code minServiceLevel} (NaN: each
 * channel's own target from channels.yaml) is refused.
 */
public record TimeOffPolicy(Integer perSite, Integer perChannel, double minServiceLevel) {
    /** No allotments, each channel's own target. */
    public static final TimeOffPolicy DEFAULT = new TimeOffPolicy(null, null, Double.NaN);
}
