package org.wfm.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wfm.scheduler.domain.Agent;

/**
 * The staff each channel can count on, week by week: today's agents, thinned by attrition, and hiring classes,
 * thinned by attrition from their start and productive after training and ramp-up.
 *
 * <ul>
 * <li><b>FTE of an agent</b>: contracted hours ÷ the hours of a full-time equivalent, the contracted hours being the
 * middle of the agent's weekly range, (min_hours_week + max_hours_week) ÷ 2 (an on-demand agent with 0-25 hours
 * counts 12.5 hours). New hires are full-time: one FTE each.</li>
 * <li><b>Skill split</b>: an agent with several skills gives each skilled channel a share of the FTE proportional to
 * the weight the planner gives that channel (what the channel still needs after its single-skilled agents, see
 * {@code CapacityPlanner.splitWeights}: a voice and chat agent serves mostly chat when voice has enough
 * voice-only agents), equal shares when no skilled channel has weight; the share counts times the agent's proficiency on
 * the channel (capacity scales with proficiency, as in the scheduler). Wages are split by the same shares, without
 * proficiency.</li>
 * <li><b>Attrition</b>: every agent is present with the probability {@link Attrition#survival} of the weeks since
 * the plan's first week (hires: since their class start), so figures are expected values, fractional.</li>
 * </ul>
 */
public final class Supply {

    /**
     * One channel's supply per week: effective (proficiency-weighted, productive) FTE, paid FTE, wages, and the
     * expected leavers (headcount, split like the FTE).
     */
    public record Flow(double[] effectiveFte, double[] paidFte, double[] wages, double[] leavers) {
        static Flow empty(int weeks) {
            return new Flow(new double[weeks], new double[weeks], new double[weeks], new double[weeks]);
        }
    }

    private final LocalDate firstWeek;
    private final int weeks;
    private final double fteHours;
    private final Attrition attrition;
    private final HireCurve curve;
    private final Map<String, Double> weights;
    private final Map<String, Flow> flows = new LinkedHashMap<>();

    /**
     * @param channels the channels in plan order
     * @param weights  each channel's weight in the skill split
     */
    public Supply(List<String> channels, Map<String, Double> weights, LocalDate firstWeek, int weeks, double fteHours,
                  Attrition attrition, HireCurve curve) {
        if (!(fteHours > 0)) {
            throw new IllegalArgumentException("hours of an FTE must be > 0: " + fteHours);
        }
        this.firstWeek = firstWeek;
        this.weeks = weeks;
        this.fteHours = fteHours;
        this.attrition = attrition;
        this.curve = curve;
        this.weights = Map.copyOf(weights);
        for (String c : channels) {
            flows.put(c, Flow.empty(weeks));
        }
    }

    /** The contracted weekly hours counted for an agent: the middle of its range. */
    public static double contractedHours(Agent a) {
        return (a.minHoursWeek() + a.maxHoursWeek()) / 2.0;
    }

    /** agents.csv's spelling of an employment type ({@code full-time}, {@code part-time}, {@code on-demand}). */
    public static String employment(Agent a) {
        return a.employment().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The share of an agent's time each skilled channel gets (see the class comment); sums to 1 over the skills. */
    public Map<String, Double> split(Map<String, Double> skills) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        int skilled = 0;
        for (String c : flows.keySet()) {
            if (skills.getOrDefault(c, 0.0) > 0) {
                total += weights.getOrDefault(c, 0.0);
                skilled++;
            }
        }
        for (String c : flows.keySet()) {
            if (skills.getOrDefault(c, 0.0) > 0) {
                out.put(c, total > 0 ? weights.getOrDefault(c, 0.0) / total : 1.0 / skilled);
            }
        }
        return out;
    }

    /** Adds one of today's agents from the plan's first week on. */
    public void addAgent(Agent a) {
        double hours = contractedHours(a);
        double monthly = attrition.monthly(a.site(), employment(a));
        add(a.skills(), 1, hours / fteHours, hours * a.hourlyCost(), monthly, 0, null);
    }

    /**
     * Takes an agent's planned leave on {@code date} out of the productive FTE of its week ({@code hours} of absence,
     * still paid): hours ÷ FTE hours, split over the agent's channels like the agent, weighted by proficiency and by
     * the chance the agent is still there (attrition). Leave outside the plan's weeks is ignored.
     */
    public void addLeave(Agent a, LocalDate date, double hours) {
        int w = weekOf(date);
        if (w < 0 || w >= weeks || !(hours > 0)) {
            return;
        }
        double present = Math.pow(Attrition.weeklySurvival(attrition.monthly(a.site(), employment(a))), w);
        for (Map.Entry<String, Double> e : split(a.skills()).entrySet()) {
            flows.get(e.getKey()).effectiveFte[w] -= hours / fteHours * present * e.getValue() * a.skills().get(e.getKey());
        }
    }

    /** Adds a hiring class; its members are full-time at {@code hourlyCost}. */
    public void addClass(HireClass c, double hourlyCost) {
        int start = weekOf(c.start());
        add(c.skills(), c.size(), c.size(), c.size() * fteHours * hourlyCost, attrition.hires(), start, curve);
    }

    /** The week index of a date (negative before the first week; may be ≥ weeks). */
    public int weekOf(LocalDate d) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(firstWeek, d), 7L);
    }

    private void add(Map<String, Double> skills, int heads, double fte, double weeklyWage, double monthly, int startWeek,
                     HireCurve ramp) {
        Map<String, Double> shares = split(skills);
        double q = Attrition.weeklySurvival(monthly);
        for (int w = Math.max(0, startWeek); w < weeks; w++) {
            int k = w - startWeek;
            double present = Math.pow(q, k);
            double productive = ramp == null ? 1.0 : ramp.productivity(k);
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                Flow f = flows.get(e.getKey());
                double share = e.getValue();
                f.effectiveFte[w] += fte * present * productive * share * skills.get(e.getKey());
                f.paidFte[w] += fte * present * share;
                f.wages[w] += weeklyWage * present * share;
                f.leavers[w] += heads * present * (1 - q) * share;
            }
        }
    }

    public Flow flow(String channel) {
        return flows.get(channel);
    }

    /**
     * Effective FTE one hire gives {@code k} weeks after the class start, proficiency 1: present × productive. The
     * column of the hiring model.
     */
    public double perHire(int k) {
        return Attrition.survival(attrition.hires(), k) * curve.productivity(k);
    }

    public double hireSurvival(int k) {
        return Attrition.survival(attrition.hires(), k);
    }

    public double fteHours() {
        return fteHours;
    }

    public int weeks() {
        return weeks;
    }

    public LocalDate firstWeek() {
        return firstWeek;
    }

    public HireCurve curve() {
        return curve;
    }
}
