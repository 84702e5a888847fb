package org.wfm.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wfm.forecast.ForecastPoint;
import org.wfm.scheduler.staffing.Channel;
import org.wfm.scheduler.staffing.ChannelPlan;

/**
 * A named what-if: changes to channels (volume, AHT, service target, shrinkage, a campaign's uplift on given dates)
 * and to attrition, applied to the baseline's forecast and channels before planning. The scheduling efficiency and
 * today's agents stay those of the baseline.
 */
public record Scenario(String name, List<Change> changes) {
    public static final String ALL = "*";

    public Scenario {
        changes = List.copyOf(changes);
    }

    /**
     * One line of scenarios.csv: {@code channel} a channel or {@code *} for all; NaN (or null dates) = unchanged.
     * The uplift multiplies the volume by (1 + uplift) on the days from {@code upliftStart} to {@code upliftEnd}
     * inclusive; {@code attrition} is a monthly rate for every agent and hire.
     */
    public record Change(String channel, double volumeFactor, double ahtDeltaSeconds, double serviceTarget,
                         double shrinkage, double attrition, double uplift, LocalDate upliftStart,
                         LocalDate upliftEnd) {
        boolean applies(String ch) {
            return channel.equals(ALL) || channel.equals(ch);
        }
    }

    /** The forecast with this scenario's volume, AHT and uplift changes. */
    public List<ForecastPoint> apply(List<ForecastPoint> points, ChannelPlan plan) {
        List<ForecastPoint> out = new ArrayList<>(points.size());
        for (ForecastPoint p : points) {
            double factor = 1.0;
            double aht = p.ahtSeconds() > 0 ? p.ahtSeconds()
                    : plan.channel(p.channel()).map(Channel::ahtSeconds).orElse(p.ahtSeconds());
            boolean ahtChanged = false;
            LocalDate day = p.intervalStart().toLocalDate();
            for (Change c : changes) {
                if (!c.applies(p.channel())) {
                    continue;
                }
                if (!Double.isNaN(c.volumeFactor())) {
                    factor *= c.volumeFactor();
                }
                if (!Double.isNaN(c.uplift()) && !day.isBefore(c.upliftStart()) && !day.isAfter(c.upliftEnd())) {
                    factor *= 1 + c.uplift();
                }
                if (!Double.isNaN(c.ahtDeltaSeconds())) {
                    aht += c.ahtDeltaSeconds();
                    ahtChanged = true;
                }
            }
            if (ahtChanged && !(aht >= 1)) {
                throw new IllegalArgumentException("scenario " + name + " makes the AHT of " + p.channel()
                        + " less than 1 s at " + p.intervalStart());
            }
            out.add(new ForecastPoint(p.intervalStart(), p.channel(), p.volume() * factor, p.volumeLower() * factor,
                    p.volumeUpper() * factor, ahtChanged ? aht : p.ahtSeconds()));
        }
        return out;
    }

    /** The channels with this scenario's service targets and shrinkage. */
    public ChannelPlan apply(ChannelPlan plan) {
        List<Channel> channels = new ArrayList<>();
        for (Channel ch : plan.channels()) {
            double sl = ch.serviceLevel();
            double shrinkage = ch.shrinkage();
            for (Change c : changes) {
                if (c.applies(ch.name())) {
                    if (!Double.isNaN(c.serviceTarget()) && ch.hasServiceTarget()) {
                        sl = c.serviceTarget();
                    }
                    if (!Double.isNaN(c.shrinkage())) {
                        shrinkage = c.shrinkage();
                    }
                }
            }
            channels.add(new Channel(ch.name(), ch.kind(), sl, ch.answerSeconds(), ch.patienceSeconds(),
                    ch.maxOccupancy(), ch.ahtSeconds(), ch.concurrency(), ch.responseHours(), shrinkage));
        }
        return new ChannelPlan(plan.zone(), plan.intervalMinutes(), plan.shrinkage(), channels);
    }

    /** The scenario's attrition: the last rate it gives, else the baseline's rates. */
    public Attrition apply(Attrition baseline) {
        Optional<Double> rate = changes.stream().map(Change::attrition).filter(r -> !Double.isNaN(r))
                .reduce((a, b) -> b);
        return rate.map(Attrition::uniform).orElse(baseline);
    }
}
