package org.wfm.scheduler.domain;

/**
 * The answer to a shift swap: valid, or the rule it would break ({@code rule}: a hard constraint's phrase as in
 * summary.json, or {@code "Coverage does not fall"}) and a one-line {@code reason} naming the agent, day and figure.
 */
public record SwapVerdict(boolean valid, String rule, String reason) {
}
