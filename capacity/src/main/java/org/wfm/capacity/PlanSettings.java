package org.wfm.capacity;

/**
 * The planner's assumptions.
 *
 * @param fteHours        weekly hours of one full-time equivalent
 * @param curve           training weeks and ramp-up of new hires
 * @param leadWeeks       weeks from today (the plan's first week) before a recommended class can start
 *                        (recruiting lead time)
 * @param classEvery      weeks between possible class starts (4: a class a month at most)
 * @param hireCost        one-off cost of a hire (recruiting, onboarding, the replacement cost of a leaver)
 * @param hireHourlyCost  hourly wage of a new hire
 * @param shortPenalty    cost of one FTE-week short in the weeks hiring cannot reach yet
 */
public record PlanSettings(double fteHours, HireCurve curve, int leadWeeks, int classEvery, double hireCost,
                           double hireHourlyCost, double shortPenalty) {
    /**
     * US$6,400 per hire: the widely cited replacement cost of one contact-centre agent that issue 18 quotes (its
     * original survey was not checked here). Other published estimates are higher: US$10,000-15,000 (Society of
     * Workforce Planning Professionals, quoted by Call Centre Helper, "Counting the true cost of agent attrition")
     * and US$14,113 (Gartner, quoted by Apex CX, "Contact center attrition, recruiting &amp; training costs"). It
     * varies with country and role, so it is an option (--hire-cost).
     */
    public static final double DEFAULT_HIRE_COST = 6400;

    public PlanSettings {
        if (!(fteHours > 0) || leadWeeks < 0 || classEvery < 1 || !(hireCost >= 0) || !(hireHourlyCost >= 0)
                || !(shortPenalty >= 0)) {
            throw new IllegalArgumentException("capacity settings out of range");
        }
    }
}
