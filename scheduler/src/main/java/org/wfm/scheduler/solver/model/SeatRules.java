package org.wfm.scheduler.solver.model;

import org.wfm.scheduler.domain.Rules;

/**
 * Seats at a site: a shift worked at a site with a seat limit holds a seat in every interval it touches, from
 * its start to its end, breaks and lunch included (the desk stays taken); at home it holds none. At most the
 * site's seats may be held in any interval, and an agent holds one seat however many of the agent's shifts
 * touch the interval (two shifts of one agent overlap only when rest is already broken). So a site with no
 * more agents than seats is never short, which lets the score skip counting there
 * ({@code PlanContext#seatsCanRunShort}).
 */
public final class SeatRules {
    /** The location of a shift worked from home. */
    public static final String HOME = "home";

    private SeatRules() {
    }

    /** Seats of the site a shift is worked at, or null when it holds none (at home, or no limit given). */
    public static Integer seatsAt(String location, Rules rules) {
        return location == null || HOME.equals(location) ? null : rules.siteSeats().get(location);
    }

    /** First interval (of {@code intervalMinutes}) a shift starting at {@code start} holds a seat in. */
    public static int firstInterval(int start, int intervalMinutes) {
        return Math.floorDiv(start, intervalMinutes);
    }

    /** The interval after the last one a shift ending at {@code end} holds a seat in. */
    public static int endInterval(int end, int intervalMinutes) {
        return -Math.floorDiv(-end, intervalMinutes);
    }

    /** Agents held beyond the seats in one interval. */
    public static int agentsOver(int held, int seats) {
        return Math.max(0, held - seats);
    }

    /** One more agent still has a seat in an interval where {@code held} are taken. */
    public static boolean room(int held, int seats) {
        return agentsOver(held + 1, seats) == 0;
    }
}
