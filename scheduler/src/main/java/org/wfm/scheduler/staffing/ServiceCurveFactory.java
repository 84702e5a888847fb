package org.wfm.scheduler.staffing;

/** Builds the service curve of one requirement row (immediate and concurrent channels only). */
@FunctionalInterface
public interface ServiceCurveFactory {
    ServiceCurve curve(Channel channel, Requirement requirement, int intervalMinutes);
}
