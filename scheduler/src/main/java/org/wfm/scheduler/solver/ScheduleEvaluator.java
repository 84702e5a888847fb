package org.wfm.scheduler.solver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.CoverageRow;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.PublishedChange;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.ScheduleRow;
import org.wfm.scheduler.domain.Summary;
import org.wfm.scheduler.domain.TimeOff;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentRules;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.ConstraintName;
import org.wfm.scheduler.solver.model.ContractRules;
import org.wfm.scheduler.solver.model.FairnessRules;
import org.wfm.scheduler.solver.model.Pause;
import org.wfm.scheduler.solver.model.PatternRules;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.PreferenceRules;
import org.wfm.scheduler.solver.model.ProblemBuilder;
import org.wfm.scheduler.solver.model.SeatRules;
import org.wfm.scheduler.solver.model.ShiftRules;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.DeferredQueue;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.RequirementsCalculator;

/**
 * Everything reported about a schedule, computed from schedule rows and the inputs only, independently of the
 * solver's score: coverage.csv, the summary's figures and every hard rule broken. Running it on a written
 * schedule.csv gives the same coverage.csv and summary.json back.
 */
public final class ScheduleEvaluator {
    private static final double EPS = 1e-6;

    private ScheduleEvaluator() {
    }

    /** One agent's shift as the rows describe it. */
    private record Shift(Agent agent, LocalDate date, LocalDateTime start, LocalDateTime end, List<ScheduleRow> rows) {
        double paidHours() {
            return rows.stream().filter(r -> r.activity().paid()).mapToDouble(ScheduleEvaluator::hours).sum();
        }

        int paidMinutes() {
            return rows.stream().filter(r -> r.activity().paid()).mapToInt(ScheduleEvaluator::minutes).sum();
        }

        int minutesOf(Activity a) {
            return rows.stream().filter(r -> r.activity() == a).mapToInt(ScheduleEvaluator::minutes).sum();
        }

        double hoursOf(Activity a) {
            return rows.stream().filter(r -> r.activity() == a).mapToDouble(ScheduleEvaluator::hours).sum();
        }

        String location() {
            return rows.get(0).location();
        }
    }

    static double hours(ScheduleRow r) {
        return minutes(r) / 60.0;
    }

    static int minutes(ScheduleRow r) {
        return (int) ChronoUnit.MINUTES.between(r.start(), r.end());
    }

    public static Evaluation evaluate(ScheduleInput in, List<ScheduleRow> rows) {
        Rules rules = in.rules();
        int im = in.channels().intervalMinutes();
        LocalDate h0 = rules.horizon().start();
        LocalDateTime t0 = h0.atStartOfDay();
        int days = rules.horizon().days();
        int horizonIntervals = days * 1440 / im;
        List<Channel> channels = in.channels().channels();
        Map<String, Integer> chIndex = new HashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            chIndex.put(channels.get(c).name(), c);
        }
        Map<String, Agent> agents = new LinkedHashMap<>();
        in.agents().forEach(a -> agents.put(a.id(), a));
        List<Summary.Violation> violations = new ArrayList<>();

        // Shifts from rows.
        Map<String, Map<LocalDate, List<ScheduleRow>>> grouped = new LinkedHashMap<>();
        for (ScheduleRow r : rows) {
            grouped.computeIfAbsent(r.agentId(), k -> new TreeMap<>()).computeIfAbsent(r.date(), k -> new ArrayList<>())
                    .add(r);
        }
        Map<String, List<Shift>> shifts = new LinkedHashMap<>();
        for (var e : grouped.entrySet()) {
            Agent a = agents.get(e.getKey());
            for (var d : e.getValue().entrySet()) {
                List<ScheduleRow> rs = new ArrayList<>(d.getValue());
                rs.sort(Comparator.comparing(ScheduleRow::start));
                if (a == null) {
                    violations.add(new Summary.Violation(ConstraintName.UNKNOWN_AGENT.phrase(), e.getKey(),
                            d.getKey().toString(), "agent not in agents.csv"));
                    continue;
                }
                LocalDateTime s = rs.get(0).start();
                LocalDateTime en = rs.stream().map(ScheduleRow::end).max(Comparator.naturalOrder()).orElseThrow();
                shifts.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(new Shift(a, d.getKey(), s, en, rs));
            }
        }

