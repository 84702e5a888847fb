package org.wfm.scheduler.solver;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;
import org.wfm.scheduler.staffing.ServiceCurve;
import org.wfm.scheduler.staffing.ServiceCurveFactory;

/** Small inputs for tests, with a linear service curve whose answers are easy to compute by hand. */
public final class TestData {
    public static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private TestData() {
    }

    /** Service level = scheduled ÷ required staff, capped at 1: late contacts fall linearly to 0 at R. */
    public static final ServiceCurveFactory LINEAR = (ch, r, im) -> new ServiceCurve() {
        @Override
        public double volume() {
            return r.forecastVolume();
        }

        @Override
        public double serviceLevel(double x) {
            return r.requiredStaff() <= 0 ? 1.0 : Math.min(1.0, x / r.requiredStaff());
        }
    };

    public static Channel voice() {
        return new Channel("voice", ChannelKind.IMMEDIATE, 0.8, 20, Double.NaN, Double.NaN, 300, 1, Double.NaN, 0.0);
    }

    public static Channel chat() {
        return new Channel("chat", ChannelKind.CONCURRENT, 0.8, 60, Double.NaN, Double.NaN, 900, 3, Double.NaN, 0.0);
    }

    public static Channel email(double responseHours) {
        return new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 420, 1,
                responseHours, 0.0);
    }

    public static ChannelPlan plan(Channel... channels) {
        return new ChannelPlan(ZoneId.of("UTC"), 15, 0.0, List.of(channels));
    }

    public static Rules rules(int days, Rules.Breaks breaks) {
        return new Rules(new Rules.Horizon(MONDAY, days),
                new Rules.Shifts(List.of(4.0, 6.0, 8.0), 30, 11, 5, 5), breaks,
                new Rules.Training(60, 4), Map.of("london", 40),
                new Rules.Costs(40, 1.5, 0.25), new Rules.Objective(Rules.ObjectiveMode.COVER, 1.5));
    }

    public static Rules.Breaks breaks() {
        return new Rules.Breaks(2, 15, 30, 6);
    }

    public static Agent agent(String id, Employment e, Map<String, Double> skills, double min, double max) {
        return new Agent(id, id, "london", WorkMode.ONSITE, e, skills, Map.of(), min, max, 20.0,
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(6, 0), LocalTime.of(22, 0));
    }

    public static Agent withDevelopment(Agent a, Map<String, Double> dev) {
        return new Agent(a.id(), a.name(), a.site(), a.workMode(), a.employment(), a.skills(), dev,
                a.minHoursWeek(), a.maxHoursWeek(), a.hourlyCost(), a.availableDays(), a.earliestStart(),
                a.latestEnd());
    }

    public static Agent hybrid(Agent a) {
        return new Agent(a.id(), a.name(), a.site(), WorkMode.HYBRID, a.employment(), a.skills(), a.development(),
                a.minHoursWeek(), a.maxHoursWeek(), a.hourlyCost(), a.availableDays(), a.earliestStart(),
                a.latestEnd());
    }

    /** Flat demand of {@code staff} on one channel from {@code from} to {@code to} o'clock every day. */
    public static List<Requirement> flat(String channel, int days, int from, int to, double staff) {
        List<Requirement> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (LocalDateTime t = MONDAY.plusDays(d).atTime(from, 0); t.isBefore(MONDAY.plusDays(d).atTime(to, 0));
                 t = t.plusMinutes(15)) {
                out.add(new Requirement(t, channel, 10 * staff, 300, staff, staff));
            }
        }
        return out;
    }
}
