package org.wfm.scheduler.solver.model;

import java.util.ArrayList;
import java.util.List;

/**
 * No idle skills: the one rule for which channel a multi-skilled agent works inside a work block. A block is
 * booked on a channel ({@link AgentDay#channelAt}); where that channel has no demand in an interval (no
 * requirement for an immediate or concurrent channel, no work in the response window of a deferred one) and
 * another channel of the agent's has some, the agent works that other channel there instead, as a multi-skill
 * router would send them its contacts (skills-based routing: Gans, Koole and Mandelbaum, Telephone call
 * centers: tutorial, review, and research prospects, Manufacturing &amp; Service Operations Management 5(2),
 * 2003, section 7). The other channel is the agent's first with demand in the order of
 * {@link AgentPlan#channels()} (highest proficiency first). A redirected stretch is at least
 * {@link #MIN_BLOCK_MINUTES} long (shorter ones stay on the booked channel), so a shift may switch channel more
 * than once, never to a redirected stretch of less than half an hour. A booking on a channel the agent has no
 * skill for is left as it is (a hard rule broken, not something to tidy away).
 *
 * <p>The rule is local (the agent's own skills and the demand, never other agents' shifts), so the
 * incremental score, the construction, the row writer and the lower bounds all see the same channels.
 */
public final class ChannelRedirect {
    /** Shortest stretch on a channel other than the booked one. */
    public static final int MIN_BLOCK_MINUTES = 30;

    private ChannelRedirect() {
    }

    /**
     * The pieces of the work block [{@code from}, {@code to}) (minutes from the horizon's first midnight) booked
     * on channel {@code booked} (index in the plan's channels): {from, to, channel index}, in time order,
     * adjacent pieces on different channels.
     */
    public static List<int[]> pieces(PlanContext ctx, AgentPlan plan, int booked, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int im = ctx.intervalMinutes();
        int[] others = others(ctx, plan, booked);
        // A booking the agent has no skill for stays as it is: a broken rule, not a stretch to tidy up.
        if (others.length == 0 || plan.agent().proficiency(ctx.channels().get(booked)) <= 0) {
            out.add(new int[] {from, to, booked});
            return out;
        }
        int at = from;
        while (at < to) {
            int i = Math.floorDiv(at, im);
            int end = Math.min(to, (i + 1) * im);
            int target = target(ctx, others, booked, i);
            add(out, at, end, target);
            at = end;
        }
        // Stretches away from the booked channel shorter than the minimum go back to it.
        for (int k = 0; k < out.size(); k++) {
            int[] p = out.get(k);
            if (p[2] != booked && p[1] - p[0] < MIN_BLOCK_MINUTES) {
                p[2] = booked;
            }
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] p : out) {
            add(merged, p[0], p[1], p[2]);
        }
        return merged;
    }

    /** The agent's other channels (indexes in the plan's channels), highest proficiency first. */
    private static int[] others(PlanContext ctx, AgentPlan plan, int booked) {
        List<String> mine = plan.channels();
        int[] out = new int[mine.size()];
        int n = 0;
        for (String ch : mine) {
            int c = ctx.channelIndex(ch);
            if (c >= 0 && c != booked && plan.agent().proficiency(ch) > 0) {
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int target(PlanContext ctx, int[] others, int booked, int interval) {
        if (ctx.bucket(booked, interval) != null) {
            return booked;
        }
        for (int c : others) {
            if (ctx.bucket(c, interval) != null) {
                return c;
            }
        }
        return booked;
    }

    private static void add(List<int[]> out, int from, int to, int channel) {
        if (!out.isEmpty()) {
            int[] last = out.get(out.size() - 1);
            if (last[2] == channel && last[1] == from) {
                last[1] = to;
                return;
            }
        }
        out.add(new int[] {from, to, channel});
    }
}
