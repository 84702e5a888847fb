package org.wfm.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.wfm.scheduler.domain.Agent;

/**
 * The staff each channel can count on, week by week: today's agents, thinned by attrition, and hiring classes,
 * thinned by attrition from their start and productive after training and ramp-up.
 *
 * <ul>
 * <li><b>FTE of an agent</b>: contracted hours ÷ the hours of a full-time equivalent, the contracted hours being the
 * middle of the agent's weekly range, (min_hours_week + max_hours_week) ÷ 2 (an on-demand agent with 0-25 hours
 * counts 12.5 hours). New hires are full-time: one FTE each.</li>
 * <li><b>Multi-skilled staff</b>: today's agents and planned classes with the same channels form a pool (recommended
 * classes of one skill set another) whose productive FTE
 * the hiring programme allocates between their channels week by week ({@link #pools}, {@link #allocate},
 * {@link HiringModel}); what it leaves unallocated (staff beyond every gap) and any week not allocated is shared by a
 * rule, {@link #split}: in proportion to the weight the planner gives each channel (what the channel still needs
 * after its single-skilled agents, see {@code CapacityPlanner.splitWeights}), equal shares when no skilled channel
 * has weight. A share counts times the proficiency on the channel (capacity scales with proficiency, as in the
 * scheduler). Wages, paid FTE and leavers are split by the same shares, without proficiency.</li>
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

    /** An agent or a class: its skills (proficiency &gt; 0 only) and its weekly figures before the channel split. */
    private static final class Source {
        final Map<String, Double> skills;
        /** Sources of one pool share their time alike: the channels, and whether a recommended class. */
        final String pool;
        final double[] productive;
        final double[] paid;
        final double[] wages;
        final double[] leavers;
        /** Per week the share of each skilled channel; null where the rule applies. */
        final Map<String, Double>[] shares;

        @SuppressWarnings("unchecked")
        Source(Map<String, Double> skills, boolean recommended, int weeks) {
            this.skills = skills;
            this.pool = poolKey(skills.keySet(), recommended);
            productive = new double[weeks];
            paid = new double[weeks];
            wages = new double[weeks];
            leavers = new double[weeks];
            shares = new Map[weeks];
        }
    }

    private final List<String> channels;
    private final LocalDate firstWeek;
    private final int weeks;
    private final double fteHours;
    private final Attrition attrition;
    private final HireCurve curve;
    private final Map<String, Double> weights;
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, Source> byAgent = new LinkedHashMap<>();

    /**
     * @param channels the channels in plan order
     * @param weights  each channel's weight in the skill split
     */
    public Supply(List<String> channels, Map<String, Double> weights, LocalDate firstWeek, int weeks, double fteHours,
                  Attrition attrition, HireCurve curve) {
        if (!(fteHours > 0)) {
            throw new IllegalArgumentException("hours of an FTE must be > 0: " + fteHours);
        }
        this.channels = List.copyOf(channels);
        this.firstWeek = firstWeek;
        this.weeks = weeks;
        this.fteHours = fteHours;
        this.attrition = attrition;
        this.curve = curve;
        this.weights = Map.copyOf(weights);
    }

    /** The contracted weekly hours counted for an agent: the middle of its range. */
    public static double contractedHours(Agent a) {
        return (a.minHoursWeek() + a.maxHoursWeek()) / 2.0;
    }

    /** agents.csv's spelling of an employment type ({@code full-time}, {@code part-time}, {@code on-demand}). */
    public static String employment(Agent a) {
        return a.employment().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The skills with a proficiency above 0, in channel order of a sorted map (one key per skill set). */
    public static Map<String, Double> skilled(Map<String, Double> skills) {
        Map<String, Double> out = new TreeMap<>();
        skills.forEach((c, p) -> {
            if (p > 0) {
                out.put(c, p);
            }
        });
        return out;
    }

    /** The share of an agent's time each skilled channel gets by the rule; sums to 1 over the skills. */
    public Map<String, Double> split(Map<String, Double> skills) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        int skilled = 0;
        for (String c : channels) {
            if (skills.getOrDefault(c, 0.0) > 0) {
                total += weights.getOrDefault(c, 0.0);
                skilled++;
            }
        }
        for (String c : channels) {
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
        byAgent.put(a.id(), add(a.skills(), false, 1, hours / fteHours, hours * a.hourlyCost(), monthly, 0, null));
    }

    /**
     * Takes an agent's planned leave on {@code date} out of the productive FTE of its week ({@code hours} of absence,
     * still paid): hours ÷ FTE hours, weighted by the chance the agent is still there (attrition), then shared over
     * the agent's channels like the rest of its time. Leave outside the plan's weeks is ignored.
     */
    public void addLeave(Agent a, LocalDate date, double hours) {
        int w = weekOf(date);
        Source s = byAgent.get(a.id());
        if (s == null || w < 0 || w >= weeks || !(hours > 0)) {
            return;
        }
        double present = Math.pow(Attrition.weeklySurvival(attrition.monthly(a.site(), employment(a))), w);
        s.productive[w] -= hours / fteHours * present;
    }

    /** Adds a hiring class; its members are full-time at {@code hourlyCost} and train longer per extra skill. */
    public void addClass(HireClass c, double hourlyCost) {
        int start = weekOf(c.start());
        add(c.skills(), c.recommended(), c.size(), c.size(), c.size() * fteHours * hourlyCost, attrition.hires(), start,
                curve.forSkills(skilled(c.skills()).size()));
    }

    /** The week index of a date (negative before the first week; may be ≥ weeks). */
    public int weekOf(LocalDate d) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(firstWeek, d), 7L);
    }

    /** The pool of staff with {@code channels}: recommended classes apart from today's agents and planned classes. */
    public static String poolKey(java.util.Set<String> channels, boolean recommended) {
        return (recommended ? "recommended " : "") + String.join("+", new java.util.TreeSet<>(channels));
    }

    private Source add(Map<String, Double> skills, boolean recommended, int heads, double fte, double weeklyWage, double monthly,
                       int startWeek, HireCurve ramp) {
        Source src = new Source(skilled(skills), recommended, weeks);
        double q = Attrition.weeklySurvival(monthly);
        for (int w = Math.max(0, startWeek); w < weeks; w++) {
            int k = w - startWeek;
            double present = Math.pow(q, k);
            double productive = ramp == null ? 1.0 : ramp.productivity(k);
            src.productive[w] = fte * present * productive;
            src.paid[w] = fte * present;
            src.wages[w] = weeklyWage * present;
            src.leavers[w] = heads * present * (1 - q);
        }
        sources.add(src);
        return src;
    }

    /**
     * Today's multi-skilled agents and planned multi-skill classes grouped by channels, each pool with its productive
     * FTE per week before proficiency and its mean proficiency per week and channel (weighted by productive FTE): the
     * pools the hiring programme allocates. Recommended classes are not pools: the programme plans them.
     */
    public List<HiringModel.Pool> pools() {
        Map<String, List<Source>> byKey = new LinkedHashMap<>();
        for (Source s : sources) {
            if (s.skills.size() > 1 && !s.pool.startsWith("recommended ")) {
                byKey.computeIfAbsent(s.pool, k -> new ArrayList<>()).add(s);
            }
        }
        List<HiringModel.Pool> out = new ArrayList<>();
        byKey.forEach((k, members) -> {
            double[] f = new double[weeks];
            double[][] prof = new double[weeks][channels.size()];
            for (Source s : members) {
                for (int w = 0; w < weeks; w++) {
                    double fte = Math.max(0, s.productive[w]);
                    f[w] += fte;
                    for (int c = 0; c < channels.size(); c++) {
                        prof[w][c] += fte * s.skills.getOrDefault(channels.get(c), 0.0);
                    }
                }
            }
            for (int w = 0; w < weeks; w++) {
                for (int c = 0; c < channels.size(); c++) {
                    prof[w][c] = f[w] > 0 ? prof[w][c] / f[w] : 0.0;
                }
            }
            out.add(new HiringModel.Pool(members.get(0).skills.keySet(), f, prof));
        });
        return out;
    }

    /**
     * Sets how the pool {@code pool} ({@link #poolKey}) spends its productive FTE: {@code allocated[w][c]} FTE on
     * channel c (index of the plan's channels) in week w, the rest shared by {@link #split}. Every member gives the
     * same share of its time to each channel.
     */
    public void allocate(String pool, double[][] allocated) {
        List<Source> members = sources.stream().filter(s -> s.pool.equals(pool)).toList();
        if (members.isEmpty()) {
            return;
        }
        Map<String, Double> rule = split(members.get(0).skills);
        for (int w = 0; w < weeks; w++) {
            double total = 0;
            for (Source s : members) {
                total += Math.max(0, s.productive[w]);
            }
            if (!(total > 1e-12)) {
                continue;
            }
            double used = 0;
            for (int c = 0; c < channels.size(); c++) {
                used += allocated[w][c];
            }
            double left = Math.max(0, total - used);
            Map<String, Double> shares = new LinkedHashMap<>();
            double sum = 0;
            for (int c = 0; c < channels.size(); c++) {
                String ch = channels.get(c);
                if (rule.containsKey(ch)) {
                    double v = allocated[w][c] + left * rule.get(ch);
                    shares.put(ch, v);
                    sum += v;
                }
            }
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                e.setValue(e.getValue() / sum);
            }
            for (Source s : members) {
                s.shares[w] = shares;
            }
        }
    }

    /** Effective FTE of the single-skilled staff on {@code channel}: the supply no allocation can move. */
    public double[] fixedEffective(String channel) {
        double[] out = new double[weeks];
        for (Source s : sources) {
            if (s.skills.size() == 1 && s.skills.containsKey(channel)) {
                for (int w = 0; w < weeks; w++) {
                    out[w] += s.productive[w] * s.skills.get(channel);
                }
            }
        }
        return out;
    }

    /** One channel's supply with the shares set so far ({@link #allocate}, else the rule). */
    public Flow flow(String channel) {
        Flow f = Flow.empty(weeks);
        for (Source s : sources) {
            Double prof = s.skills.get(channel);
            if (prof == null) {
                continue;
            }
            Map<String, Double> rule = split(s.skills);
            for (int w = 0; w < weeks; w++) {
                double share = (s.shares[w] != null ? s.shares[w] : rule).getOrDefault(channel, 0.0);
                f.effectiveFte[w] += s.productive[w] * share * prof;
                f.paidFte[w] += s.paid[w] * share;
                f.wages[w] += s.wages[w] * share;
                f.leavers[w] += s.leavers[w] * share;
            }
        }
        return f;
    }

    /**
     * Effective FTE one hire trained in {@code skills} channels gives {@code k} weeks after the class start, before
     * proficiency: present × productive. The column of the hiring model.
     */
    public double perHire(int k, int skills) {
        return Attrition.survival(attrition.hires(), k) * curve.forSkills(skills).productivity(k);
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
