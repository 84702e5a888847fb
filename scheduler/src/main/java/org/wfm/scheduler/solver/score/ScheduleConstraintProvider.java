package org.wfm.scheduler.solver.score;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;

import java.util.List;
import java.util.function.Predicate;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;
import org.wfm.scheduler.domain.Preference;
import org.wfm.scheduler.domain.WorkMode;
import org.wfm.scheduler.solver.model.AgentDay;
import org.wfm.scheduler.solver.model.AgentPlan;
import org.wfm.scheduler.solver.model.AgentWeek;
import org.wfm.scheduler.solver.model.ConstraintName;
import org.wfm.scheduler.solver.model.ContractRules;
import org.wfm.scheduler.solver.model.FairnessRules;
import org.wfm.scheduler.solver.model.Demand;
import org.wfm.scheduler.solver.model.PayRules;
import org.wfm.scheduler.solver.model.SeatHold;
import org.wfm.scheduler.solver.model.SeatKey;
import org.wfm.scheduler.solver.model.SeatRules;
import org.wfm.scheduler.solver.model.WorkSlot;

/**
 * The scheduling rules as constraint streams. Penalties are in natural units: hard in minutes (or counts) of
 * a rule broken, a day beyond a day limit weighing a whole day of minutes, medium in milli-contacts answered
 * late beyond the requirement ({@code cover} mode), soft in cents. Beside the late contacts, starved intervals
 * pay their shortfall squared in the same units ({@link Demand#starvation}), so a short week is spread over
 * channels instead of emptying one peak. Both are scored as "what nobody scheduled would lose" minus "what the
 * staff present saves", because a grouping gives no group to an interval nobody works.
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

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            // Hard
            availability(f), timeOff(f), weeklyHoursMax(f), weeklyHoursMin(f), shiftLengthAndStart(f),
            minimumRest(f), restAfterPublishedSchedule(f), maxConsecutiveDays(f), maxDaysPerWeek(f),
            breaksAndLunch(f), trainingHoursMax(f), seatsPerSite(f), skillForChannel(f), patternDaysOff(f),
            // Medium (cover mode)
            lateContacts(f), lateContactsAvoided(f), starvedIntervals(f), starvedIntervalsRelieved(f),
            // Soft
            lateContactsPriced(f), lateContactsPricedAvoided(f), starvedIntervalsPriced(f),
            starvedIntervalsPricedRelieved(f), wages(f), overtime(f), onDemandPremium(f),
            developmentTraining(f), trainingBeyondGoal(f), trainingInTroughs(f), hybridAtHome(f), similarStartTimes(f),
            unpopularShiftsShare(f), publishedDayChanged(f), publishedDayChangedPriced(f),
            preferredShiftTimes(f), avoidedTimesFree(f), requestedDaysOff(f), patternDaysOffPriced(f),
            fairWeekends(f), fairLateShifts(f)
        };
    }

    private static UniConstraintStream<AgentDay> shifts(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AgentDay.class).filter(AgentDay::assigned);
    }

    private static final Predicate<AgentDay> IN_COVER_MODE = d -> d.getCtx().cover();
    private static final Predicate<AgentDay> IN_BALANCE_MODE = d -> !d.getCtx().cover();

    /**
     * Coverage per demand bucket; only built in the objective mode asked for, so it is computed once. The filters
     * are shared instances so the late-contact and starved-interval constraints share one grouping (Bavet shares
     * equal streams, and a capturing lambda is a new object each call).
     */
    private static BiConstraintStream<Demand, Long> coverage(ConstraintFactory f, boolean cover) {
        return shifts(f).filter(cover ? IN_COVER_MODE : IN_BALANCE_MODE).flattenLast(AgentDay::workSlots)
                .groupBy(WorkSlot::demand, sumLong(WorkSlot::milliMinutes));
    }


    // Hard

    Constraint availability(ConstraintFactory f) {
        return shifts(f).filter(d -> d.unavailableMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::unavailableMinutes)
                .asConstraint(ConstraintName.AVAILABILITY.phrase());
    }

    Constraint timeOff(ConstraintFactory f) {
        return shifts(f).filter(d -> d.timeOffMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::timeOffMinutes)
                .asConstraint(ConstraintName.TIME_OFF.phrase());
    }

    Constraint weeklyHoursMax(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getWeek, sum(AgentDay::paidMinutes))
                .filter((w, m) -> ContractRules.minutesOverMaximum(m, w) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, m) -> ContractRules.minutesOverMaximum(m, w))
                .asConstraint(ConstraintName.WEEKLY_HOURS_MAX.phrase());
    }

    Constraint weeklyHoursMin(ConstraintFactory f) {
        // From every agent-day, off days included, so an agent with no shift in a week still forms a group.
        return f.forEachIncludingNullVars(AgentDay.class).groupBy(AgentDay::getWeek, sum(AgentDay::paidMinutes))
                .filter((w, m) -> ContractRules.minutesUnderMinimum(m, w) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, m) -> ContractRules.minutesUnderMinimum(m, w))
                .asConstraint(ConstraintName.WEEKLY_HOURS_MIN.phrase());
    }

    Constraint shiftLengthAndStart(ConstraintFactory f) {
        return shifts(f).filter(d -> d.shiftRuleBreaks() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::shiftRuleBreaks)
                .asConstraint(ConstraintName.SHIFT_LENGTH_AND_START.phrase());
    }

    Constraint minimumRest(ConstraintFactory f) {
        return shifts(f).join(shifts(f), Joiners.equal(AgentDay::getPlan), Joiners.lessThan(AgentDay::getDay))
                .filter((a, b) -> restMissing(a, b) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, ScheduleConstraintProvider::restMissing)
                .asConstraint(ConstraintName.MINIMUM_REST.phrase());
    }

    static long restMissing(AgentDay a, AgentDay b) {
        return ContractRules.restMissing(a.end(), b.start(), a.rules().shifts());
    }

    Constraint restAfterPublishedSchedule(ConstraintFactory f) {
        return shifts(f).filter(d -> d.restMissingAfterPrior() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::restMissingAfterPrior)
                .asConstraint(ConstraintName.REST_AFTER_PUBLISHED.phrase());
    }

    Constraint maxConsecutiveDays(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getPlan, toList())
                .filter((p, days) -> excessConsecutive(p, days) > 0)
                .penalizeLong(DAY_BEYOND_LIMIT, ScheduleConstraintProvider::excessConsecutive)
                .asConstraint(ConstraintName.MAX_CONSECUTIVE_DAYS.phrase());
    }

    /** Days worked beyond the limit in every run, counting the published run that reaches into day 0. */
    static long excessConsecutive(AgentPlan p, List<AgentDay> days) {
        boolean[] worked = new boolean[days.get(0).getCtx().days()];
        days.forEach(d -> worked[d.getDay()] = true);
        return ContractRules.daysBeyondConsecutive(worked, p.priorRunDays(), days.get(0).rules().shifts());
    }

    Constraint maxDaysPerWeek(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getWeek, count())
                .filter((w, n) -> ContractRules.daysBeyond(n, w) > 0)
                .penalizeLong(DAY_BEYOND_LIMIT, (w, n) -> ContractRules.daysBeyond(n, w))
                .asConstraint(ConstraintName.MAX_DAYS_PER_WEEK.phrase());
    }

    Constraint breaksAndLunch(ConstraintFactory f) {
        return shifts(f).filter(AgentDay::breaksBroken)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, d -> 1L)
                .asConstraint(ConstraintName.BREAKS_AND_LUNCH.phrase());
    }

    Constraint trainingHoursMax(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .groupBy(AgentDay::getWeek, sum(AgentDay::trainingMinutes))
                .filter((w, m) -> ContractRules.trainingOverMaximum(m, w) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, m) -> ContractRules.trainingOverMaximum(m, w))
                .asConstraint(ConstraintName.TRAINING_HOURS_MAX.phrase());
    }

    Constraint seatsPerSite(ConstraintFactory f) {
        return shifts(f).flattenLast(AgentDay::seatHolds).groupBy(SeatHold::seat, countDistinct(SeatHold::agent))
                .filter((k, n) -> SeatRules.agentsOver(n, k.seats()) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (SeatKey k, Integer n) -> SeatRules.agentsOver(n, k.seats()))
                .asConstraint(ConstraintName.SEATS_PER_SITE.phrase());
    }

    Constraint skillForChannel(ConstraintFactory f) {
        return shifts(f).filter(d -> d.unskilledMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::unskilledMinutes)
                .asConstraint(ConstraintName.SKILL_FOR_CHANNEL.phrase());
    }

    Constraint patternDaysOff(ConstraintFactory f) {
        return shifts(f).filter(d -> d.patternDayOffMinutes() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, AgentDay::patternDayOffMinutes)
                .asConstraint(ConstraintName.PATTERN_DAYS_OFF.phrase());
    }

    // Medium: service in cover mode (milli-contacts late beyond the requirement)

    Constraint lateContacts(ConstraintFactory f) {
        return f.forEach(Demand.class).filter(Demand::cover)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, d -> d.latePenalty(0))
                .asConstraint(ConstraintName.LATE_CONTACTS.phrase());
    }

    Constraint lateContactsAvoided(ConstraintFactory f) {
        return coverage(f, true)
                .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM, (d, m) -> d.latePenalty(0) - d.latePenalty(m))
                .asConstraint(ConstraintName.LATE_CONTACTS_AVOIDED.phrase());
    }

    /** The shortfall squared (see {@link Demand#starvation}): a starved peak costs more than spread thin cover. */
    Constraint starvedIntervals(ConstraintFactory f) {
        return f.forEach(Demand.class).filter(Demand::cover)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, d -> d.starvationPenalty(0))
                .asConstraint(ConstraintName.STARVED_INTERVALS.phrase());
    }

    Constraint starvedIntervalsRelieved(ConstraintFactory f) {
        return coverage(f, true)
                .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        (d, m) -> d.starvationPenalty(0) - d.starvationPenalty(m))
                .asConstraint(ConstraintName.STARVED_INTERVALS_RELIEVED.phrase());
    }

    // Soft

    Constraint lateContactsPriced(ConstraintFactory f) {
        return f.forEach(Demand.class).filter(d -> !d.cover())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> d.latePenalty(0))
                .asConstraint(ConstraintName.LATE_CONTACTS_PRICED.phrase());
    }

    Constraint lateContactsPricedAvoided(ConstraintFactory f) {
        return coverage(f, false)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, (d, m) -> d.latePenalty(0) - d.latePenalty(m))
                .asConstraint(ConstraintName.LATE_CONTACTS_PRICED_AVOIDED.phrase());
    }

    Constraint starvedIntervalsPriced(ConstraintFactory f) {
        return f.forEach(Demand.class).filter(d -> !d.cover())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> d.starvationPenalty(0))
                .asConstraint(ConstraintName.STARVED_INTERVALS_PRICED.phrase());
    }

    Constraint starvedIntervalsPricedRelieved(ConstraintFactory f) {
        return coverage(f, false)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, (d, m) -> d.starvationPenalty(0) - d.starvationPenalty(m))
                .asConstraint(ConstraintName.STARVED_INTERVALS_PRICED_RELIEVED.phrase());
    }

    Constraint wages(ConstraintFactory f) {
        return shifts(f).penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::wageCents)
                .asConstraint(ConstraintName.WAGES.phrase());
    }

    Constraint overtime(ConstraintFactory f) {
        return shifts(f).groupBy(AgentDay::getWeek, sum(AgentDay::paidMinutes))
                .filter((w, m) -> PayRules.overtimeMinutes(m, w.overtimeAfterMinutes()) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, ScheduleConstraintProvider::overtimeCents)
                .asConstraint(ConstraintName.OVERTIME.phrase());
    }

    static long overtimeCents(AgentWeek w, int paidMinutes) {
        return PayRules.overtimeCents(PayRules.overtimeMinutes(paidMinutes, w.overtimeAfterMinutes()),
                w.plan().agent().hourlyCost(), w.overtimeExtra());
    }

    Constraint onDemandPremium(ConstraintFactory f) {
        return shifts(f).filter(d -> d.getPlan().onDemand())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::onDemandPremiumCents)
                .asConstraint(ConstraintName.ON_DEMAND_PREMIUM.phrase());
    }

    Constraint developmentTraining(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .groupBy(AgentDay::getPlan, AgentDay::trainingChannel, sum(AgentDay::trainingMinutes))
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, ScheduleConstraintProvider::trainingValueCents)
                .asConstraint(ConstraintName.DEVELOPMENT_TRAINING.phrase());
    }

    static long trainingValueCents(AgentPlan p, String channel, int minutes) {
        return PayRules.trainingValueCents(minutes, p.goalMinutes(channel), p.agent().hourlyCost());
    }

    Constraint trainingBeyondGoal(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .groupBy(AgentDay::getPlan, AgentDay::trainingChannel, sum(AgentDay::trainingMinutes))
                .filter((p, ch, m) -> m > p.goalMinutes(ch))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        (p, ch, m) -> PayRules.trainingBeyondGoalCents(m, p.goalMinutes(ch), p.agent().hourlyCost()))
                .asConstraint(ConstraintName.TRAINING_BEYOND_GOAL.phrase());
    }

    Constraint trainingInTroughs(ConstraintFactory f) {
        return shifts(f).filter(d -> d.trainingMinutes() > 0)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::trainingTroughCents)
                .asConstraint(ConstraintName.TRAINING_IN_TROUGHS.phrase());
    }

    Constraint hybridAtHome(ConstraintFactory f) {
        return shifts(f).filter(d -> d.getPlan().agent().workMode() == WorkMode.HYBRID && d.atHome())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> 1L)
                .asConstraint(ConstraintName.HYBRID_AT_HOME.phrase());
    }

    Constraint similarStartTimes(ConstraintFactory f) {
        return shifts(f).join(shifts(f), Joiners.equal(AgentDay::getPlan),
                        Joiners.equal(d -> d.getDay() + 1, AgentDay::getDay))
                .filter((a, b) -> startDifference(a, b) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        (a, b) -> startDifference(a, b) * START_DIFF_CENTS_PER_MINUTE)
                .asConstraint(ConstraintName.SIMILAR_START_TIMES.phrase());
    }

    static long startDifference(AgentDay a, AgentDay b) {
        int d = Math.abs(a.getPattern().startMinute() - b.getPattern().startMinute());
        return Math.min(d, 1440 - d);
    }

    Constraint unpopularShiftsShare(ConstraintFactory f) {
        return shifts(f).filter(AgentDay::unpopular).groupBy(AgentDay::getPlan, count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (p, n) -> (long) n * n * UNPOPULAR_CENTS)
                .asConstraint(ConstraintName.UNPOPULAR_SHIFTS_SHARE.phrase());
    }

    // Replanning: a changed published day costs rules.yaml's replan.change_cost in the level service is scored in,
    // so it is traded against the late contacts it saves (cover) or against money (balance), never dominated.

    Constraint publishedDayChanged(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AgentDay.class).filter(d -> d.getCtx().cover() && d.changedFromPublished())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, d -> d.getCtx().changePenalty())
                .asConstraint(ConstraintName.PUBLISHED_DAY_CHANGED.phrase());
    }

    Constraint publishedDayChangedPriced(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AgentDay.class).filter(d -> !d.getCtx().cover() && d.changedFromPublished())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> d.getCtx().changePenalty())
                .asConstraint(ConstraintName.PUBLISHED_DAY_CHANGED_PRICED.phrase());
    }

    // Agents' preferences (preferences.csv): priced in cents like wages, by PreferenceRules, which the evaluator
    // also calls to count the preferences met.

    Constraint preferredShiftTimes(ConstraintFactory f) {
        return preference(f, Preference.Kind.PREFER, ConstraintName.PREFERRED_SHIFT_TIMES);
    }

    Constraint avoidedTimesFree(ConstraintFactory f) {
        return preference(f, Preference.Kind.AVOID, ConstraintName.AVOIDED_TIMES_FREE);
    }

    Constraint requestedDaysOff(ConstraintFactory f) {
        return preference(f, Preference.Kind.DAY_OFF, ConstraintName.REQUESTED_DAYS_OFF);
    }

    private static Constraint preference(ConstraintFactory f, Preference.Kind kind, ConstraintName name) {
        return shifts(f).filter(d -> d.preferenceCents(kind) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, d -> d.preferenceCents(kind))
                .asConstraint(name.phrase());
    }

    // Patterns and fairness (rules.yaml patterns: and fairness:), by PatternRules and FairnessRules.

    Constraint patternDaysOffPriced(ConstraintFactory f) {
        return shifts(f).filter(d -> d.patternDayOffCents() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AgentDay::patternDayOffCents)
                .asConstraint(ConstraintName.PATTERN_DAYS_OFF_PRICED.phrase());
    }

    Constraint fairWeekends(ConstraintFactory f) {
        return shifts(f).filter(AgentDay::weekendWorked)
                .groupBy(AgentDay::getPlan, d -> d.rules().fairness(), count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        (p, fair, n) -> FairnessRules.cents(fair.weekendPrice(), p.carriedWeekendDays(), n))
                .asConstraint(ConstraintName.FAIR_WEEKENDS.phrase());
    }

    Constraint fairLateShifts(ConstraintFactory f) {
        return shifts(f).filter(AgentDay::lateShift)
                .groupBy(AgentDay::getPlan, d -> d.rules().fairness(), count())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        (p, fair, n) -> FairnessRules.cents(fair.latePrice(), p.carriedLateShifts(), n))
                .asConstraint(ConstraintName.FAIR_LATE_SHIFTS.phrase());
    }
}
