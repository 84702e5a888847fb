package org.wfm.capacity;

/**
 * What a new hire contributes week by week after the class starts: {@code trainingWeeks} weeks of classroom
 * training without contacts, then a linear ramp-up of proficiency over {@code rampWeeks} weeks, {@code 1/K} of a
 * full agent in the first week after training, {@code 2/K} in the second, full from the K-th (the "speed to
 * proficiency" curve of contact-centre planning, drawn as a straight line as Verint's and Genesys' planners do by
 * default). Pure function of the week; attrition is applied separately ({@link Attrition}).
 */
public record HireCurve(int trainingWeeks, int rampWeeks) {
    public HireCurve {
        if (trainingWeeks < 0 || rampWeeks < 0) {
            throw new IllegalArgumentException("training and ramp-up weeks must be ≥ 0");
        }
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
