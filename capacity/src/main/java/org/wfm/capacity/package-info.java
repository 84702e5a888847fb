/**
 * Long-range capacity planning (issue 18): weekly demand per channel in full-time equivalents from the forecast and
 * the staffing maths ({@link org.wfm.capacity.WeeklyDemand}), the supply of today's agents and hiring classes under
 * attrition, training and ramp-up ({@link org.wfm.capacity.Supply}), the scheduling efficiency measured with the real
 * scheduler ({@link org.wfm.capacity.EfficiencyCalibration}) and the least-cost hiring plan as an integer programme
 * ({@link org.wfm.capacity.HiringModel}); {@link org.wfm.capacity.CapacityPlanner} puts them together. No file
 * reading or printing here: the CLI reads the inputs and writes the outputs.
 */
package org.wfm.capacity;
