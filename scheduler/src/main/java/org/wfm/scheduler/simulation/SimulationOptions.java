package org.wfm.scheduler.simulation;

/**
 * Distributions the simulation draws from.
 *
 * <p>Handle times: Brown et al. (2005), "Statistical Analysis of a Telephone Call Center: A Queueing-Science
 * Perspective", JASA 100(469):36–50, §5, found call-centre service durations remarkably close to lognormal (the
 * exponential that Erlang C assumes fits poorly). The default draws lognormal handle times with the interval's
 * AHT as mean and a coefficient of variation of 1.0 — an assumption, not a measurement of any centre: the
 * same variance as the exponential, so the simulation differs from Erlang only in the shape, not the spread.
 * Set {@code handleTimeCv} from your own data when you have it.
 *
 * <p>Patience: exponential with mean {@code patience_seconds}, the Erlang A (Palm) assumption, which Brown et
 * al. §6 found a reasonable first approximation; {@link Patience#FIXED} makes every caller wait exactly that long.
 */
public record SimulationOptions(HandleTimes handleTimes, double handleTimeCv, Patience patience) {

    public enum HandleTimes { LOGNORMAL, EXPONENTIAL }

    public enum Patience { EXPONENTIAL, FIXED }

    public SimulationOptions {
        if (!(handleTimeCv >= 0) || Double.isInfinite(handleTimeCv)) {
            throw new IllegalArgumentException("handleTimeCv must be a finite number >= 0, got " + handleTimeCv);
        }
    }

    /** Lognormal handle times with CV 1.0, exponential patience. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(HandleTimes.LOGNORMAL, 1.0, Patience.EXPONENTIAL);
    }

    /** Exponential handle times and patience: the assumptions of Erlang C and Erlang A, for validation. */
    public static SimulationOptions markovian() {
        return new SimulationOptions(HandleTimes.EXPONENTIAL, 1.0, Patience.EXPONENTIAL);
    }
}
