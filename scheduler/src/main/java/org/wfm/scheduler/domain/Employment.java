package org.wfm.scheduler.domain;

/** Contract type; on-demand agents have no minimum hours and are paid a premium per hour used. */
public enum Employment { FULL_TIME, PART_TIME, ON_DEMAND }
