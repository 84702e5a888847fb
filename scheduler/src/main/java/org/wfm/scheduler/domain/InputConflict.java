package org.wfm.scheduler.domain;

/**
 * A rule no schedule can satisfy with these inputs, found before solving: {@code constraint} is the rule's name as
 * in {@code hard_violations}, {@code agentId} or {@code site} says whom it concerns (the other is null), {@code date}
 * the day or the week's first day, {@code detail} why, in numbers. The run plans everything else and the solver
 * aims for the most the inputs allow (a weekly minimum is held at what availability allows).
 */
public record InputConflict(String constraint, String agentId, String site, String date, String detail) {
}
