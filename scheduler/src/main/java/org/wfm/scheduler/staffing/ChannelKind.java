package org.wfm.scheduler.staffing;

/** How contacts of a channel are served. */
public enum ChannelKind {
    /** Voice: callers wait in a queue and may abandon (Erlang C, or Erlang A with patience). */
    IMMEDIATE,
    /** Chat: one agent serves several contacts at once. */
    CONCURRENT,
    /** Email, back office, social: answered within hours, so the work can move into troughs. */
    DEFERRED
}
