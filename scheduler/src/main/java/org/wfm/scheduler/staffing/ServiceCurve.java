package org.wfm.scheduler.staffing;

/**
 * Service delivered in one interval of one immediate or concurrent channel as a function of the
 * agents scheduled on it (proficiency-weighted, before shrinkage: the curve applies the channel's
 * shrinkage itself). Fractional agents interpolate linearly. Lets the solver price under- and
 * over-staffing instead of seeing a single required number.
 */
public interface ServiceCurve {

    /** Contacts offered in the interval. */
    double volume();

    /** Share of offered contacts answered within the target time (abandoned ones count as late), 0..1. */
    double serviceLevel(double scheduledAgents);

    /** Expected contacts not answered within the target time: (1 − serviceLevel) × volume. */
    default double lateContacts(double scheduledAgents) {
        return (1.0 - serviceLevel(scheduledAgents)) * volume();
    }
}
