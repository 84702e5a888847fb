package org.wfm.scheduler.solver.model;

/**
 * Every rule's name as a planner says it, its score level and the unit of its penalty: the one set of names
 * the constraint streams ({@code asConstraint}), the evaluator's violations and the input conflicts use (here in
 * the model, which all three see, rather than beside the streams). The phrases are an outside contract
 * (summary.json {@code hard_violations[].constraint}): never reword one. The last two are checks of schedule rows
 * that the planning model cannot break, so no constraint carries them. The catalogue (unit, pinning test) is in
 * the {@code solver.score} package documentation.
 */
public enum ConstraintName {
    // Hard
    AVAILABILITY("Shift within the agent's availability", Level.HARD, "minute outside the window or day"),
    TIME_OFF("No shift during time off", Level.HARD, "minute of overlap"),
    WEEKLY_HOURS_MAX("Weekly hours at most the contract's", Level.HARD, "paid minute over"),
    WEEKLY_HOURS_MIN("Weekly hours at least the contract's", Level.HARD, "paid minute short"),
    SHIFT_LENGTH_AND_START("Allowed shift length and start step", Level.HARD, "rule broken per shift"),
    MINIMUM_REST("Minimum rest between shifts", Level.HARD, "minute of rest missing"),
    REST_AFTER_PUBLISHED("Minimum rest after the published schedule", Level.HARD, "minute of rest missing"),
    MAX_CONSECUTIVE_DAYS("Maximum consecutive working days", Level.HARD, "day beyond (1,440 each)"),
    MAX_DAYS_PER_WEEK("Maximum days per week", Level.HARD, "day beyond (1,440 each)"),
    BREAKS_AND_LUNCH("Breaks and lunch by the rules", Level.HARD, "shift"),
    TRAINING_HOURS_MAX("Training hours at most the weekly maximum", Level.HARD, "training minute over"),
    SEATS_PER_SITE("Seats per site", Level.HARD, "agent over the seats per interval"),
    SKILL_FOR_CHANNEL("Skill for the channel worked", Level.HARD, "minute worked without the skill"),
    PATTERN_DAYS_OFF("Days off of the agent's pattern", Level.HARD, "minute worked on a hard pattern's day off"),
    // Medium (cover mode)
    LATE_CONTACTS("Late contacts with nobody scheduled", Level.MEDIUM, "milli-contact late"),
    LATE_CONTACTS_AVOIDED("Late contacts avoided by the staff scheduled", Level.MEDIUM, "milli-contact (reward)"),
    STARVED_INTERVALS("Starved intervals with nobody scheduled", Level.MEDIUM,
            "milli-contact of spread × E0 × shortfall²"),
    STARVED_INTERVALS_RELIEVED("Starved intervals relieved by the staff scheduled", Level.MEDIUM,
            "milli-contact of spread × E0 × shortfall² (reward)"),
    PUBLISHED_DAY_CHANGED("Published days kept", Level.MEDIUM, "replan change cost per changed day"),
    // Soft
    LATE_CONTACTS_PRICED("Late contacts with nobody scheduled, priced", Level.SOFT, "cent"),
    LATE_CONTACTS_PRICED_AVOIDED("Late contacts avoided by the staff scheduled, priced", Level.SOFT,
            "cent (reward)"),
    STARVED_INTERVALS_PRICED("Starved intervals with nobody scheduled, priced", Level.SOFT, "cent"),
    STARVED_INTERVALS_PRICED_RELIEVED("Starved intervals relieved by the staff scheduled, priced", Level.SOFT,
            "cent (reward)"),
    WAGES("Wages", Level.SOFT, "cent"),
    OVERTIME("Overtime", Level.SOFT, "cent"),
    ON_DEMAND_PREMIUM("On-demand premium", Level.SOFT, "cent"),
    DEVELOPMENT_TRAINING("Training toward development goals", Level.SOFT, "cent (reward)"),
    TRAINING_BEYOND_GOAL("No training beyond the goal", Level.SOFT, "cent"),
    TRAINING_IN_TROUGHS("Training in troughs", Level.SOFT, "cent (reward)"),
    HYBRID_AT_HOME("Hybrid agents on site unless seats are short", Level.SOFT, "day at home"),
    SIMILAR_START_TIMES("Similar start times across days", Level.SOFT, "cent per minute of difference"),
    UNPOPULAR_SHIFTS_SHARE("Fair share of unpopular shifts", Level.SOFT, "cent × (unpopular shifts)²"),
    PUBLISHED_DAY_CHANGED_PRICED("Published days kept, priced", Level.SOFT, "replan change cost per changed day"),
    PREFERRED_SHIFT_TIMES("Preferred shift times", Level.SOFT, "cent × share of the shift outside the window"),
    AVOIDED_TIMES_FREE("Times an agent asked to avoid left free", Level.SOFT,
            "cent × share of the window worked"),
    REQUESTED_DAYS_OFF("Requested days off given", Level.SOFT, "cent per day worked"),
    PATTERN_DAYS_OFF_PRICED("Days off of the agent's pattern, priced", Level.SOFT,
            "cent: the soft pattern's weight per day worked"),
    FAIR_WEEKENDS("Weekends shared fairly across runs", Level.SOFT,
            "cent: price × ((carried + weekend days)² − carried²)"),
    FAIR_LATE_SHIFTS("Late shifts shared fairly across runs", Level.SOFT,
            "cent: price × ((carried + late shifts)² − carried²)"),
    // Rows only (evaluator)
    UNKNOWN_AGENT("Unknown agent", Level.ROWS_ONLY, "row group"),
    SHIFT_STARTS_ON_ITS_DATE("Shift starts on its date", Level.ROWS_ONLY, "shift");

    /** Score level; {@code ROWS_ONLY}: reported as hard by the evaluator, not scored. */
    public enum Level { HARD, MEDIUM, SOFT, ROWS_ONLY }

    private final String phrase;
    private final Level level;
    private final String unit;

    ConstraintName(String phrase, Level level, String unit) {
        this.phrase = phrase;
        this.level = level;
        this.unit = unit;
    }

    /** The name as it appears in the score explanation and summary.json. */
    public String phrase() {
        return phrase;
    }

    public Level level() {
        return level;
    }

    /** What one unit of match weight is. */
    public String unit() {
        return unit;
    }

    /** A hard rule of the score or of the rows: the evaluator reports these as hard violations. */
    public boolean hard() {
        return level == Level.HARD || level == Level.ROWS_ONLY;
    }

    @Override
    public String toString() {
        return phrase;
    }
}