        // Coverage per channel and interval: head count and proficiency-weighted.
        double[][] head = new double[channels.size()][horizonIntervals];
        double[][] weighted = new double[channels.size()][horizonIntervals];
        // Σ over agents of (the agent's weighted share)²: absence takes an agent's whole shift, so this sets
        // the spread of the staff present (see ServiceCurveFactory.plannedServiceLevels).
        double[][] weightedSquares = new double[channels.size()][horizonIntervals];
        // Work blocks ending into a break, lunch, training or the shift's end, by the interval of their end.
        double[][] blockEnds = new double[channels.size()][horizonIntervals];
        Map<String, double[]> seats = new HashMap<>();
        // Each shift's work on each deferred channel, for the planned deferred figures (absence takes whole shifts).
        List<List<DeferredShift>> deferredShifts = new ArrayList<>();
        channels.forEach(ch -> deferredShifts.add(new ArrayList<>()));
        for (List<Shift> list : shifts.values()) {
            Map<String, boolean[]> held = new HashMap<>();
            Map<Integer, Double> share = new HashMap<>();
            for (Shift sh : list) {
                List<ScheduleRow> shiftRows = sh.rows();
                Map<Integer, DeferredShift> onDeferred = new TreeMap<>();
                for (int k = 0; k < shiftRows.size(); k++) {
                    ScheduleRow r = shiftRows.get(k);
                    if (r.activity() != Activity.WORK || r.channel() == null) {
                        continue;
                    }
                    Integer c = chIndex.get(r.channel());
                    if (c == null) {
                        continue;
                    }
                    ScheduleRow after = k + 1 < shiftRows.size() ? shiftRows.get(k + 1) : null;
                    if (after == null || !after.start().equals(r.end()) || after.activity() != Activity.WORK) {
                        long endInterval = Math.floorDiv(ChronoUnit.MINUTES.between(t0, r.end()), im);
                        if (endInterval >= 0 && endInterval < horizonIntervals) {
                            blockEnds[c][(int) endInterval]++;
                        }
                    }
                    double prof = sh.agent().proficiency(r.channel());
                    DeferredShift own = channels.get(c).kind() != ChannelKind.DEFERRED ? null
                            : onDeferred.computeIfAbsent(c, x -> new DeferredShift(new TreeMap<>(), new ArrayList<>()));
                    spread(t0, im, r.start(), r.end(), (i, frac) -> {
                        if (i >= 0 && i < horizonIntervals) {
                            head[c][i] += frac;
                            weighted[c][i] += frac * prof;
                            share.merge(c * horizonIntervals + i, frac * prof, Double::sum);
                            if (own != null) {
                                own.staff().merge(i, frac * prof, Double::sum);
                            }
                        }
                    });
                    boolean sameAfter = after != null && after.start().equals(r.end())
                            && after.activity() == Activity.WORK && r.channel().equals(after.channel());
                    if (own != null && prof > 0 && !sameAfter) {
                        // The block's last interval: the email in hand at its end is finished after it.
                        own.ends().add((int) Math.floorDiv(ChronoUnit.MINUTES.between(t0, r.end()) - 1, im));
                    }
                }
                if (!onDeferred.isEmpty()) {
                    double absence = in.channels().shiftAbsence(shiftRows.stream()
                            .filter(x -> x.activity() == Activity.WORK && x.channel() != null)
                            .map(ScheduleRow::channel).toList());
                    onDeferred.forEach((c, d) -> deferredShifts.get(c).add(d.withAbsence(absence)));
                }
                String loc = sh.location();
                if (SeatRules.seatsAt(loc, rules) != null) {
                    double[] used = seats.computeIfAbsent(loc, k -> new double[(days + 2) * 1440 / im]);
                    boolean[] mine = held.computeIfAbsent(loc, k -> new boolean[used.length]);
                    int from = SeatRules.firstInterval((int) ChronoUnit.MINUTES.between(t0, sh.start()), im);
                    int to = SeatRules.endInterval((int) ChronoUnit.MINUTES.between(t0, sh.end()), im);
                    for (int i = from; i < to; i++) {
                        // One seat per agent, however many of the agent's shifts touch the interval.
                        if (i >= 0 && i < used.length && !mine[i]) {
                            mine[i] = true;
                            used[i]++;
                        }
                    }
                }
            }
            share.forEach((key, x) -> weightedSquares[key / horizonIntervals][key % horizonIntervals] += x * x);
        }

        checkShifts(in, shifts, violations, t0);
        checkSeats(rules, seats, t0, im, violations);

        // Requirements in the horizon.
        Requirement[][] req = new Requirement[channels.size()][horizonIntervals];
        for (Requirement r : in.requirements()) {
            Integer c = chIndex.get(r.channel());
            long m = ChronoUnit.MINUTES.between(t0, r.intervalStart());
            if (c != null && m >= 0 && m / im < horizonIntervals) {
                req[c][(int) (m / im)] = r;
            }
        }

