package org.wfm.scheduler.domain;

/** Where an agent works: at their site, at home, or either per day (hybrid). */
public enum WorkMode { ONSITE, REMOTE, HYBRID }
