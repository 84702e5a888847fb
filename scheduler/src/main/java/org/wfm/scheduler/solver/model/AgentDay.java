package org.wfm.scheduler.solver.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;
import org.wfm.scheduler.domain.Rules;

/**
 * The planning entity: one agent on one day. The shift is a reference to a precomputed {@link ShiftPattern}
 * (null = day off); a multi-skilled agent is booked on {@code channel} until the pattern's split point, on
 * {@code secondChannel} after it and on {@code thirdChannel} from the pattern's late split point (the last pause
 * after the split, where blocks of at least half an hour allow it: {@link ShiftPattern#lateSplitOffset}), one
 * planning variable per block so a move changes one block at a time (activity changes only at pauses and with a
 * minimum activity length, as in multi-activity shift scheduling: Côté, Gendron and Rousseau, Grammar-based integer
 * programming models for multiactivity shift scheduling, Management Science 57(1), 2011); the agent works another
 * of their channels where the booked one has no demand ({@link ChannelRedirect}). {@code training} optionally
 * turns one block into training; {@code home} says where a hybrid agent works. Value ranges are per entity so availability and time off are excluded
 * up front and moves stay legal.
 */
@PlanningEntity
public class AgentDay implements Cloneable {
    @PlanningId
    private String id;
    private AgentPlan plan;
    private AgentWeek week;
    private int day;
    private LocalDate date;
    private PlanContext ctx;
    private PublishedDay published;
    private List<ShiftPattern> patternRange;
    private List<Boolean> homeRange;
    /** The agent's preferences about this day ({@link PreferenceRules}); empty when none. */
    private List<PreferenceRules.Wish> wishes = List.of();
    /** The patterns giving the agent this day off ({@link PatternRules}); empty when none. */
    private List<org.wfm.scheduler.domain.Rules.Pattern> patternsOff = List.of();
    /**
     * A published day inside the replan's frozen window that can still be worked as published: its values are
     * set by {@link ProblemBuilder} and no phase or move changes them.
     */
    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "patternRange", nullable = true)
    private ShiftPattern pattern;
    @PlanningVariable(valueRangeProviderRefs = "channelRange")
    private String channel;
    @PlanningVariable(valueRangeProviderRefs = "channelRange")
    private String secondChannel;
    @PlanningVariable(valueRangeProviderRefs = "channelRange")
    private String thirdChannel;
    @PlanningVariable(valueRangeProviderRefs = "trainingRange", nullable = true)
    private TrainingSlot training;
    @PlanningVariable(valueRangeProviderRefs = "homeRange")
    private Boolean home;

    // Derived lists are asked for by several constraints per move: keep the last ones with what they came from.
    private Object[] blocksKey;
    private List<int[]> blocksCache;
    private Object[] slotsKey;
    private List<WorkSlot> slotsCache;

    public AgentDay() {
    }

    public AgentDay(AgentPlan plan, AgentWeek week, int day, PlanContext ctx, List<ShiftPattern> patternRange,
                    List<Boolean> homeRange, PublishedDay published) {
        this.id = plan.id() + "/" + day;
        this.plan = plan;
        this.week = week;
        this.day = day;
        this.date = ctx.start().plusDays(day);
        this.ctx = ctx;
        this.patternRange = patternRange;
        this.homeRange = homeRange;
        this.published = published;
        this.channel = plan.channels().get(0);
        this.secondChannel = this.channel;
        this.thirdChannel = this.channel;
        this.home = homeRange.get(0);
    }

    /**
     * A copy for the solver's best-solution clones ({@link ScheduleCloner}): every field shallow, which is what
     * OptaPlanner's reflective cloner does for this class (no field holds a planning entity), so a field added here
     * is copied without further code; the derived caches are keyed by the variables, so sharing them is safe.
     */
    AgentDay copy() {
        try {
            return (AgentDay) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @ValueRangeProvider(id = "patternRange")
    public List<ShiftPattern> getPatternRange() {
        return patternRange;
    }

    @ValueRangeProvider(id = "channelRange")
    public List<String> getChannelRange() {
        return plan.channels();
    }

    @ValueRangeProvider(id = "trainingRange")
    public List<TrainingSlot> getTrainingRange() {
        return plan.trainings();
    }

    @ValueRangeProvider(id = "homeRange")
    public List<Boolean> getHomeRange() {
        return homeRange;
    }

    // ---- derived figures used by the constraints, the construction and the row writer ----

    public boolean assigned() {
        return pattern != null;
    }

    public int start() {
        return day * 1440 + pattern.startMinute();
    }

    public int end() {
        return day * 1440 + pattern.endMinute();
    }

    public int paidMinutes() {
        return pattern == null ? 0 : pattern.paidMinutes();
    }

    public Rules rules() {
        return ctx.rules();
    }

    /** Offset of the training block in the shift, or -1 when none is scheduled or it does not fit. */
    public int trainingOffset() {
        return trainingOffset(pattern);
    }

    private int trainingOffset(ShiftPattern p) {
        if (p == null || training == null) {
            return -1;
        }
        return p.trainingOffset(ctx.rules().training().blockMinutes(), training.atEnd(), training.segment());
    }

    public int trainingMinutes() {
        return trainingMinutesWith(pattern);
    }

    /** Training minutes of this day's training slot if the agent worked {@code p} (0 for null or no room). */
    public int trainingMinutesWith(ShiftPattern p) {
        return trainingOffset(p) < 0 ? 0 : ctx.rules().training().blockMinutes();
    }

    public String trainingChannel() {
        return trainingOffset() < 0 ? null : training.channel();
    }

    /**
     * The channel booked at {@code offset}: the first until the split point, the second until the late split point,
     * then the third.
     */
    public String channelAt(int offset) {
        return offset < pattern.splitOffset() ? channel : offset < pattern.lateSplitOffset() ? secondChannel
                : thirdChannel;
    }

    /**
     * Work and training blocks as {from, to, isTraining(0/1), channel index} (offsets from the shift's start;
     * the channel in the plan's channel order, -1 for training), in time order, pauses excluded. A work block's
     * channel is the booked one ({@link #channelAt}) except where {@link ChannelRedirect} moves the agent to
     * another of their channels because the booked one has no demand there.
     */
    public List<int[]> blocks() {
        if (pattern == null) {
            return List.of();
        }
        Object[] key = {pattern, channel, secondChannel, thirdChannel, training};
        if (blocksCache != null && java.util.Arrays.equals(key, blocksKey)) {
            return blocksCache;
        }
        blocksCache = computeBlocks();
        blocksKey = key;
        return blocksCache;
    }

    private List<int[]> computeBlocks() {
        int t = trainingOffset();
        int tEnd = t < 0 ? -1 : t + ctx.rules().training().blockMinutes();
        int split = channel.equals(secondChannel) ? Integer.MAX_VALUE : pattern.splitOffset();
        int lateSplit = secondChannel.equals(thirdChannel) ? Integer.MAX_VALUE : pattern.lateSplitOffset();
        List<int[]> out = new ArrayList<>();
        int base = start();
        for (int[] s : pattern.workSegments()) {
            int[] cuts = {s[0], t, tEnd, split, lateSplit, s[1]};
            java.util.Arrays.sort(cuts);
            int prev = s[0];
            for (int c : cuts) {
                if (c > prev && c <= s[1]) {
                    if (t >= 0 && prev >= t && c <= tEnd) {
                        out.add(new int[] {prev, c, 1, -1});
                    } else {
                        int booked = ctx.channelIndex(channelAt(prev));
                        for (int[] p : ChannelRedirect.pieces(ctx, plan, booked, base + prev, base + c)) {
                            out.add(new int[] {p[0] - base, p[1] - base, 0, p[2]});
                        }
                    }
                    prev = c;
                }
            }
        }
        return out;
    }

    /** Coverage this day gives: weighted agent-minutes per demand bucket, merged per bucket run. */
    public List<WorkSlot> workSlots() {
        if (pattern == null) {
            return Collections.emptyList();
        }
        Object[] key = {pattern, channel, secondChannel, thirdChannel, training};
        if (slotsCache != null && java.util.Arrays.equals(key, slotsKey)) {
            return slotsCache;
        }
        slotsCache = computeWorkSlots();
        slotsKey = key;
        return slotsCache;
    }

    private List<WorkSlot> computeWorkSlots() {
        List<WorkSlot> out = new ArrayList<>();
        visitWorkSlots((d, milliMinutes) -> out.add(new WorkSlot(d, milliMinutes)));
        return out;
    }

    /** Receives the slots of {@link #visitWorkSlots} one by one. */
    @FunctionalInterface
    public interface SlotVisitor {
        void slot(Demand demand, long milliMinutes);
    }

    /**
     * The coverage this day gives, as {@link #workSlots()} lists it, handed to {@code v} slot by slot without building
     * the list (the construction values thousands of candidate shifts per agent this way).
     */
    public void visitWorkSlots(SlotVisitor v) {
        if (pattern == null) {
            return;
        }
        int im = ctx.intervalMinutes();
        int base = start();
        Demand last = null;
        long acc = 0;
        for (int[] b : blocks()) {
            if (b[2] == 1) {
                continue;
            }
            int ci = b[3];
            String ch = ctx.channels().get(ci);
            long prof = Math.round(plan.agent().proficiency(ch) * 1000);
            if (prof <= 0) {
                continue;
            }
            int from = base + b[0];
            int to = base + b[1];
            for (int i = Math.floorDiv(from, im); i * im < to; i++) {
                int overlap = Math.min(to, (i + 1) * im) - Math.max(from, i * im);
                Demand d = ctx.bucket(ci, i);
                if (d != last) {
                    if (last != null && acc > 0) {
                        v.slot(last, acc);
                    }
                    last = d;
                    acc = 0;
                }
                acc += overlap * prof;
            }
        }
        if (last != null && acc > 0) {
            v.slot(last, acc);
        }
    }

    /** Seats held ({@link SeatRules}), only at sites whose seats can run short. */
    public List<SeatHold> seatHolds() {
        if (pattern == null) {
            return Collections.emptyList();
        }
        Integer seats = SeatRules.seatsAt(location(), ctx.rules());
        if (seats == null || !ctx.seatsCanRunShort(plan.site())) {
            return Collections.emptyList();
        }
        int im = ctx.intervalMinutes();
        List<SeatHold> out = new ArrayList<>();
        for (int i = SeatRules.firstInterval(start(), im); i < SeatRules.endInterval(end(), im); i++) {
            out.add(new SeatHold(new SeatKey(plan.site(), seats, i), plan.index()));
        }
        return out;
    }

    /** Minutes of the shift outside the agent's available days and window. */
    public int unavailableMinutes() {
        if (pattern == null) {
            return 0;
        }
        return AgentRules.minutesOutside(plan.agent(), date.getDayOfWeek(), pattern.startMinute(),
                pattern.lengthMinutes());
    }

    public int timeOffMinutes() {
        return pattern == null ? 0 : plan.offOverlap(start(), end());
    }

    /** 1 per broken shift rule: length not allowed, start off the step. */
    public int shiftRuleBreaks() {
        if (pattern == null) {
            return 0;
        }
        return ShiftRules.shapeBreaks(ctx.rules().shifts(), pattern.startMinute(), pattern.lengthMinutes());
    }

    public boolean breaksBroken() {
        return pattern != null
                && ShiftRules.breakProblem(ctx.rules().breaks(), pattern.lengthMinutes(), pattern.pauses()) != null;
    }

    /** Minutes worked on a channel the agent has no skill for. */
    public int unskilledMinutes() {
        int sum = 0;
        for (int[] b : blocks()) {
            String ch = b[2] == 1 ? training.channel() : ctx.channels().get(b[3]);
            if (b[2] == 0 && !AgentRules.skilled(plan.agent(), ch)) {
                sum += b[1] - b[0];
            }
        }
        return sum;
    }

    /** Rest missing after the published schedule's last shift before the horizon. */
    public int restMissingAfterPrior() {
        if (pattern == null || plan.priorLastEnd() == null) {
            return 0;
        }
        return ContractRules.restMissing(plan.priorLastEnd(), start(), ctx.rules().shifts());
    }

    public long wageCents() {
        return wageCents(pattern);
    }

    /** The wage of this agent working {@code p} (0 for null). */
    public long wageCents(ShiftPattern p) {
        return p == null ? 0 : PayRules.wageCents(p.paidMinutes(), plan.agent().hourlyCost());
    }

    public long onDemandPremiumCents() {
        return onDemandPremiumCents(pattern);
    }

    /** The on-demand premium of this agent working {@code p} (0 for contract agents and for null). */
    public long onDemandPremiumCents(ShiftPattern p) {
        return p == null ? 0 : PayRules.onDemandPremiumCents(plan.agent(), p.paidMinutes(), ctx.rules().costs());
    }

    /** Bonus for training placed in a trough: cents per training hour times how quiet the block is. */
    public long trainingTroughCents() {
        int t = trainingOffset();
        if (t < 0) {
            return 0;
        }
        int im = ctx.intervalMinutes();
        int block = ctx.rules().training().blockMinutes();
        double sum = 0;
        int n = 0;
        for (int i = Math.floorDiv(start() + t, im); i * im < start() + t + block; i++) {
            sum += ctx.troughness(i);
            n++;
        }
        return PayRules.trainingTroughCents(block, plan.agent().hourlyCost(), n == 0 ? 0 : sum / n);
    }

    /** Weekend days and late or early shifts, which agents should share fairly ({@link FairnessRules#unpopular}). */
    public boolean unpopular() {
        if (pattern == null) {
            return false;
        }
        return FairnessRules.unpopular(ctx.rules().fairness(), date, pattern.startMinute(), pattern.endMinute());
    }

    /** What the unmet preferences of {@code kind} about this day cost, in cents ({@link PreferenceRules#unmetCents}). */
    public long preferenceCents(org.wfm.scheduler.domain.Preference.Kind kind) {
        long sum = 0;
        for (PreferenceRules.Wish w : wishes) {
            if (w.kind() == kind) {
                sum += pattern == null ? 0
                        : PreferenceRules.unmetCents(w, true, pattern.startMinute(), pattern.endMinute());
            }
        }
        return sum;
    }

    /** Minutes worked on a day off of a hard pattern (the whole shift). */
    public int patternDayOffMinutes() {
        if (pattern == null) {
            return 0;
        }
        return patternsOff.stream().anyMatch(org.wfm.scheduler.domain.Rules.Pattern::hard) ? pattern.lengthMinutes() : 0;
    }

    /** What working on the days off of soft patterns costs, in cents. */
    public long patternDayOffCents() {
        if (pattern == null) {
            return 0;
        }
        return patternsOff.stream().mapToLong(PatternRules::softCents).sum();
    }

    public List<org.wfm.scheduler.domain.Rules.Pattern> getPatternsOff() {
        return patternsOff;
    }

    void patternsOff(List<org.wfm.scheduler.domain.Rules.Pattern> patterns) {
        this.patternsOff = List.copyOf(patterns);
    }

    /** A weekend day worked (rules.yaml {@code fairness.weekend_days}). */
    public boolean weekendWorked() {
        return pattern != null && FairnessRules.weekendDay(ctx.rules().fairness(), date);
    }

    /** A late shift (rules.yaml {@code fairness.late_shift_ends_after}). */
    public boolean lateShift() {
        return pattern != null && FairnessRules.late(ctx.rules().fairness(), pattern.endMinute());
    }

    /** The unmet preferences about this day and the soft patterns' days off, in cents (the construction's view). */
    public long agentSideCents() {
        if (pattern == null || wishes.isEmpty() && patternsOff.isEmpty()) {
            return 0;
        }
        long sum = patternDayOffCents();
        for (PreferenceRules.Wish w : wishes) {
            sum += PreferenceRules.unmetCents(w, true, pattern.startMinute(), pattern.endMinute());
        }
        return sum;
    }

    public List<PreferenceRules.Wish> getWishes() {
        return wishes;
    }

    void wishes(List<PreferenceRules.Wish> wishes) {
        this.wishes = List.copyOf(wishes);
    }

    public boolean changedFromPublished() {
        if (published == null) {
            return false;
        }
        if (pattern == null) {
            return !published.off();
        }
        return published.off() || published.start() != start() || published.end() != end();
    }

    public boolean atHome() {
        return Boolean.TRUE.equals(home) || plan.site() == null;
    }

    public String location() {
        return atHome() ? SeatRules.HOME : plan.site();
    }

    // ---- accessors ----

    public String getId() {
        return id;
    }

    public AgentPlan getPlan() {
        return plan;
    }

    public AgentWeek getWeek() {
        return week;
    }

    public int getDay() {
        return day;
    }

    public LocalDate getDate() {
        return date;
    }

    public PlanContext getCtx() {
        return ctx;
    }

    public PublishedDay getPublished() {
        return published;
    }

    public boolean isPinned() {
        return pinned;
    }

    void pin() {
        this.pinned = true;
    }

    /**
     * Narrows the shifts this day may take: each shift of its range is replaced by what {@code keep} returns, or left
     * out when that is null (the intraday replan keeps only shifts that agree with the published day before "now",
     * with the published pauses already taken); call before solving.
     */
    public void restrictPatterns(java.util.function.UnaryOperator<ShiftPattern> keep) {
        List<ShiftPattern> out = new ArrayList<>();
        for (ShiftPattern p : patternRange) {
            ShiftPattern q = keep.apply(p);
            if (q != null) {
                out.add(q);
            }
        }
        this.patternRange = List.copyOf(out);
    }

    public ShiftPattern getPattern() {
        return pattern;
    }

    public void setPattern(ShiftPattern pattern) {
        this.pattern = pattern;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getSecondChannel() {
        return secondChannel;
    }

    public void setSecondChannel(String secondChannel) {
        this.secondChannel = secondChannel;
    }

    public String getThirdChannel() {
        return thirdChannel;
    }

    public void setThirdChannel(String thirdChannel) {
        this.thirdChannel = thirdChannel;
    }

    /** Sets the three booked channels at once (first, second and third block). */
    public void setChannels(String first, String second, String third) {
        this.channel = first;
        this.secondChannel = second;
        this.thirdChannel = third;
    }

    public TrainingSlot getTraining() {
        return training;
    }

    public void setTraining(TrainingSlot training) {
        this.training = training;
    }

    public Boolean getHome() {
        return home;
    }

    public void setHome(Boolean home) {
        this.home = home;
    }

    @Override
    public String toString() {
        return id + "=" + pattern;
    }
}
