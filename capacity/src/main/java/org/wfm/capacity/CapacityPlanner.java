package org.wfm.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * One scenario's capacity plan: required FTE per week and channel (required staff-hours × efficiency ÷ FTE hours),
 * the supply of today's agents and the planned classes, the least-cost recommended classes per channel
 * ({@link HiringModel}), and the weekly rows with the service level projected from the staff available.
 *
 * <p>All channels are planned in one programme: recommended classes may be trained in one channel or two
 * ({@link HireOption}), and the productive FTE of multi-skilled staff, today's agents, planned classes and
 * recommended classes alike, is allocated between their channels week by week by the programme rather than split by
 * a fixed rule.
 */
public final class CapacityPlanner {
    private CapacityPlanner() {
    }

    /**
     * Everything one scenario's plan reads. {@code leave}: planned leave of today's agents ({@link Leave}), beyond
     * what shrinkage covers; {@code options}: the skill sets a recommended class may have, with their wages
     * ({@link HireOption#candidates}).
     */
    public record Input(String scenario, ChannelPlan plan, WeeklyDemand demand, List<Agent> agents,
                        List<HireClass> planned, Attrition attrition, PlanSettings settings, Efficiency efficiency,
                        List<Leave> leave, List<HireOption> options) {
        public Input {
            agents = List.copyOf(agents);
            planned = List.copyOf(planned);
            leave = List.copyOf(leave);
            options = List.copyOf(options);
        }

        /** Single-skill recommended classes at the settings' wage. */
        public Input(String scenario, ChannelPlan plan, WeeklyDemand demand, List<Agent> agents,
                     List<HireClass> planned, Attrition attrition, PlanSettings settings, Efficiency efficiency,
                     List<Leave> leave) {
            this(scenario, plan, demand, agents, planned, attrition, settings, efficiency, leave,
                    HireOption.singles(demand.channels(), settings.hireHourlyCost()));
        }

        public Input(String scenario, ChannelPlan plan, WeeklyDemand demand, List<Agent> agents,
                     List<HireClass> planned, Attrition attrition, PlanSettings settings, Efficiency efficiency) {
            this(scenario, plan, demand, agents, planned, attrition, settings, efficiency, List.of());
        }
    }

    /** Hours of planned leave of one agent on one day. */
    public record Leave(String agentId, java.time.LocalDate date, double hours) {
    }

