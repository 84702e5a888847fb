package org.wfm.scheduler.domain;

import java.util.Locale;

/** What an agent does in a block of schedule.csv. */
public enum Activity {
    WORK, BREAK, LUNCH, TRAINING;

    public String csv() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean paid() {
        return this != LUNCH;
    }
}
