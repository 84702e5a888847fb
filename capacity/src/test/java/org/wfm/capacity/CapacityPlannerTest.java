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

    /** Two deferred channels, e-mail and post, each needing {@code staff} staff-hours a week. */
    static ChannelPlan emailAndPost() {
        return new ChannelPlan(ZoneId.of("Europe/London"), 60, 0.0, List.of(
                new Channel("email", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 300, 1, 24, 0.0),
                new Channel("post", ChannelKind.DEFERRED, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 300, 1, 24, 0.0)));
    }

    static WeeklyDemand twoChannelDemand(ChannelPlan plan, double staff, int weeks) {
        List<Requirement> reqs = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            for (String ch : List.of("email", "post")) {
                reqs.add(new Requirement(MONDAY.plusWeeks(w).atTime(9, 0), ch, 10, 300, staff, staff));
            }
        }
        return new WeeklyDemand(reqs, plan, MONDAY, weeks);
    }

    /**
     * By hand: nobody today; each channel needs 22.5 staff-hours a week = 0.6 FTE for 3 weeks; no lead time,
     * training or attrition, no hiring cost; wages e-mail 10, post 14, e-mail+post 11 an hour (3 weeks × 37.5 h:
     * 1,125, 1,575 and 1,237.50 a hire). One e-mail hire and one two-skill hire (2,362.50) beat one of each single
     * skill (2,700) and two two-skill hires (2,475). The two-skill hire gives post its 0.6 FTE; every week's cost is
     * the two wages, 375 + 412.50.
     */
    @Test
    void aTwoSkillClassIsRecommendedAndItsFteAllocatedBetweenItsChannels() {
        ChannelPlan plan = emailAndPost();
        PlanSettings s = new PlanSettings(37.5, new HireCurve(0, 0, 0), 0, 1, 0, 10, 1000);
        List<HireOption> options = List.of(new HireOption(Map.of("email", 1.0), 10),
                new HireOption(Map.of("post", 1.0), 14), new HireOption(Map.of("email", 1.0, "post", 1.0), 11));
        CapacityPlan p = CapacityPlanner.plan(new CapacityPlanner.Input("baseline", plan,
                twoChannelDemand(plan, 22.5, 3), List.of(), List.of(), Attrition.uniform(0), s, Efficiency.given(1.0),
                List.of(), options));
        assertThat(p.recommended()).containsExactly(new HireClass(MONDAY, 1, Map.of("email", 1.0), true),
                new HireClass(MONDAY, 1, Map.of("email", 1.0, "post", 1.0), true));
        assertThat(p.model().objective()).isCloseTo(2362.5, within(1e-6));
        assertThat(p.channels().get("email").hires()).isEqualTo(2);
        assertThat(p.channels().get("post").hires()).isEqualTo(1);
        for (int w = 0; w < 3; w++) {
            CapacityRow email = p.rows().get(2 * w);
            CapacityRow post = p.rows().get(2 * w + 1);
            // all 2 FTE are counted somewhere (what the programme leaves free is shared by the rule)
            assertThat(post.availableFte()).isGreaterThanOrEqualTo(0.6 - 1e-9);
            assertThat(email.availableFte()).isGreaterThanOrEqualTo(0.6 - 1e-9);
            assertThat(email.availableFte() + post.availableFte()).isCloseTo(2, within(1e-9));
            assertThat(email.cost() + post.cost()).isCloseTo(375 + 412.5, within(1e-9));
            assertThat(email.hiresStarting()).isEqualTo(w == 0 ? 2 : 0);
            assertThat(post.hiresStarting()).isEqualTo(w == 0 ? 1 : 0);
        }
    }

    /** The same with a two-skill wage of 25: the single-skill classes win. */
    @Test
    void singleSkillClassesWinOverAnExpensiveTwoSkillClass() {
        ChannelPlan plan = emailAndPost();
        PlanSettings s = new PlanSettings(37.5, new HireCurve(0, 0, 0), 0, 1, 0, 10, 1000);
        List<HireOption> options = List.of(new HireOption(Map.of("email", 1.0), 10),
                new HireOption(Map.of("post", 1.0), 14), new HireOption(Map.of("email", 1.0, "post", 1.0), 25));
        CapacityPlan p = CapacityPlanner.plan(new CapacityPlanner.Input("baseline", plan,
                twoChannelDemand(plan, 22.5, 3), List.of(), List.of(), Attrition.uniform(0), s, Efficiency.given(1.0),
                List.of(), options));
        assertThat(p.recommended()).containsExactly(new HireClass(MONDAY, 1, Map.of("email", 1.0), true),
                new HireClass(MONDAY, 1, Map.of("post", 1.0), true));
        assertThat(p.model().objective()).isCloseTo(3 * 37.5 * 24, within(1e-6));
    }

    /**
     * Today's two-skill agent (1 FTE, e-mail 1.0, post 0.5) with e-mail needing 0.7 FTE and post 0.15: the programme
     * gives e-mail 0.7 and post 0.3 of its time (0.15 FTE at proficiency 0.5), so nobody is hired; splitting it
     * by the channels' needs alone (0.7 : 0.15) would leave post short (0.18 × 0.5 = 0.09 &lt; 0.15).
     */
    @Test
    void todaysMultiSkilledAgentsAreAllocatedByTheProgramme() {
        ChannelPlan plan = emailAndPost();
        PlanSettings s = new PlanSettings(37.5, new HireCurve(0, 0, 0), 0, 1, 0, 10, 1000);
        List<Requirement> reqs = new ArrayList<>();
        reqs.add(new Requirement(MONDAY.atTime(9, 0), "email", 10, 300, 0.7 * 37.5, 0.7 * 37.5));
        reqs.add(new Requirement(MONDAY.atTime(9, 0), "post", 10, 300, 0.15 * 37.5, 0.15 * 37.5));
        org.wfm.scheduler.domain.Agent a = SupplyTest.agent("A1", Map.of("email", 1.0, "post", 0.5), 35, 40, 14);
        CapacityPlan p = CapacityPlanner.plan(new CapacityPlanner.Input("baseline", plan,
                new WeeklyDemand(reqs, plan, MONDAY, 1), List.of(a), List.of(), Attrition.uniform(0), s,
                Efficiency.given(1.0), List.of(), HireOption.singles(List.of("email", "post"), 10)));
        assertThat(p.recommended()).isEmpty();
        assertThat(p.rows().get(0).availableFte()).isCloseTo(0.7, within(1e-9));
        assertThat(p.rows().get(1).availableFte()).isCloseTo(0.15, within(1e-9));
        assertThat(p.rows().get(0).gapFte()).isCloseTo(0, within(1e-9));
    }
}