        List<CoverageRow> coverage = new ArrayList<>();
        List<Summary.Uncovered> uncovered = new ArrayList<>();
        Map<String, Summary.ServiceLevel> service = new LinkedHashMap<>();
        Map<String, Summary.Deferred> deferredFigures = new LinkedHashMap<>();
        double late = 0;
        for (int c = 0; c < channels.size(); c++) {
            Channel ch = channels.get(c);
            double shrink = 1 - RequirementsCalculator.availability(ch, in.channels().shrinkage());
            double[] sl = new double[horizonIntervals];
            double[] occ = new double[horizonIntervals];
            java.util.Arrays.fill(sl, Double.NaN);
            java.util.Arrays.fill(occ, Double.NaN);
            boolean[] shortOf = new boolean[horizonIntervals];
            if (ch.kind() == ChannelKind.DEFERRED) {
                deferredFigures.put(ch.name(), deferred(ch, im, req[c], deferredShifts.get(c), sl, occ, shortOf));
            } else {
                double volume = 0;
                double onTime = 0;
                double[] planned = in.curves().plannedServiceLevels(ch, req[c], weighted[c], weightedSquares[c],
                        blockEnds[c], im);
                for (int i = 0; i < horizonIntervals; i++) {
                    Requirement r = req[c][i];
                    if (r == null) {
                        continue;
                    }
                    shortOf[i] = head[c][i] < r.requiredStaff() - EPS;
                    if (r.forecastVolume() <= 0) {
                        continue;
                    }
                    sl[i] = planned[i];
                    volume += r.forecastVolume();
                    onTime += sl[i] * r.forecastVolume();
                    late += (1 - sl[i]) * r.forecastVolume();
                    double aht = r.ahtSeconds() > 0 ? r.ahtSeconds() : ch.ahtSeconds();
                    double load = r.forecastVolume() * aht / (im * 60.0) / Math.max(1, ch.concurrency());
                    double onPhones = weighted[c][i] * (1 - shrink);
                    occ[i] = onPhones > 0 ? Math.min(1.0, load / onPhones) : Double.NaN;
                }
                service.put(ch.name(), new Summary.ServiceLevel(ch.serviceLevel(),
                        volume > 0 ? onTime / volume : 1.0, null));
            }
            for (int i = 0; i < horizonIntervals; i++) {
                Requirement r = req[c][i];
                if (r == null && head[c][i] <= EPS) {
                    continue;
                }
                LocalDateTime t = t0.plusMinutes((long) i * im);
                double required = r == null ? 0 : r.requiredStaff();
                coverage.add(new CoverageRow(t, ch.name(), r == null ? 0 : r.forecastVolume(), required, head[c][i],
                        sl[i], occ[i]));
                if (shortOf[i]) {
                    uncovered.add(new Summary.Uncovered(t.toString(), ch.name(), required, head[c][i]));
                }
            }
        }
        coverage.sort(Comparator.comparing(CoverageRow::intervalStart).thenComparing(CoverageRow::channel));
        uncovered.sort(Comparator.comparing(Summary.Uncovered::intervalStart).thenComparing(Summary.Uncovered::channel));

