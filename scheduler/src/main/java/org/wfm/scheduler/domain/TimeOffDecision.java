package org.wfm.scheduler.domain;

import java.util.Locale;

/**
 * The answer to one {@link TimeOffRequest}. {@code serviceLevelWith} is the planned service level of the channels
 * the agent works that day (volume-weighted over the day's intervals) if the request is granted,
 * {@code serviceLevelWithout} the same without it; both count every earlier approval. NaN when the agent has no
 * shift to lose that day (nothing to measure).
 */
public record TimeOffDecision(TimeOffRequest request, Decision decision, String reason, double serviceLevelWith,
                              double serviceLevelWithout) {

    /** Approved, refused (coverage would fall too far) or wait-listed (the day's allotment is used up). */
    public enum Decision {
        APPROVED, REFUSED, WAITLISTED;

        public String csv() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
