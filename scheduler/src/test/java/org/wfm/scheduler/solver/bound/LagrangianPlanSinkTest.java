package org.wfm.scheduler.solver.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.solver.ScheduleInput;
import org.wfm.scheduler.solver.bench.InstanceGenerator;
import org.wfm.scheduler.solver.model.PayRules;

/**
 * The plans {@link LagrangianBound} hands to a {@link LagrangianBound.PlanSink} (the bench's restricted master,
 * {@code ./bench relaxed}): the sink never changes the bound, and every plan is one the per-agent model allows
 * (at most one shift a day, inside the agent's hours, at most the week's days, its pauses inside the shift, its
 * money the shifts' paid time at the agent's price and at least the week's minimum pay).
 */
class LagrangianPlanSinkTest {

    @Test
    void plansAreTheModelsAndTheBoundIsUnchanged() {
        ScheduleInput in = InstanceGenerator.generate(8, 7, 3, true, 5);
        Double plain = LagrangianBound.compute(in, null, Double.NaN);
        List<String> problems = new ArrayList<>();
        int[] plans = {0};
        int im = in.channels().intervalMinutes();
        Double withSink = LagrangianBound.compute(in, null, Double.NaN, new LagrangianBound.PlanSink() {
            @Override
            public void rows(int[][] rowOf, double[] rhs, int intervalMinutes) {
                assertThat(intervalMinutes).isEqualTo(im);
                assertThat(rhs).isNotEmpty();
            }

            @Override
            public void plan(int agent, int week, double money, int[] channels, double[] prof, List<int[]> shifts,
                             List<int[][]> pauses, List<int[]> channelAt) {
                plans[0]++;
                Agent a = in.agents().get(agent);
                Set<Integer> days = new HashSet<>();
                for (int s = 0; s < shifts.size(); s++) {
                    int from = shifts.get(s)[0];
                    int to = shifts.get(s)[1];
                    int day = from / 1440;
                    if (!days.add(day) || day / 7 != week) {
                        problems.add(a.id() + " day " + day + " twice or outside week " + week);
                    }
                    if (from % 1440 < a.earliestStart().toSecondOfDay() / 60
                            || to - day * 1440 > a.latestEnd().toSecondOfDay() / 60) {
                        problems.add(a.id() + " shift " + from + "-" + to + " outside the agent's hours");
                    }
                    for (int[] p : pauses.get(s)) {
                        if (p[0] < from || p[0] + p[1] > to) {
                            problems.add(a.id() + " pause " + p[0] + " outside " + from + "-" + to);
                        }
                    }
                    for (int k : channelAt.get(s)) {
                        if (k >= channels.length) {
                            problems.add(a.id() + " channel index " + k);
                        }
                    }
                }
                if (days.size() > in.rules().shifts().maxDaysPerWeek()) {
                    problems.add(a.id() + " " + days.size() + " days in week " + week);
                }
                // Paid time from the money at the agent's price: within the week's minimum and maximum.
                var limits = org.wfm.scheduler.solver.model.ProblemBuilder.week(
                        LagrangianBound.planOf(a, List.of(), in.rules().horizon().start()), week,
                        in.rules().horizon().days(), in.rules(), List.of());
                double paid = money / PayRules.hourlyPrice(a, in.rules().costs()) * 60;
                if (paid < limits.minMinutes() - 1e-6 || paid > limits.maxMinutes() + 1e-6) {
                    problems.add(a.id() + " paid " + paid + " minutes in week " + week + ", limits "
                            + limits.minMinutes() + "-" + limits.maxMinutes());
                }
            }
        });
        assertThat(withSink).isEqualTo(plain);
        assertThat(plans[0]).isGreaterThan(in.agents().size());
        assertThat(problems).isEmpty();
    }
}
