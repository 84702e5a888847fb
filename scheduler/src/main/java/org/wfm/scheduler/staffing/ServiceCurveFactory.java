package org.wfm.scheduler.staffing;

/** Builds the service curve of one requirement row (immediate and concurrent channels only). */
@FunctionalInterface
public interface ServiceCurveFactory {
    ServiceCurve curve(Channel channel, Requirement requirement, int intervalMinutes);

    /**
     * The planned service level of each interval of one immediate or concurrent channel over the horizon (NaN
     * where no contacts are forecast). This default scores every interval on its own curve; a factory that can
     * carry the queue from one interval to the next ({@link ErlangServiceCurves}, through {@link CarriedBacklog})
     * overrides it.
     *
     * @param requirements      the requirement of each interval, null where there is none
     * @param scheduled         proficiency-weighted agents working the channel per interval, before shrinkage
     * @param scheduledSquares  Σ over agents of the square of each agent's weighted share of the interval: the
     *                          spread of the agents present when whole shifts are absent at random
     * @param blockEnds         work blocks on the channel ending in each interval and followed by a break, lunch,
     *                          training or the shift's end: the agent finishes the contacts in progress then
     */
    default double[] plannedServiceLevels(Channel channel, Requirement[] requirements, double[] scheduled,
                                          double[] scheduledSquares, double[] blockEnds, int intervalMinutes) {
        double[] out = new double[requirements.length];
        for (int i = 0; i < out.length; i++) {
            Requirement r = requirements[i];
            out[i] = r == null || !(r.forecastVolume() > 0) ? Double.NaN
                    : curve(channel, r, intervalMinutes).serviceLevel(scheduled[i]);
        }
        return out;
    }
}
