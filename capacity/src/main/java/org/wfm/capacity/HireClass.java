package org.wfm.capacity;

import java.time.LocalDate;
import java.util.Map;

/**
 * A class of new hires starting together: the start date (its week is the first week of training), the number of
 * hires and their skills with the proficiency they reach after ramp-up ({@code voice:1.0;chat:0.8}).
 * {@code recommended}: proposed by the hiring model rather than planned in --hires.
 */
public record HireClass(LocalDate start, int size, Map<String, Double> skills, boolean recommended) {
    public HireClass {
        skills = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skills));
        if (size < 0) {
            throw new IllegalArgumentException("a class size must be ≥ 0: " + size);
        }
    }
}
