package org.wfm.scheduler.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wfm.scheduler.domain.Agent;
import org.wfm.scheduler.domain.Employment;
import org.wfm.scheduler.domain.Rules;
import org.wfm.scheduler.solver.TestData;
import org.wfm.scheduler.staffing.Requirement;

/**
 * {@link ScheduleCloner} gives what OptaPlanner's reflective cloner gives: a new schedule and new planning entities
 * whose every field holds the original's value, problem facts shared, and no entity reachable from an entity's field
 * (which would need a deep clone). Checked field by field by reflection, so a field added to either class is covered.
 */
class ScheduleClonerTest {
    private static final Rules RULES = TestData.rules(1, null);

    private static Schedule problem() {
        List<Requirement> reqs = new ArrayList<>(TestData.flat("voice", 2, 8, 16, 2.0));
        reqs.addAll(TestData.flat("chat", 2, 6, 22, 1.0));
        Agent both = TestData.agent("a", Employment.FULL_TIME, Map.of("voice", 1.0, "chat", 0.5), 0, 60);
        Agent voice = TestData.agent("b", Employment.FULL_TIME, Map.of("voice", 0.8), 0, 60);
        Schedule s = ProblemBuilder.build(TestData.plan(TestData.voice(), TestData.chat()), reqs,
                List.of(both, voice), List.of(), RULES, List.of(), TestData.LINEAR);
        AgentDay d = s.getDays().get(0);
        d.setPattern(d.getPatternRange().get(d.getPatternRange().size() / 2));
        d.setSecondChannel("chat");
        d.workSlots(); // fills the derived caches, which the copy shares
        return s;
    }

    @Test
    void theCopyHoldsTheSameValuesInNewEntities() throws Exception {
        Schedule original = problem();
        original.setScore(org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.of(-1, -2,
                -3));
        Schedule clone = new ScheduleCloner().cloneSolution(original);
        assertThat(clone).isNotSameAs(original);
        for (Field f : fields(Schedule.class)) {
            if (f.getName().equals("days")) {
                continue;
            }
            assertThat(f.get(clone)).as("Schedule." + f.getName()).isSameAs(f.get(original));
        }
        assertThat(clone.getDays()).hasSameSizeAs(original.getDays()).isNotSameAs(original.getDays());
        for (int i = 0; i < original.getDays().size(); i++) {
            AgentDay o = original.getDays().get(i);
            AgentDay c = clone.getDays().get(i);
            assertThat(c).isNotSameAs(o).hasSameClassAs(o);
            for (Field f : fields(AgentDay.class)) {
                Object v = f.get(o);
                assertThat(f.get(c)).as("AgentDay." + f.getName()).isSameAs(v);
                assertThat(holdsAnEntity(v)).as("AgentDay." + f.getName()
                        + " holds a planning entity: ScheduleCloner must clone it deeply").isFalse();
            }
        }
    }

    @Test
    void changingTheCopyLeavesTheOriginal() {
        Schedule original = problem();
        Schedule clone = new ScheduleCloner().cloneSolution(original);
        AgentDay o = original.getDays().get(0);
        AgentDay c = clone.getDays().get(0);
        List<WorkSlot> before = o.workSlots();
        c.setPattern(null);
        c.setChannel("chat");
        assertThat(o.getPattern()).isNotNull();
        assertThat(o.getChannel()).isEqualTo("voice");
        assertThat(o.workSlots()).isEqualTo(before);
        assertThat(c.workSlots()).isEmpty();
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static boolean holdsAnEntity(Object v) {
        if (v instanceof AgentDay || v instanceof Schedule) {
            return true;
        }
        if (v instanceof Collection<?> c) {
            return c.stream().anyMatch(ScheduleClonerTest::holdsAnEntity);
        }
        if (v instanceof Map<?, ?> m) {
            return holdsAnEntity(m.keySet()) || holdsAnEntity(m.values());
        }
        return v instanceof Object[] a && holdsAnEntity(java.util.Arrays.asList(a));
    }
}
