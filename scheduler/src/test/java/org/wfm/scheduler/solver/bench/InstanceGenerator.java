package org.wfm.scheduler.solver.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

/**
 * Generated instances with a contact centre's shape: a mid-morning peak and a smaller afternoon one, Mondays
 * busiest, weekends quieter; a mix of full-time, part-time and on-demand agents; multi-skilled agents on
 * three channels (voice immediate, chat concurrent, email deferred). Demand is sized to the workforce so that
 * the weekly minimum hours do not force idle time.
 */
public final class InstanceGenerator {
    private InstanceGenerator() {
    }

    public static ScheduleInput generate(int agents, int days, int channels, boolean breaks, long seed) {
        return generate(agents, days, channels, breaks, seed, 0.65, 0.85, 0.55);
    }

    /**
     * @param fullTime share of full-time agents; {@code partTime} the cumulative share with part-time
     * @param load     demand as a share of the agents' maximum weekly hours
     */
    public static ScheduleInput generate(int agents, int days, int channels, boolean breaks, long seed,
                                         double fullTime, double partTime, double load) {
        Random rnd = new Random(seed);
        List<Channel> chs = new ArrayList<>();
        chs.add(new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, Double.NaN, Double.NaN, 300, 1, Double.NaN,
                0.3));
        if (channels > 1) {
            chs.add(new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN, 900, 3,
                    Double.NaN, 0.3));
        }
        if (channels > 2) {
            chs.add(new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 420,
                    1, 24, 0.3));
        }
        ChannelPlan plan = new ChannelPlan(ZoneId.of("UTC"), 15, 0.3, chs);
        LocalDate start = LocalDate.of(2026, 1, 5);
        Rules rules = new Rules(new Rules.Horizon(start, days),
                new Rules.Shifts(List.of(4.0, 6.0, 8.0, 10.0), 30, 11, 5, 5),
                breaks ? new Rules.Breaks(2, 15, 30, 6) : null, new Rules.Training(60, 4),
                Map.of("london", agents * 3 / 5, "leeds", agents / 4 + 1), new Rules.Costs(40, 1.5, 0.25),
                new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));

        List<Agent> list = new ArrayList<>();
        double weeklyHours = 0;
        for (int i = 0; i < agents; i++) {
            double u = rnd.nextDouble();
            Employment e = u < fullTime ? Employment.FULL_TIME : u < partTime ? Employment.PART_TIME : Employment.ON_DEMAND;
            double min = e == Employment.FULL_TIME ? 32 : e == Employment.PART_TIME ? 16 : 0;
            double max = e == Employment.FULL_TIME ? 40 : e == Employment.PART_TIME ? 28 : 30;
            weeklyHours += max;
            Map<String, Double> skills = new HashMap<>();
            Map<String, Double> dev = new HashMap<>();
            skills.put("voice", 1.0);
            if (channels > 1 && rnd.nextDouble() < 0.5) {
                skills.put("chat", 0.7 + 0.3 * rnd.nextDouble());
            }
            if (channels > 2 && rnd.nextDouble() < 0.5) {
                skills.put("email", 0.8 + 0.2 * rnd.nextDouble());
            }
            if (channels > 1 && rnd.nextDouble() < 0.3) {
                String weak = channels > 2 && !skills.containsKey("email") ? "email" : "chat";
                skills.merge(weak, 0.5, Math::min);
                dev.put(weak, 4.0);
            }
            WorkMode mode = rnd.nextDouble() < 0.2 ? WorkMode.REMOTE : rnd.nextDouble() < 0.4 ? WorkMode.HYBRID
                    : WorkMode.ONSITE;
            String site = mode == WorkMode.REMOTE ? null : rnd.nextDouble() < 0.7 ? "london" : "leeds";
            double cost = e == Employment.ON_DEMAND ? 17 + 3 * rnd.nextDouble() : 15 + 6 * rnd.nextDouble();
            EnumSet<DayOfWeek> avail = e == Employment.PART_TIME && rnd.nextBoolean()
                    ? EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY) : EnumSet.allOf(DayOfWeek.class);
            LocalTime es = LocalTime.of(rnd.nextDouble() < 0.5 ? 7 : 8, 0);
            LocalTime le = LocalTime.of(rnd.nextDouble() < 0.5 ? 20 : 22, 0);
            list.add(new Agent(String.format("A%03d", i), "Agent " + i, site, mode, e, skills, dev, min, max,
                    Math.round(cost * 100) / 100.0, avail, es, le));
        }
        // Staff-hours per day the workforce can give, spread over the channels' demand.
        double perDayStaffHours = weeklyHours / 7.0 * load;
        double[] shareOfChannel = channels == 1 ? new double[] {1.0}
                : channels == 2 ? new double[] {0.65, 0.35} : new double[] {0.5, 0.25, 0.25};
        ErlangCCurves erlang = new ErlangCCurves();
        List<Requirement> reqs = new ArrayList<>();
        double[] shape = new double[96];
        double shapeSum = 0;
        for (int k = 0; k < 96; k++) {
            double h = k / 4.0;
            if (h >= 7 && h < 21) {
                shape[k] = 0.3 + Math.exp(-Math.pow((h - 10.5) / 1.8, 2)) + 0.6 * Math.exp(-Math.pow((h - 15) / 2, 2));
            }
            shapeSum += shape[k];
        }
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = start.plusDays(d).getDayOfWeek();
            double dayFactor = dow == DayOfWeek.MONDAY ? 1.2 : dow == DayOfWeek.SATURDAY ? 0.6
                    : dow == DayOfWeek.SUNDAY ? 0.45 : 1.0;
            for (int c = 0; c < chs.size(); c++) {
                Channel ch = chs.get(c);
                for (int k = 0; k < 96; k++) {
                    if (shape[k] == 0) {
                        continue;
                    }
                    double staffTarget = perDayStaffHours * shareOfChannel[c] * dayFactor * shape[k] / shapeSum * 4;
                    LocalDateTime t = start.plusDays(d).atStartOfDay().plusMinutes(15L * k);
                    reqs.add(requirement(ch, t, staffTarget * (0.9 + 0.2 * rnd.nextDouble()), erlang));
                }
            }
        }
        return new ScheduleInput(plan, reqs, list, List.of(), rules, List.of(), erlang);
    }

    /** The volume whose Erlang C staffing (after shrinkage) is about {@code staff}, and that requirement. */
    private static Requirement requirement(Channel ch, LocalDateTime t, double staff, ErlangCCurves erlang) {
        double shrink = ch.shrinkage();
        double aht = ch.ahtSeconds();
        if (ch.kind() == ChannelKind.DEFERRED) {
            double work = staff * (1 - shrink);
            double volume = work * 15 * 60 / aht;
            return new Requirement(t, ch.name(), volume, aht, work, Math.round(staff * 100) / 100.0);
        }
        int conc = ch.kind() == ChannelKind.CONCURRENT ? ch.concurrency() : 1;
        // Load that staff agents (after shrinkage) serve at about the target.
        double agentsOnPhones = staff * (1 - shrink);
        double load = Math.max(0.1, agentsOnPhones * conc * 0.8);
        double volume = load * 15 * 60 / aht;
        int servers = ErlangCCurves.servers(load, aht, ch.serviceLevel(), ch.answerSeconds());
        int agents = (servers + conc - 1) / conc;
        double required = Math.ceil(agents / (1 - shrink));
        return new Requirement(t, ch.name(), volume, aht, agents, required);
    }
}
