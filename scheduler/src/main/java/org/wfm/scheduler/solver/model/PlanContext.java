package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.wfm.scheduler.domain.Rules;

/**
 * Immutable facts every agent-day needs to turn its shift into coverage: the time grid (minutes from the
 * horizon's first midnight, local time) and the demand bucket of each channel and interval. Shared by reference.
 */
public final class PlanContext {
    private final Rules rules;
    private final LocalDate start;
    private final int days;
    private final int intervalMinutes;
    private final List<String> channels;
    private final Map<String, Integer> channelIndex;
    private final Demand[][] buckets;
    private final double[] troughness;
    private final boolean cover;
    private java.util.Set<String> shortSites = java.util.Set.of();
    private ConstructionLimit constructionLimit = ConstructionLimit.NONE;
    private ConstructionLimit.Report constructionReport;

    public PlanContext(Rules rules, int intervalMinutes, List<String> channels, Demand[][] buckets,
                       double[] troughness, boolean cover) {
        this.rules = rules;
        this.start = rules.horizon().start();
        this.days = rules.horizon().days();
        this.intervalMinutes = intervalMinutes;
        this.channels = List.copyOf(channels);
        this.channelIndex = new java.util.HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            channelIndex.put(channels.get(i), i);
        }
        this.buckets = buckets;
        this.troughness = troughness;
        this.cover = cover;
    }

    /**
     * What changing one published day costs, in the score level that carries service: medium milli-contacts in
     * {@code cover} mode (change_cost ÷ late_contact_cost contacts, so the change is traded against the late
     * contacts it saves), soft cents in {@code balance} mode. With a late-contact price of 0 in cover mode no
     * service gain pays for a change: it is priced above any (10^12).
     */
    public long changePenalty() {
        double cost = rules.replan().changeCost();
        if (!cover) {
            return Math.round(cost * 100);
        }
        double perContact = rules.objective() == null ? 0 : rules.objective().lateContactCost();
        if (cost <= 0) {
            return 0;
        }
        return perContact <= 0 ? 1_000_000_000_000L : Math.round(cost / perContact * 1000);
    }

    /** How much work the construction may do before it stops (see {@link ConstructionLimit}). */
    public ConstructionLimit constructionLimit() {
        return constructionLimit;
    }

    public void constructionLimit(ConstructionLimit limit) {
        this.constructionLimit = limit == null ? ConstructionLimit.NONE : limit;
    }

    /** What the construction did (null before it ran). */
    public ConstructionLimit.Report constructionReport() {
        return constructionReport;
    }

    public void constructionReport(ConstructionLimit.Report report) {
        this.constructionReport = report;
    }

    /** Days of the horizon, from its start, in which published days are frozen. */
    public int frozenDays() {
        return rules.replan().frozenDays();
    }

    /** Sites whose agents could outnumber their seats; elsewhere seats are never counted (saves work per move). */
    public boolean seatsCanRunShort(String site) {
        return shortSites.contains(site);
    }

    void shortSites(java.util.Set<String> sites) {
        this.shortSites = java.util.Set.copyOf(sites);
    }

    public Rules rules() {
        return rules;
    }

    public LocalDate start() {
        return start;
    }

    public int days() {
        return days;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    /** Intervals in the grid: the horizon plus one day, for overnight shifts of the last day. */
    public int intervals() {
        return (days + 1) * 1440 / intervalMinutes;
    }

    public List<String> channels() {
        return channels;
    }

    public int channelIndex(String channel) {
        Integer i = channelIndex.get(channel);
        return i == null ? -1 : i;
    }

    public Demand bucket(int channel, int interval) {
        if (channel < 0 || interval < 0 || interval >= buckets[channel].length) {
            return null;
        }
        return buckets[channel][interval];
    }

    /** 1 in the quietest interval of the day, 0 at its peak (all channels' required staff). */
    public double troughness(int interval) {
        return interval >= 0 && interval < troughness.length ? troughness[interval] : 0.0;
    }

    public boolean cover() {
        return cover;
    }

    public int minuteOf(LocalDateTime t) {
        return (int) java.time.Duration.between(start.atStartOfDay(), t).toMinutes();
    }

    public LocalDateTime timeOf(int minute) {
        return start.atStartOfDay().plusMinutes(minute);
    }
}
