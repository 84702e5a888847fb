package org.wfm.capacity;

import java.util.List;
import java.util.Map;

/**
 * A scenario's plan: the weekly rows, the recommended hiring classes, the planned ones, and per channel what the
 * hiring model found.
 *
 * @param hardFromWeek  first week (index) in which the plan meets every target
 * @param model         the hiring programme: its size, objective and whether it was solved to proven optimality
 */
public record CapacityPlan(String scenario, List<CapacityRow> rows, List<HireClass> recommended,
                           List<HireClass> planned, Map<String, ChannelResult> channels, Efficiency efficiency,
                           int hardFromWeek, Model model) {
    /**
     * The hiring programme solved ({@link HiringModel}) and the skill sets it could recommend; {@code optimal} when
     * proven to 1e-6 of the cost or one cent, {@code bound} the best lower bound proven on every plan's cost,
     * {@code lpBound} the LP relaxation's, {@code gap} the plan's certified distance from the optimum
     * ({@link HiringModel.Solution#gap}), {@code nodes} the relaxations the exact search solved, {@code cpuSeconds}
     * the solve's CPU time.
     */
    public record Model(HiringModel.Size size, double objective, boolean optimal, double bound, double gap,
                        List<HireOption> options, double lpBound, int nodes, double cpuSeconds) {
        public Model {
            options = List.copyOf(options);
        }
    }

    public CapacityPlan {
        rows = List.copyOf(rows);
        recommended = List.copyOf(recommended);
        planned = List.copyOf(planned);
        channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
    }

    /**
     * @param peakGapWithoutHires largest weekly gap (FTE) with today's agents and the planned classes only
     * @param hires               recommended hires trained in the channel (a two-skill class counts in both channels)
     * @param shortWeeks          weeks still short after the recommended hires (before hiring can reach them)
     * @param objective           the objective of the whole programme (all channels are solved together)
     * @param optimal             the integer programme was solved to proven optimality
     */
    public record ChannelResult(double peakGapWithoutHires, int hires, int shortWeeks, double objective,
                                boolean optimal, double minServiceLevel, double meanRequiredFte) {
    }

    public double totalCost() {
        return rows.stream().mapToDouble(CapacityRow::cost).sum();
    }

    public int recommendedHires() {
        return recommended.stream().mapToInt(HireClass::size).sum();
    }

    public double leavers() {
        return rows.stream().mapToDouble(CapacityRow::leavers).sum();
    }
}
