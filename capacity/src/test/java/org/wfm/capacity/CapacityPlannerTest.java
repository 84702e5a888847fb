package org.wfm.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelKind;
import org.wfm.scheduler.staffing.ChannelPlan;
import org.wfm.scheduler.staffing.Requirement;

class CapacityPlannerTest {
    static final LocalDate MONDAY = SupplyTest.MONDAY;

    static ChannelPlan emailOnly() {
        return new ChannelPlan(ZoneId.of("Europe/London"), 60, 0.0, List.of(new Channel("email", ChannelKind.DEFERRED,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, 300, 1, 24, 0.0)));
    }

    /** One hour a week of {@code staff} staff: {@code staff} staff-hours a week. */
    static WeeklyDemand demand(ChannelPlan plan, double staff, int weeks) {
        List<Requirement> reqs = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            reqs.add(new Requirement(MONDAY.plusWeeks(w).atTime(9, 0), "email", 10, 300, staff, staff));
        }
        return new WeeklyDemand(reqs, plan, MONDAY, weeks);
    }

    /**
     * By hand: nobody today, 75 staff-hours a week = 2 FTE of 37.5 h; hiring lead time two weeks, no training or
     * ramp-up, no attrition. Weeks 0 and 1 cannot be reached and stay 2 FTE short (penalty 100 each); a class of 2
     * starts in week 2 at 1,000 a hire plus 4 weeks × 37.5 h × 10.00 = 1,500 of wages each: 2 × 2,500 + 4 × 100 =
     * 5,400.
     */
    @Test
    void aTwoWeekLeadTimeLeavesTheFirstTwoWeeksShort() {
        ChannelPlan plan = emailOnly();
        PlanSettings s = new PlanSettings(37.5, new HireCurve(0, 0), 2, 1, 1000, 10, 100);
        CapacityPlan p = CapacityPlanner.plan(new CapacityPlanner.Input("baseline", plan, demand(plan, 75, 6), List.of(),
                List.of(), Attrition.uniform(0), s, Efficiency.given(1.0)));
        assertThat(p.recommended()).containsExactly(new HireClass(MONDAY.plusWeeks(2), 2, Map.of("email", 1.0), true));
        assertThat(p.channels().get("email").objective()).isCloseTo(5400, within(1e-6));
        assertThat(p.channels().get("email").shortWeeks()).isEqualTo(2);
        assertThat(p.hardFromWeek()).isEqualTo(2);
        List<CapacityRow> rows = p.rows();
        assertThat(rows).hasSize(6);
        for (int w = 0; w < 6; w++) {
            CapacityRow r = rows.get(w);
            assertThat(r.requiredFte()).isCloseTo(2, within(1e-12));
            assertThat(r.availableFte()).isCloseTo(w < 2 ? 0 : 2, within(1e-12));
            assertThat(r.gapFte()).isCloseTo(w < 2 ? 2 : 0, within(1e-12));
            assertThat(r.hiresStarting()).isEqualTo(w == 2 ? 2 : 0);
            // wages 2 × 375 from week 2, plus 2 × 1,000 hiring cost in week 2
            assertThat(r.cost()).isCloseTo(w < 2 ? 0 : w == 2 ? 2750 : 750, within(1e-9));
            assertThat(r.projectedServiceLevel()).isNaN();
        }
    }

    @Test
    void efficiencyScalesTheRequiredFte() {
        ChannelPlan plan = emailOnly();
        PlanSettings s = new PlanSettings(37.5, new HireCurve(0, 0), 0, 1, 0, 10, 100);
        CapacityPlan p = CapacityPlanner.plan(new CapacityPlanner.Input("x", plan, demand(plan, 75, 2), List.of(),
                List.of(), Attrition.uniform(0), s, Efficiency.given(1.2)));
        // 75 × 1.2 ÷ 37.5 = 2.4 FTE: a class of 3 in week 0 (whole people)
        assertThat(p.rows().get(0).requiredFte()).isCloseTo(2.4, within(1e-12));
        assertThat(p.recommendedHires()).isEqualTo(3);
    }
}
