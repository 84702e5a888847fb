package org.wfm.cli.io;

/**
 * An allowed interval of numbers, with the wording used in messages ("at least 0 and less than 1"). The
 * plausibility bounds themselves (volumes, AHT, costs, hours...) are defined once in
 * {@link org.wfm.forecast.io.Plausible}, shared with the history reader; {@link #of} turns one into a Range.
 */
record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {

    /** A plausibility range of {@link org.wfm.forecast.io.Plausible}, both ends included. */
    static Range of(org.wfm.forecast.io.Plausible.Limit limit) {
        return new Range(limit.min(), true, limit.max(), true);
    }

    /** A plausibility range whose lower end is excluded (a response window must be longer than 0). */
    static Range ofAbove(org.wfm.forecast.io.Plausible.Limit limit) {
        return new Range(limit.min(), false, limit.max(), true);
    }

    static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    static Range closed(double min, double max) {
        return new Range(min, true, max, true);
    }

    /** {@code [min, max)}, e.g. shrinkage. */
    static Range closedOpen(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** {@code (min, max)}, e.g. a service-level target. */
    static Range open(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** {@code (min, max]}, e.g. an occupancy cap. */
    static Range openClosed(double min, double max) {
        return new Range(min, false, max, true);
    }

    boolean contains(double x) {
        boolean aboveMin = minIncluded ? x >= min : x > min;
        boolean belowMax = maxIncluded ? x <= max : x < max;
        return aboveMin && belowMax;
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        if (min != Double.NEGATIVE_INFINITY) {
            sb.append(minIncluded ? "at least " : "greater than ").append(Values.format(min));
        }
        if (max != Double.POSITIVE_INFINITY) {
            if (sb.length() > 0) {
                sb.append(" and ");
            }
            sb.append(maxIncluded ? "at most " : "less than ").append(Values.format(max));
        }
        return sb.toString();
    }
}
