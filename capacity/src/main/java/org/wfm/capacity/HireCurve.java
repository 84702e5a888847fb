package org.wfm.capacity;

/**
 * What a new hire contributes week by week after the class starts: {@code trainingWeeks} weeks of classroom
 * training without contacts, then a linear ramp-up of proficiency over {@code rampWeeks} weeks, {@code 1/K} of a
 * full agent in the first week after training, {@code 2/K} in the second, full from the K-th (the "speed to
 * proficiency" curve of contact-centre planning, drawn as a straight line as Verint's and Genesys' planners do by
 * default). Pure function of the week; attrition is applied separately ({@link Attrition}).
 *
 * <p>A class trained in several channels trains {@code extraWeeksPerSkill} weeks longer for each channel beyond the
 * first ({@link #forSkills}): a second channel's product knowledge, systems and style (a chat or e-mail module after
 * voice) is typically a one-week module in contact-centre induction programmes. The default of 1 week is a planning
 * assumption, not a measurement: set it with --multi-skill-training-weeks.
 */
public record HireCurve(int trainingWeeks, int rampWeeks, int extraWeeksPerSkill) {
    /** Weeks of extra training per channel beyond the first, unless the planner says otherwise. */
    public static final int DEFAULT_EXTRA_WEEKS_PER_SKILL = 1;

    public HireCurve {
        if (trainingWeeks < 0 || rampWeeks < 0 || extraWeeksPerSkill < 0) {
            throw new IllegalArgumentException("training and ramp-up weeks must be ≥ 0");
        }
    }

    public HireCurve(int trainingWeeks, int rampWeeks) {
        this(trainingWeeks, rampWeeks, DEFAULT_EXTRA_WEEKS_PER_SKILL);
    }

    /** The curve of a class trained in {@code skills} channels: training longer by the extra weeks per skill. */
    public HireCurve forSkills(int skills) {
        return new HireCurve(trainingWeeks + extraWeeksPerSkill * Math.max(0, skills - 1), rampWeeks,
                extraWeeksPerSkill);
    }

    /** Share of a fully proficient agent's capacity in week {@code k} (0 = the week the class starts). */
    public double productivity(int k) {
        if (k < trainingWeeks) {
            return 0.0;
        }
        if (rampWeeks == 0) {
            return 1.0;
        }
        int weeksAfterTraining = k - trainingWeeks + 1;
        return Math.min(1.0, (double) weeksAfterTraining / rampWeeks);
    }

    /** The first week (from the class start) in which a hire works at full proficiency. */
    public int fullFrom() {
        return trainingWeeks + Math.max(0, rampWeeks - 1);
    }
}
