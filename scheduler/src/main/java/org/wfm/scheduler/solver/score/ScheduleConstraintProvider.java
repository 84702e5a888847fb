package org.wfm.scheduler.solver.score;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;

import java.util.List;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.Demand;
import org.wfm.scheduler.solver.model.SeatKey;
import org.wfm.scheduler.solver.model.WorkSlot;

/**
 * The scheduling rules as constraint streams. Penalties are in natural units: hard in minutes (or counts) of
 * a rule broken, a day beyond a day limit weighing a whole day of minutes, medium in milli-contacts answered late beyond the requirement ({@code cover} mode), soft in
 * cents. Late contacts are scored as "what nobody scheduled would lose" minus "what the staff present saves",
 * because a grouping gives no group to an interval nobody works.
 */
public class ScheduleConstraintProvider implements ConstraintProvider {

    /** Cents per minute of start-time difference between consecutive working days. */
    static final long START_DIFF_CENTS_PER_MINUTE = 1;
    /** Cents per (unpopular shifts of an agent)²: squares spread them across agents. */
    static final long UNPOPULAR_CENTS = 50;
    /**
     * Hard weight of a working day beyond the consecutive-day or days-per-week limit: a whole day of minutes.
     * Counted as 1, a sixth day cost less than the minutes of weekly minimum it brought, so local search traded
     * a 5-day week that was a few hours short for a 6-day week (2 violations instead of 390 minutes).
     */
    static final HardMediumSoftLongScore DAY_BEYOND_LIMIT = HardMediumSoftLongScore.ofHard(1440);
    /** Development value of a training hour toward a goal, as a share of the agent's hourly cost. */
    static final double TRAINING_VALUE = 0.5;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            // Hard
            availability(f), timeOff(f), weeklyHoursMax(f), weeklyHoursMin(f), shiftLengthAndStart(f),
            minimumRest(f), restAfterPublishedSchedule(f), maxConsecutiveDays(f), maxDaysPerWeek(f),
            breaksAndLunch(f), trainingHoursMax(f), seatsPerSite(f), skillForChannel(f),
            // Medium (cover mode)
            lateContacts(f), lateContactsAvoided(f),
            // Soft
            lateContactsPriced(f), lateContactsPricedAvoided(f), wages(f), overtime(f), onDemandPremium(f),
            developmentTraining(f), trainingBeyondGoal(f), trainingInTroughs(f), hybridAtHome(f), similarStartTimes(f),
            unpopularShiftsShare(f), publishedDayChanged(f), publishedDayChangedPriced(f)
        };
    }

    private static UniConstraintStream<AgentDay> shifts(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AgentDay.class).filter(AgentDay::assigned);
    }

    /** Coverage per demand bucket; only built in the objective mode asked for, so it is computed once. */
    private static BiConstraintStream<Demand, Long> coverage(ConstraintFactory f, boolean cover) {
        return shifts(f).filter(d -> d.getCtx().cover() == cover).flattenLast(AgentDay::workSlots)
                .groupBy(WorkSlot::demand, sumLong(WorkSlot::milliMinutes));
    }

    // Hard

    Constraint availability(ConstraintFactory f) {
        return shifts(f).filter(d -> d.unavailableMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::unavailableMinutes)
                .asConstraint("Shift within the agent's availability");
    }

    Constraint timeOff(ConstraintFactory f) {
        return shifts(f).filter(d -> d.timeOffMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::timeOffMinutes)
                .asConstraint("No shift during time off");
    }

    Constraint weeklyHoursMax(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getWeek, sum(AgentDay::paidMinutes))
                .filter((w, m) -> m > w.maxMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, m) -> m - w.maxMinutes())
                .asConstraint("Weekly hours at most the contract's");
    }

    Constraint weeklyHoursMin(ConstraintFactory f) {
        // From every agent-day, off days included, so an agent with no shift in a week still forms a group.
        return f.forEachIncludingNullVars(AgentDay.class).groupBy(AgentDay::getWeek, sum(AgentDay::paidMinutes))
                .filter((w, m) -> m < w.minMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, m) -> w.minMinutes() - m)
                .asConstraint("Weekly hours at least the contract's");
    }

    Constraint shiftLengthAndStart(ConstraintFactory f) {
        return shifts(f).filter(d -> d.shiftRuleBreaks() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::shiftRuleBreaks)
                .asConstraint("Allowed shift length and start step");
    }

    Constraint minimumRest(ConstraintFactory f) {
        return shifts(f).join(shifts(f), Joiners.equal(AgentDay::getPlan), Joiners.lessThan(AgentDay::getDay))
                .filter((a, b) -> restMissing(a, b) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, ScheduleConstraintProvider::restMissing)
                .asConstraint("Minimum rest between shifts");
    }

    static long restMissing(AgentDay a, AgentDay b) {
        long need = Math.round(a.rules().shifts().minRestHours() * 60);
        return Math.max(0, a.end() + need - b.start());
    }

    Constraint restAfterPublishedSchedule(ConstraintFactory f) {
        return shifts(f).filter(d -> d.restMissingAfterPrior() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::restMissingAfterPrior)
                .asConstraint("Minimum rest after the published schedule");
    }

    Constraint maxConsecutiveDays(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getPlan, toList())
                .filter((p, days) -> excessConsecutive(p, days) > 0)
                .penalizeLong(DAY_BEYOND_LIMIT, ScheduleConstraintProvider::excessConsecutive)
                .asConstraint("Maximum consecutive working days");
    }

    /** Days worked beyond the limit in every run, counting the published run that reaches into day 0. */
    static long excessConsecutive(AgentPlan p, List<AgentDay> days) {
        int max = days.get(0).rules().shifts().maxConsecutiveDays();
        boolean[] worked = new boolean[days.get(0).getCtx().days()];
        days.forEach(d -> worked[d.getDay()] = true);
        long excess = 0;
        int run = p.priorRunDays();
        for (boolean w : worked) {
            run = w ? run + 1 : 0;
            if (run > max) {
                excess++;
            }
        }
        return excess;
    }

    Constraint maxDaysPerWeek(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getWeek, count())
                .filter((w, n) -> n > w.maxDays())
                .penalizeLong(DAY_BEYOND_LIMIT, (w, n) -> n - w.maxDays())
                .asConstraint("Maximum days per week");
    }

    Constraint breaksAndLunch(ConstraintFactory f) {
        return shifts(f).filter(AgentDay::breaksBroken)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, d -> 1L)
                .asConstraint("Breaks and lunch by the rules");
    }

    Constraint trainingHoursMax(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .groupBy(AgentDay::getWeek, sum(AgentDay::trainingMinutes))
                .filter((w, m) -> m > w.trainingMaxMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, m) -> m - w.trainingMaxMinutes())
                .asConstraint("Training hours at most the weekly maximum");
    }

    Constraint seatsPerSite(ConstraintFactory f) {
        return shifts(f).flattenLast(AgentDay::seatKeys).groupBy(k -> k, count())
                .filter((k, n) -> n > k.seats())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (SeatKey k, Integer n) -> n - k.seats())
                .asConstraint("Seats per site");
    }

    Constraint skillForChannel(ConstraintFactory f) {
        return shifts(f).filter(d -> d.unskilledMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::unskilledMinutes)
                .asConstraint("Skill for the channel worked");
    }

    // Medium: service in cover mode (milli-contacts late beyond the requirement)

    Constraint lateContacts(ConstraintFactory f) {
        return f.forEach(Demand.class).filter(Demand::cover)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, d -> d.penalty(0))
                .asConstraint("Late contacts with nobody scheduled");
    }

    Constraint lateContactsAvoided(ConstraintFactory f) {
        return coverage(f, true)
                .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM, (d, m) -> d.penalty(0) - d.penalty(m))
                .asConstraint("Late contacts avoided by the staff scheduled");
    }

    // Soft

    Constraint lateContactsPriced(ConstraintFactory f) {
        return f.forEach(Demand.class).filter(d -> !d.cover())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> d.penalty(0))
                .asConstraint("Late contacts with nobody scheduled, priced");
    }

    Constraint lateContactsPricedAvoided(ConstraintFactory f) {
        return coverage(f, false)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, (d, m) -> d.penalty(0) - d.penalty(m))
                .asConstraint("Late contacts avoided by the staff scheduled, priced");
    }

    Constraint wages(ConstraintFactory f) {
        return shifts(f).penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::wageCents)
                .asConstraint("Wages");
    }

    Constraint overtime(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getWeek, sum(AgentDay::paidMinutes))
                .filter((w, m) -> m > w.overtimeAfterMinutes())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, ScheduleConstraintProvider::overtimeCents)
                .asConstraint("Overtime");
    }

    static long overtimeCents(AgentWeek w, int paidMinutes) {
        double extra = w.plan().agent().hourlyCost() * 100.0 / 60.0 * w.overtimeExtra();
        return Math.round((paidMinutes - w.overtimeAfterMinutes()) * extra);
    }

    Constraint onDemandPremium(ConstraintFactory f) {
        return shifts(f).filter(d -> d.getPlan().onDemand())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::onDemandPremiumCents)
                .asConstraint("On-demand premium");
    }

    Constraint developmentTraining(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .groupBy(AgentDay::getPlan, AgentDay::trainingChannel, sum(AgentDay::trainingMinutes))
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, ScheduleConstraintProvider::trainingValueCents)
                .asConstraint("Training toward development goals");
    }

    /** Training up to the goal is worth half the agent's wage. */
    static long trainingValueCents(AgentPlan p, String channel, int minutes) {
        return Math.round(Math.min(minutes, p.goalMinutes(channel)) * centsPerMinute(p) * TRAINING_VALUE);
    }

    Constraint trainingBeyondGoal(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .groupBy(AgentDay::getPlan, AgentDay::trainingChannel, sum(AgentDay::trainingMinutes))
                .filter((p, ch, m) -> m > p.goalMinutes(ch))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        (p, ch, m) -> Math.round((m - p.goalMinutes(ch)) * centsPerMinute(p)))
                .asConstraint("No training beyond the goal");
    }

    private static double centsPerMinute(AgentPlan p) {
        return p.agent().hourlyCost() * 100.0 / 60.0;
    }

    Constraint trainingInTroughs(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::trainingTroughCents)
                .asConstraint("Training in troughs");
    }

    Constraint hybridAtHome(ConstraintFactory f) {
        return shifts(f).filter(d -> d.getPlan().agent().workMode() == WorkMode.HYBRID && d.atHome())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> 1L)
                .asConstraint("Hybrid agents on site unless seats are short");
    }

    Constraint similarStartTimes(ConstraintFactory f) {
        return shifts(f).join(shifts(f), Joiners.equal(AgentDay::getPlan),
                        Joiners.equal(d -> d.getDay() + 1, AgentDay::getDay))
                .filter((a, b) -> startDifference(a, b) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        (a, b) -> startDifference(a, b) * START_DIFF_CENTS_PER_MINUTE)
                .asConstraint("Similar start times across days");
    }

    static long startDifference(AgentDay a, AgentDay b) {
        int d = Math.abs(a.getPattern().startMinute() - b.getPattern().startMinute());
        return Math.min(d, 1440 - d);
    }

    Constraint unpopularShiftsShare(ConstraintFactory f) {
        return shifts(f).filter(AgentDay::unpopular).groupBy(AgentDay::getPlan, count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (p, n) -> (long) n * n * UNPOPULAR_CENTS)
                .asConstraint("Fair share of unpopular shifts");
    }

    // Replanning: a changed published day costs rules.yaml's replan.change_cost in the level service is scored in,
    // so it is traded against the late contacts it saves (cover) or against money (balance), never dominated.

    Constraint publishedDayChanged(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AgentDay.class).filter(d -> d.getCtx().cover() && d.changedFromPublished())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, d -> d.getCtx().changePenalty())
                .asConstraint("Published days kept");
    }

    Constraint publishedDayChangedPriced(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AgentDay.class).filter(d -> !d.getCtx().cover() && d.changedFromPublished())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> d.getCtx().changePenalty())
                .asConstraint("Published days kept, priced");
    }
}
