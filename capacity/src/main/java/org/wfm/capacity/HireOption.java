package org.wfm.capacity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.wfm.scheduler.domain.Agent;

/**
 * A skill set a recommended hiring class may be trained in (proficiency 1 in each after ramp-up) and the hourly
 * wage of such a hire.
 *
 * <p>The candidates ({@link #candidates}): every channel alone, and every pair of channels that at least one of
 * today's agents already combines (an agent with voice, chat and e-mail combines all three pairs). A pair nobody
 * combines today is left out: the centre has no training for it, no team leader of it and no wage for it. Three or
 * more channels are left out too: each extra skill adds training (see {@link HireCurve#forSkills}) and the pairs
 * already let the programme move capacity between every two channels that share staff.
 *
 * <p>The wage of a set: the median hourly cost of today's agents with exactly those skills (proficiency &gt; 0),
 * where there are any; else the dearest of its channels' single-skill wages; a channel without single-skilled
 * agents takes {@code fallback} (the median of all agents). So a two-skill hire costs what the centre pays its
 * two-skill agents today, a premium only where the market shows one. {@code given} (--hire-hourly-cost) replaces
 * every set's wage: then a multi-skill hire costs no more per hour and only its longer training holds it back.
 */
public record HireOption(Map<String, Double> skills, double hourlyCost) {
    public HireOption {
        skills = java.util.Collections.unmodifiableMap(new TreeMap<>(skills));
        if (skills.isEmpty() || !(hourlyCost >= 0)) {
            throw new IllegalArgumentException("a hire option needs skills and a wage ≥ 0");
        }
    }

    /** Single-skill options only, all at one wage: the plan before multi-skill classes. */
    public static List<HireOption> singles(List<String> channels, double hourly) {
        return channels.stream().map(c -> new HireOption(Map.of(c, 1.0), hourly)).toList();
    }

    /**
     * The candidate skill sets (see the class comment) in a fixed order: single channels in plan order, then pairs
     * in plan order of their first, then second channel.
     *
     * @param multi    false: single-skill classes only
     * @param given    the wage of every hire, or null to take it from today's agents
     * @param fallback the wage where today's agents show none
     */
    public static List<HireOption> candidates(List<String> channels, List<Agent> agents, boolean multi, Double given,
                                              double fallback) {
        List<HireOption> out = new ArrayList<>();
        for (String c : channels) {
            out.add(new HireOption(Map.of(c, 1.0), given != null ? given : wage(Set.of(c), agents, channels, fallback)));
        }
        if (!multi) {
            return out;
        }
        Set<Set<String>> combined = new LinkedHashSet<>();
        for (Agent a : agents) {
            combined.add(Supply.skilled(a.skills()).keySet());
        }
        for (int i = 0; i < channels.size(); i++) {
            for (int j = i + 1; j < channels.size(); j++) {
                Set<String> pair = Set.of(channels.get(i), channels.get(j));
                if (combined.stream().anyMatch(s -> s.containsAll(pair))) {
                    out.add(new HireOption(Map.of(channels.get(i), 1.0, channels.get(j), 1.0),
                            given != null ? given : wage(pair, agents, channels, fallback)));
                }
            }
        }
        return out;
    }

    /** The median wage of today's agents with exactly {@code skills}, else the dearest channel's (class comment). */
    static double wage(Set<String> skills, List<Agent> agents, List<String> channels, double fallback) {
        double[] c = agents.stream().filter(a -> Supply.skilled(a.skills()).keySet().equals(new TreeSet<>(skills)))
                .mapToDouble(Agent::hourlyCost).sorted().toArray();
        if (c.length > 0) {
            return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
        }
        if (skills.size() == 1) {
            return fallback;
        }
        return skills.stream().mapToDouble(s -> wage(Set.of(s), agents, channels, fallback)).max().orElse(fallback);
    }

    /** {@code chat+voice}: the set's name in summaries. */
    public String name() {
        return String.join("+", skills.keySet());
    }
}
