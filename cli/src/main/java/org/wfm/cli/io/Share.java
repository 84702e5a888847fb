package org.wfm.cli.io;

/**
 * A share typed on the command line (a service-level target, a prediction-interval level), held as a fraction.
 * {@code 0.8}, {@code 80} and {@code 80%} are the same share: the rule is {@link Values#share}.
 */
public record Share(double fraction) {

    /** @throws IllegalArgumentException saying what was expected */
    public static Share parse(String text) {
        return new Share(Values.shareOf(text));
    }

    public double percent() {
        return 100 * fraction;
    }
}