    public static CapacityPlan plan(Input in) {
        WeeklyDemand demand = in.demand();
        PlanSettings s = in.settings();
        int weeks = demand.weeks();
        List<String> channels = demand.channels();
        double[][] required = new double[channels.size()][weeks];
        for (int c = 0; c < channels.size(); c++) {
            for (int w = 0; w < weeks; w++) {
                required[c][w] = requiredFte(demand.week(channels.get(c), w).requiredHours(), in.efficiency(),
                        s.fteHours());
            }
        }
        Map<String, Double> weights = splitWeights(in, channels, required);
        Supply before = supply(in, weights, List.of());
        int hardFrom = s.leadWeeks() + s.curve().fullFrom();
        List<Integer> startList = new ArrayList<>();
        for (int w = s.leadWeeks(); w + s.curve().trainingWeeks() < weeks; w += s.classEvery()) {
            startList.add(w);
        }
        int[] starts = startList.stream().mapToInt(Integer::intValue).toArray();
        List<HireOption> options = in.options().stream()
                .filter(o -> channels.containsAll(o.skills().keySet())).toList();
        List<HiringModel.HireSet> sets = new ArrayList<>();
        for (HireOption o : options) {
            int n = o.skills().size();
            double[] perHire = new double[weeks];
            for (int k = 0; k < weeks; k++) {
                perHire[k] = before.perHire(k, n);
            }
            double weeklyWage = s.fteHours() * o.hourlyCost();
            double[] costPerHire = new double[starts.length];
            for (int i = 0; i < starts.length; i++) {
                double wages = 0;
                for (int k = 0; starts[i] + k < weeks; k++) {
                    wages += weeklyWage * before.hireSurvival(k);
                }
                costPerHire[i] = s.hireCost() + wages;
            }
            sets.add(new HiringModel.HireSet(o.skills(), perHire, costPerHire));
        }
        double[][] gap = new double[channels.size()][];
        Map<String, Double> peakGap = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            String ch = channels.get(c);
            double[] fixed = before.fixedEffective(ch);
            double[] all = before.flow(ch).effectiveFte();
            gap[c] = new double[weeks];
            double peak = Double.NEGATIVE_INFINITY;
            for (int w = 0; w < weeks; w++) {
                gap[c][w] = required[c][w] - fixed[w];
                // without hiring, as the rule shares the multi-skilled staff: what the planner sees today
                peak = Math.max(peak, required[c][w] - all[w]);
            }
            peakGap.put(ch, peak);
        }
        List<HiringModel.Pool> pools = before.pools();
        HiringModel.Solution sol = HiringModel.solve(new HiringModel.Problem(channels, gap, pools, sets, starts,
                hardFrom, s.shortPenalty()));
        List<HireClass> recommended = new ArrayList<>();
        for (int k = 0; k < options.size(); k++) {
            for (int i = 0; i < starts.length; i++) {
                if (sol.sizes()[k][i] > 0) {
                    recommended.add(new HireClass(demand.firstWeek().plusWeeks(starts[i]), sol.sizes()[k][i],
                            options.get(k).skills(), true));
                }
            }
        }
        recommended.sort(java.util.Comparator.comparing(HireClass::start)
                .thenComparing(h -> String.join("+", h.skills().keySet())));
        Supply after = supply(in, weights, recommended);
        // the programme's allocation of every multi-skilled pool and recommended set
        for (int q = 0; q < pools.size(); q++) {
            after.allocate(Supply.poolKey(pools.get(q).channels(), false), sol.poolAllocation()[q]);
        }
        for (int k = 0; k < sets.size(); k++) {
            if (sets.get(k).skills().size() > 1) {
                after.allocate(Supply.poolKey(sets.get(k).skills().keySet(), true), sol.setAllocation()[k]);
            }
        }
        List<HireClass> all = new ArrayList<>(in.planned());
        all.addAll(recommended);
        List<CapacityRow> rows = new ArrayList<>();
        Map<String, CapacityPlan.ChannelResult> results = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            String ch = channels.get(c);
            Channel channel = in.plan().channel(ch).orElseThrow();
            Supply.Flow f = after.flow(ch);
            double minSl = Double.NaN;
            double sumRequired = 0;
            int shortWeeks = 0;
            for (int w = 0; w < weeks; w++) {
                WeeklyDemand.Week wk = demand.week(ch, w);
                double req = required[c][w];
                double avail = f.effectiveFte()[w];
                sumRequired += req;
                int starting = 0;
                double hiringCost = 0;
                for (HireClass h : all) {
                    if (after.weekOf(h.start()) == w && h.skills().getOrDefault(ch, 0.0) > 0) {
                        starting += h.size();
                        hiringCost += h.size() * s.hireCost() * after.split(h.skills()).getOrDefault(ch, 0.0);
                    }
                }
                double sl = ServiceProjection.weekly(channel, wk.intervals(), req > 0 ? avail / req : 1.0,
                        in.plan().shrinkage(), in.plan().intervalMinutes());
                if (!Double.isNaN(sl)) {
                    minSl = Double.isNaN(minSl) ? sl : Math.min(minSl, sl);
                }
                if (req - avail > 1e-6) {
                    shortWeeks++;
                }
                rows.add(new CapacityRow(wk.start(), ch, in.scenario(), wk.contacts(), req, avail, req - avail,
                        starting, sl, f.wages()[w] + hiringCost, f.leavers()[w]));
            }
            int hires = recommended.stream().filter(h -> h.skills().containsKey(ch)).mapToInt(HireClass::size).sum();
            results.put(ch, new CapacityPlan.ChannelResult(peakGap.get(ch), hires, shortWeeks, sol.objective(),
                    sol.optimal(), minSl, sumRequired / weeks));
        }
        rows.sort(java.util.Comparator.comparing(CapacityRow::weekStart)
                .thenComparing(r -> channels.indexOf(r.channel())));
        return new CapacityPlan(in.scenario(), rows, recommended, in.planned(), results, in.efficiency(), hardFrom,
                new CapacityPlan.Model(sol.size(), sol.objective(), sol.optimal(), sol.bound(), sol.gap(),
                        options, sol.lpBound(), sol.nodes(), sol.cpuSeconds()));
    }

    /** Paid FTE needed: required staff-hours × efficiency ÷ hours of an FTE. */
    public static double requiredFte(double requiredHours, Efficiency e, double fteHours) {
        return requiredHours * e.factor() / fteHours;
    }

    /**
     * The weights of the skill split ({@link Supply#split}): what each channel still needs, on average over the
     * plan, after the agents who have only its skill: multi-skilled agents go where the single-skilled ones leave
     * work, as a router sends them. When single-skilled agents cover every channel, the channels' requirements.
     */
    static Map<String, Double> splitWeights(Input in, List<String> channels, double[][] required) {
        Map<String, Double> single = new LinkedHashMap<>();
        for (Agent a : in.agents()) {
            List<String> skilled = a.skills().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey).toList();
            if (skilled.size() == 1) {
                single.merge(skilled.get(0), Supply.contractedHours(a) / in.settings().fteHours()
                        * a.skills().get(skilled.get(0)), Double::sum);
            }
        }
        Map<String, Double> residual = new LinkedHashMap<>();
        Map<String, Double> mean = new LinkedHashMap<>();
        double total = 0;
        for (int c = 0; c < channels.size(); c++) {
            double m = java.util.Arrays.stream(required[c]).average().orElse(0);
            mean.put(channels.get(c), m);
            double r = Math.max(0, m - single.getOrDefault(channels.get(c), 0.0));
            residual.put(channels.get(c), r);
            total += r;
        }
        return total > 0 ? residual : mean;
    }

    /** A class's wage: that of the option with its skills, else the settings' (a planned class of another set). */
    static double hourly(Input in, HireClass h) {
        java.util.Set<String> skills = Supply.skilled(h.skills()).keySet();
        return in.options().stream().filter(o -> o.skills().keySet().equals(skills)).findFirst()
                .map(HireOption::hourlyCost).orElse(in.settings().hireHourlyCost());
    }

    private static Supply supply(Input in, Map<String, Double> weights, List<HireClass> recommended) {
        Supply s = new Supply(in.demand().channels(), weights, in.demand().firstWeek(),
                in.demand().weeks(), in.settings().fteHours(), in.attrition(), in.settings().curve());
        Map<String, Agent> byId = new java.util.HashMap<>();
        for (Agent a : in.agents()) {
            s.addAgent(a);
            byId.put(a.id(), a);
        }
        for (Leave l : in.leave()) {
            Agent a = byId.get(l.agentId());
            if (a != null) {
                s.addLeave(a, l.date(), l.hours());
            }
        }
        for (HireClass h : in.planned()) {
            s.addClass(h, hourly(in, h));
        }
        for (HireClass h : recommended) {
            s.addClass(h, hourly(in, h));
        }
        return s;
    }
}
