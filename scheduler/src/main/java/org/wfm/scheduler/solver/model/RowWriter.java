package org.wfm.scheduler.solver.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/** Turns solved agent-days into schedule.csv rows: agent id, then time. */
public final class RowWriter {
    private RowWriter() {
    }

    public static List<ScheduleRow> rows(Schedule s) {
        List<AgentDay> days = new ArrayList<>(s.getDays());
        days.sort(Comparator.comparing((AgentDay d) -> d.getPlan().id()).thenComparingInt(AgentDay::getDay));
        List<ScheduleRow> out = new ArrayList<>();
        for (AgentDay d : days) {
            out.addAll(rows(d));
        }
        return out;
    }

    public static List<ScheduleRow> rows(AgentDay d) {
        if (!d.assigned()) {
            return List.of();
        }
        PlanContext ctx = d.getCtx();
        int base = d.start();
        String loc = d.location();
        List<ScheduleRow> out = new ArrayList<>();
        for (int[] b : d.blocks()) {
            boolean training = b[2] == 1;
            Activity act = training ? Activity.TRAINING : Activity.WORK;
            String ch = training ? d.getTraining().channel() : ctx.channels().get(b[3]);
            if (!out.isEmpty()) {
                ScheduleRow last = out.get(out.size() - 1);
                if (last.activity() == act && ch.equals(last.channel())
                        && last.end().equals(ctx.timeOf(base + b[0]))) {
                    out.set(out.size() - 1, new ScheduleRow(last.agentId(), last.date(), last.start(),
                            ctx.timeOf(base + b[1]), act, ch, loc));
                    continue;
                }
            }
            out.add(new ScheduleRow(d.getPlan().id(), d.getDate(), ctx.timeOf(base + b[0]), ctx.timeOf(base + b[1]),
                    act, ch, loc));
        }
        for (Pause p : d.getPattern().pauses()) {
            out.add(new ScheduleRow(d.getPlan().id(), d.getDate(), ctx.timeOf(base + p.offset()),
                    ctx.timeOf(base + p.end()), p.lunch() ? Activity.LUNCH : Activity.BREAK, null, loc));
        }
        out.sort(Comparator.comparing(ScheduleRow::start));
        return out;
    }
}