        // Money and per-agent totals.
        double wages = 0;
        double overtime = 0;
        double premium = 0;
        double onDemandHours = 0;
        double paidTotal = 0;
        double homeHours = 0;
        double workedHours = 0;
        List<Summary.TrainingDelivered> training = new ArrayList<>();
        List<Summary.AgentTotals> totals = new ArrayList<>();
        Rules.Costs costs = rules.costs();
        for (Agent a : in.agents()) {
            List<Shift> list = shifts.getOrDefault(a.id(), List.of());
            double paid = 0;
            double work = 0;
            double train = 0;
            double home = 0;
            double[] weekPaid = new double[(days + 6) / 7];
            for (Shift sh : list) {
                double p = sh.paidHours();
                paid += p;
                work += sh.hoursOf(Activity.WORK);
                train += sh.hoursOf(Activity.TRAINING);
                if (SeatRules.HOME.equals(sh.location())) {
                    home += sh.hoursOf(Activity.WORK) + sh.hoursOf(Activity.TRAINING);
                }
                int w = ContractRules.weekOf((int) ChronoUnit.DAYS.between(h0, sh.date()));
                if (w >= 0 && w < weekPaid.length) {
                    weekPaid[w] += p;
                }
            }
            double ot = 0;
            for (double wp : weekPaid) {
                ot += PayRules.overtimeHours(wp, costs.overtimeAfterHoursWeek());
            }
            double agentWages = PayRules.money(paid, a.hourlyCost(), 1);
            double agentOvertime = PayRules.money(ot, a.hourlyCost(), costs.overtimeMultiplier() - 1);
            double agentPremium = a.employment() == Employment.ON_DEMAND
                    ? PayRules.money(paid, a.hourlyCost(), costs.onDemandPremium()) : 0;
            wages += agentWages;
            overtime += agentOvertime;
            premium += agentPremium;
            paidTotal += paid;
            if (a.employment() == Employment.ON_DEMAND) {
                onDemandHours += paid;
            }
            homeHours += home;
            workedHours += work + train;
            double wanted = a.development().values().stream().mapToDouble(Double::doubleValue).sum();
            if (wanted > 0 || train > 0) {
                training.add(new Summary.TrainingDelivered(a.id(), wanted, train));
            }
            totals.add(new Summary.AgentTotals(a.id(), a.name(), a.site(), a.employment().name().toLowerCase()
                    .replace('_', '-'), list.size(), paid, work, train, home, ot,
                    agentWages + agentOvertime + agentPremium));
        }
        Summary.Cost cost = new Summary.Cost(wages + overtime + premium, wages, overtime, premium);
        Summary summary = new Summary(cost, service, late, training, workedHours > 0 ? homeHours / workedHours : 0,
                onDemandHours, paidTotal, violations, uncovered, null, null, Map.of(), null, null, totals,
                deferredFigures, preferences(in, shifts), fairness(in, rows));
        return new Evaluation(coverage, summary, publishedChanges(in, shifts));
    }

    /**
     * Weekend days and late shifts per agent in the horizon and carried from earlier runs, counted by
     * {@link FairnessRules#count} (the rule the fairness constraints use), with the team's mean and most of each.
     */
    static Summary.Fairness fairness(ScheduleInput in, List<ScheduleRow> rows) {
        Rules rules = in.rules();
        Map<String, int[]> counts = FairnessRules.count(rows, rules.fairness(), rules.horizon().start(),
                rules.horizon().end());
        Map<String, org.wfm.scheduler.domain.FairnessCount> carried = new HashMap<>();
        in.carried().forEach(c -> carried.put(c.agentId(), c));
        List<Summary.AgentFairness> agents = new ArrayList<>();
        double[] sum = new double[2];
        int[] max = new int[2];
        for (Agent a : in.agents()) {
            int[] c = counts.getOrDefault(a.id(), new int[2]);
            var before = carried.getOrDefault(a.id(), new org.wfm.scheduler.domain.FairnessCount(a.id(), 0, 0));
            agents.add(new Summary.AgentFairness(a.id(), c[0], c[1], before.weekendDays(), before.lateShifts()));
            for (int k = 0; k < 2; k++) {
                sum[k] += c[k];
                max[k] = Math.max(max[k], c[k]);
            }
        }
        int n = Math.max(1, agents.size());
        return new Summary.Fairness(rules.horizon().start().toString(), new Summary.Spread(sum[0] / n, max[0]),
                new Summary.Spread(sum[1] / n, max[1]), agents);
    }

    /**
     * Agents' preferences met, judged by {@link PreferenceRules#unmetShare} (the rule the constraints price) on the
     * shift each agent starts on the wish's date.
     */
    static Summary.Preferences preferences(ScheduleInput in, Map<String, List<Shift>> shifts) {
        if (in.preferences().isEmpty()) {
            return Summary.Preferences.NONE;
        }
        Rules rules = in.rules();
        Map<String, List<PreferenceRules.Wish>> wishes = PreferenceRules.expand(in.preferences(),
                rules.horizon().start(), rules.horizon().days(), rules.preferences());
        int met = 0;
        int total = 0;
        double cost = 0;
        List<Summary.AgentPreferences> agents = new ArrayList<>();
        for (Agent a : in.agents()) {
            List<PreferenceRules.Wish> list = wishes.getOrDefault(a.id(), List.of());
            if (list.isEmpty()) {
                continue;
            }
            Map<LocalDate, Shift> byDate = new HashMap<>();
            shifts.getOrDefault(a.id(), List.of()).forEach(sh -> byDate.put(sh.date(), sh));
            int agentMet = 0;
            long cents = 0;
            for (PreferenceRules.Wish w : list) {
                Shift sh = byDate.get(w.date());
                LocalDateTime midnight = w.date().atStartOfDay();
                int from = sh == null ? 0 : (int) ChronoUnit.MINUTES.between(midnight, sh.start());
                int to = sh == null ? 0 : (int) ChronoUnit.MINUTES.between(midnight, sh.end());
                if (PreferenceRules.met(w, sh != null, from, to)) {
                    agentMet++;
                }
                cents += PreferenceRules.unmetCents(w, sh != null, from, to);
            }
            met += agentMet;
            total += list.size();
            cost += cents / 100.0;
            agents.add(new Summary.AgentPreferences(a.id(), agentMet, list.size(), (double) agentMet / list.size(),
                    cents / 100.0));
        }
        return new Summary.Preferences(met, total, total == 0 ? null : (double) met / total, cost, agents);
    }

    /**
     * Proficiency-weighted staff working each channel (channel plan order) in each horizon interval, a part
     * interval counting as its fraction: the coverage the service curves and the lower bound see.
     */
    public static double[][] weightedCoverage(ScheduleInput in, List<ScheduleRow> rows) {
        int im = in.channels().intervalMinutes();
        LocalDateTime t0 = in.rules().horizon().start().atStartOfDay();
        int horizonIntervals = in.rules().horizon().days() * 1440 / im;
        List<Channel> channels = in.channels().channels();
        Map<String, Agent> agents = new HashMap<>();
        in.agents().forEach(a -> agents.put(a.id(), a));
        double[][] out = new double[channels.size()][horizonIntervals];
        for (ScheduleRow r : rows) {
            Agent a = agents.get(r.agentId());
            if (a == null || r.activity() != Activity.WORK || r.channel() == null) {
                continue;
            }
            int c = -1;
            for (int k = 0; k < channels.size(); k++) {
                if (channels.get(k).name().equals(r.channel())) {
                    c = k;
                }
            }
            if (c < 0) {
                continue;
            }
            double prof = a.proficiency(r.channel());
            int ch = c;
            spread(t0, im, r.start(), r.end(), (i, frac) -> {
                if (i >= 0 && i < horizonIntervals) {
                    out[ch][i] += frac * prof;
                }
            });
        }
        return out;
    }

    private interface IntervalShare {
        void accept(int interval, double fraction);
    }

    private static void spread(LocalDateTime t0, int im, LocalDateTime from, LocalDateTime to, IntervalShare out) {
        long a = ChronoUnit.MINUTES.between(t0, from);
        long b = ChronoUnit.MINUTES.between(t0, to);
        for (long i = Math.floorDiv(a, im); i * im < b; i++) {
            long overlap = Math.min(b, (i + 1) * im) - Math.max(a, i * im);
            out.accept((int) i, overlap / (double) im);
        }
    }

    /** A shift's work on one deferred channel: proficiency-weighted staff by interval, the last interval of each block. */
    private record DeferredShift(Map<Integer, Double> staff, List<Integer> ends, double absence) {
        DeferredShift(Map<Integer, Double> staff, List<Integer> ends) {
            this(staff, ends, 0);
        }

        DeferredShift withAbsence(double p) {
            return new DeferredShift(staff, ends, p);
        }
    }

    /**
     * Deferred work through {@link DeferredQueue#expected}, as the simulation serves it:
     * <ul>
     * <li>the work is what arrives in each interval ({@link RequirementsCalculator#arrivingAgents}: contacts ×
     * handle time), not the levelled requirement, which is a plan for doing it; its variance is the compound
     * Poisson's, contacts × E[S²] with handle times of coefficient of variation 1 (the exponential's, Erlang's
     * assumption and the simulation's default);</li>
     * <li>the capacity is each shift's proficiency-weighted staff, the shift present or absent as a whole
     * ({@link org.wfm.scheduler.staffing.ChannelPlan#shiftAbsence});</li>
     * <li>an agent whose block ends (a pause, another channel, the shift's end) finishes the email in hand: its
     * mean remaining work is the residual life of a size-biased handle time, E[S²] ÷ 2E[S] = AHT × (1 + CV²) ÷ 2
     * = one AHT (L. Kleinrock, Queueing Systems vol. 1, 1975, §5.2), added to the block's last interval. With
     * blocks of 1-2 hours this is 5-10% more work done than the scheduled minutes, enough to decide whether a
     * backlog near a full window stays inside it.</li>
     * </ul>
     * Samples (seed 1): the levelled work at the mean staff and without the finishing work gave 68.7% planned; this
     * model 83%, simulated 80.7% ± 7.7 (40 replications). An interval is short when some of its work misses the
     * deadline at the expected staffing. A requirements file without volumes (hand-made) has no arrivals: its
     * levelled work before shrinkage stands in for them, without variance. The peak backlog is in hours of work at
     * proficiency 1, on the expected path.
     */
    private static Summary.Deferred deferred(Channel ch, int im, Requirement[] req, List<DeferredShift> shifts,
                                             double[] sl, double[] occ, boolean[] shortOf) {
        int n = req.length;
        double intervalSeconds = im * 60.0;
        double[] arrived = new double[n];
        double[] variance = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            if (req[j] != null) {
                arrived[j] = RequirementsCalculator.arrivingAgents(req[j].forecastVolume(), req[j].ahtSeconds(),
                        intervalSeconds);
                // contacts × E[S²] ÷ T² with E[S²] = 2 AHT² (CV 1): mean work × 2 AHT ÷ T.
                variance[j] = arrived[j] * 2 * req[j].ahtSeconds() / intervalSeconds;
                total += arrived[j];
            }
        }
        if (!(total > 0)) {
            for (int j = 0; j < n; j++) {
                arrived[j] = req[j] == null ? 0 : req[j].requiredAgents();
                variance[j] = 0;
            }
        }
        List<DeferredQueue.ShiftCapacity> capacity = new ArrayList<>(shifts.size());
        for (DeferredShift d : shifts) {
            Map<Integer, Double> staff = new TreeMap<>(d.staff());
            for (int e : d.ends()) {
                if (e >= 0 && e < n) {
                    double aht = req[e] != null && req[e].ahtSeconds() > 0 ? req[e].ahtSeconds() : ch.ahtSeconds();
                    staff.merge(e, aht / intervalSeconds, Double::sum);
                }
            }
            int[] at = new int[staff.size()];
            double[] x = new double[staff.size()];
            int k = 0;
            for (var e : staff.entrySet()) {
                at[k] = e.getKey();
                x[k++] = e.getValue();
            }
            capacity.add(new DeferredQueue.ShiftCapacity(d.absence(), at, x));
        }
        DeferredQueue.Result r = DeferredQueue.expected(arrived, variance, capacity,
                ProblemBuilder.deferredWindowIntervals(ch, im), ch.name().hashCode());
        System.arraycopy(r.serviceLevel(), 0, sl, 0, n);
        System.arraycopy(r.occupancy(), 0, occ, 0, n);
        System.arraycopy(r.late(), 0, shortOf, 0, n);
        return new Summary.Deferred(Double.isNaN(r.withinWindow()) ? null : r.withinWindow(),
                r.peakBacklog() * im / 60.0);
    }

    private static void checkShifts(ScheduleInput in, Map<String, List<Shift>> shifts,
                                    List<Summary.Violation> out, LocalDateTime t0) {
        Rules rules = in.rules();
        LocalDate h0 = rules.horizon().start();
        int days = rules.horizon().days();
        Map<String, List<TimeOff>> offs = new HashMap<>();
        in.timeOff().forEach(t -> offs.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        Map<String, List<ScheduleRow>> prev = new HashMap<>();
        in.previous().stream().filter(r -> r.date().isBefore(h0))
                .forEach(r -> prev.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r));
        Map<String, Map<LocalDate, String>> hardDaysOff = new HashMap<>();
        PatternRules.daysOff(rules.patterns(), in.agents(), h0, days).forEach((id, offs2) -> offs2.stream()
                .filter(o -> o.pattern().hard()).forEach(o -> hardDaysOff.computeIfAbsent(id, k -> new HashMap<>())
                        .putIfAbsent(h0.plusDays(o.day()), o.pattern().name())));
        for (Agent a : in.agents()) {
            List<Shift> list = new ArrayList<>(shifts.getOrDefault(a.id(), List.of()));
            list.sort(Comparator.comparing(Shift::start));
            List<TimeOff> myOff = offs.getOrDefault(a.id(), List.of());
            for (Shift sh : list) {
                String date = sh.date().toString();
                int len = (int) ChronoUnit.MINUTES.between(sh.start(), sh.end());
                int startOfDay = sh.start().getHour() * 60 + sh.start().getMinute();
                int from = minutes(t0, sh.start());
                if (!sh.start().toLocalDate().equals(sh.date())) {
                    out.add(v(ConstraintName.SHIFT_STARTS_ON_ITS_DATE, a, date, "starts " + sh.start()));
                }
                if (!AgentRules.available(a, sh.date().getDayOfWeek(), startOfDay, len)) {
                    out.add(v(ConstraintName.AVAILABILITY, a, date,
                            sh.start().toLocalTime() + "-" + sh.end().toLocalTime()));
                }
                String patternOff = hardDaysOff.getOrDefault(a.id(), Map.of()).get(sh.date());
                if (patternOff != null) {
                    out.add(v(ConstraintName.PATTERN_DAYS_OFF, a, date, "a day off of pattern `" + patternOff + "`"));
                }
                for (TimeOff t : myOff) {
                    if (AgentRules.overlap(from, from + len, AgentRules.timeOffRange(t, h0)) > 0) {
                        out.add(v(ConstraintName.TIME_OFF, a, date, "overlaps " + t.reason()));
                    }
                }
                if (ShiftRules.shapeBreaks(rules.shifts(), startOfDay, len) > 0) {
                    out.add(v(ConstraintName.SHIFT_LENGTH_AND_START, a, date,
                            len + " min from " + sh.start().toLocalTime()));
                }
                List<Pause> pauses = new ArrayList<>();
                for (ScheduleRow r : sh.rows()) {
                    if (r.activity() == Activity.BREAK || r.activity() == Activity.LUNCH) {
                        pauses.add(new Pause((int) ChronoUnit.MINUTES.between(sh.start(), r.start()),
                                (int) ChronoUnit.MINUTES.between(r.start(), r.end()), r.activity() == Activity.LUNCH));
                    }
                    if (r.activity() == Activity.WORK && !AgentRules.skilled(a, r.channel())) {
                        out.add(v(ConstraintName.SKILL_FOR_CHANNEL, a, date, "works " + r.channel()));
                    }
                }
                String problem = ShiftRules.breakProblem(rules.breaks(), len, pauses);
                if (problem != null) {
                    out.add(v(ConstraintName.BREAKS_AND_LUNCH, a, date, problem));
                }
            }
            // Rest after the published shifts before the horizon, then between the shifts in it.
            java.util.Set<LocalDate> worked = new java.util.HashSet<>();
            Integer priorEnd = null;
            for (ScheduleRow r : prev.getOrDefault(a.id(), List.of())) {
                worked.add(r.date());
                priorEnd = priorEnd == null ? minutes(t0, r.end()) : Math.max(priorEnd, minutes(t0, r.end()));
            }
            int rest = ContractRules.restMinutes(rules.shifts());
            Integer lastEnd = null;
            for (Shift sh : list) {
                int start = minutes(t0, sh.start());
                String day = sh.start().toLocalDate().toString();
                if (priorEnd != null && ContractRules.restMissing(priorEnd, start, rules.shifts()) > 0) {
                    out.add(v(ConstraintName.REST_AFTER_PUBLISHED, a, day,
                            (start - priorEnd) + " min rest, needs " + rest));
                }
                if (lastEnd != null && ContractRules.restMissing(lastEnd, start, rules.shifts()) > 0) {
                    out.add(v(ConstraintName.MINIMUM_REST, a, day, (start - lastEnd) + " min rest, needs " + rest));
                }
                lastEnd = lastEnd == null ? minutes(t0, sh.end()) : Math.max(lastEnd, minutes(t0, sh.end()));
            }
            // Consecutive days (published days count).
            list.forEach(sh -> worked.add(sh.date()));
            int run = ContractRules.priorRunDays(worked, h0);
            for (int d = 0; d < days; d++) {
                LocalDate date = h0.plusDays(d);
                run = worked.contains(date) ? run + 1 : 0;
                if (ContractRules.runTooLong(run, rules.shifts())) {
                    out.add(v(ConstraintName.MAX_CONSECUTIVE_DAYS, a, date.toString(), run + " days in a row"));
                }
            }
            // Weekly rules.
            AgentPlan plan = new AgentPlan(a, 0, List.of("x"), List.of(), Map.of(), List.of(), 0, null);
            for (int w = 0; w * 7 < days; w++) {
                AgentWeek wk = ProblemBuilder.week(plan, w, days, rules, myOff);
                int paid = 0;
                int train = 0;
                int count = 0;
                for (Shift sh : list) {
                    int day = (int) ChronoUnit.DAYS.between(h0, sh.date());
                    if (day >= 0 && day < days && ContractRules.weekOf(day) == w) {
                        paid += sh.paidMinutes();
                        train += sh.minutesOf(Activity.TRAINING);
                        count++;
                    }
                }
                String week = h0.plusDays(w * 7L).toString();
                if (ContractRules.minutesOverMaximum(paid, wk) > 0) {
                    out.add(v(ConstraintName.WEEKLY_HOURS_MAX, a, week,
                            fmt(paid / 60.0) + " h > " + fmt(wk.maxMinutes() / 60.0)));
                }
                if (ContractRules.minutesUnderMinimum(paid, wk) > 0) {
                    out.add(v(ConstraintName.WEEKLY_HOURS_MIN, a, week,
                            fmt(paid / 60.0) + " h < " + fmt(wk.minMinutes() / 60.0)));
                }
                if (ContractRules.daysBeyond(count, wk) > 0) {
                    out.add(v(ConstraintName.MAX_DAYS_PER_WEEK, a, week, count + " days > " + wk.maxDays()));
                }
                if (ContractRules.trainingOverMaximum(train, wk) > 0) {
                    out.add(v(ConstraintName.TRAINING_HOURS_MAX, a, week, fmt(train / 60.0) + " h"));
                }
            }
        }
    }

    private static void checkSeats(Rules rules, Map<String, double[]> seats, LocalDateTime t0, int im,
                                   List<Summary.Violation> out) {
        for (var e : new TreeMap<>(seats).entrySet()) {
            int cap = SeatRules.seatsAt(e.getKey(), rules);
            double[] used = e.getValue();
            for (int i = 0; i < used.length; i++) {
                if (SeatRules.agentsOver((int) used[i], cap) > 0) {
                    LocalDateTime t = t0.plusMinutes((long) i * im);
                    out.add(new Summary.Violation(ConstraintName.SEATS_PER_SITE.phrase(), null,
                            t.toLocalDate().toString(), e.getKey() + " at " + t.toLocalTime() + ": " + (int) used[i] + " agents, " + cap + " seats"));
                }
            }
        }
    }

    /**
     * Published days (inside the horizon) whose shift moved, appeared or disappeared, with why: the agent left,
     * new time off or availability rules out the published shift, its length or start is no longer allowed, or
     * else it was replanned (the change saved more than it cost). Agents in agent then date order.
     */
    private static List<PublishedChange> publishedChanges(ScheduleInput in, Map<String, List<Shift>> shifts) {
        LocalDate h0 = in.rules().horizon().start();
        LocalDate h1 = in.rules().horizon().end();
        Map<String, LocalDateTime[]> before = new HashMap<>();
        java.util.Set<LocalDate> dates = new java.util.TreeSet<>();
        java.util.Set<String> publishedAgents = new java.util.TreeSet<>();
        for (ScheduleRow r : in.previous()) {
            if (r.date().isBefore(h0) || !r.date().isBefore(h1)) {
                continue;
            }
            dates.add(r.date());
            publishedAgents.add(r.agentId());
            before.merge(r.agentId() + "|" + r.date(), new LocalDateTime[] {r.start(), r.end()},
                    (x, y) -> new LocalDateTime[] {x[0].isBefore(y[0]) ? x[0] : y[0], x[1].isAfter(y[1]) ? x[1] : y[1]});
        }
        Map<String, List<TimeOff>> offs = new HashMap<>();
        in.timeOff().forEach(t -> offs.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        List<PublishedChange> out = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Agent a : in.agents()) {
            known.add(a.id());
            Map<LocalDate, Shift> now = new HashMap<>();
            shifts.getOrDefault(a.id(), List.of()).forEach(s -> now.put(s.date(), s));
            for (LocalDate d : dates) {
                LocalDateTime[] b = before.get(a.id() + "|" + d);
                Shift s = now.get(d);
                boolean same = b == null ? s == null : s != null && s.start().equals(b[0]) && s.end().equals(b[1]);
                if (!same) {
                    out.add(new PublishedChange(a.id(), d.toString(), changeReason(in.rules(), a,
                            offs.getOrDefault(a.id(), List.of()), d, b)));
                }
            }
        }
        for (String id : publishedAgents) {
            if (!known.contains(id)) {
                for (LocalDate d : dates) {
                    if (before.containsKey(id + "|" + d)) {
                        out.add(new PublishedChange(id, d.toString(), PublishedChange.AGENT_LEFT));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(PublishedChange::agentId).thenComparing(PublishedChange::date));
        return out;
    }

    /** Why a published day changed: what now rules out the published shift, or "replanned". */
    private static String changeReason(Rules rules, Agent a, List<TimeOff> offs, LocalDate date, LocalDateTime[] was) {
        if (was == null) {
            return PublishedChange.REPLANNED;
        }
        LocalDate h0 = rules.horizon().start();
        int from = minutes(h0.atStartOfDay(), was[0]);
        int to = minutes(h0.atStartOfDay(), was[1]);
        if (AgentRules.timeOffMinutes(from, to, AgentRules.timeOffRanges(offs, h0)) > 0) {
            return PublishedChange.TIME_OFF;
        }
        int len = to - from;
        int startOfDay = was[0].getHour() * 60 + was[0].getMinute();
        if (!AgentRules.available(a, date.getDayOfWeek(), startOfDay, len)) {
            return PublishedChange.AVAILABILITY;
        }
        if (ShiftRules.shapeBreaks(rules.shifts(), startOfDay, len) > 0) {
            return PublishedChange.SHIFT_RULES;
        }
        return PublishedChange.REPLANNED;
    }

    private static Summary.Violation v(ConstraintName constraint, Agent a, String date, String detail) {
        return new Summary.Violation(constraint.phrase(), a.id(), date, detail);
    }

    private static int minutes(LocalDateTime t0, LocalDateTime t) {
        return (int) ChronoUnit.MINUTES.between(t0, t);
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.2f", x);
    }
}
