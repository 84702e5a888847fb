package org.wfm.forecast.intraday;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wfm.forecast.ForecastPoint;
import org.wfm.forecast.history.Observation;

/**
 * The rest of one channel's day reforecast from the contacts seen so far.
 *
 * <p>The day level θ (see {@link IntradayPrior}) is estimated by its linear Bayes (credibility) estimate from the
 * seen part of the day: with F the forecast contacts of the intervals already over, N the contacts that came, and
 * S = Σ f², θ̂ = 1 + Z·(N/F − 1), where Z = v / (v + 1/F + w·S/F²), v the day level's variance and w the intervals'
 * (Bühlmann, "Experience rating and credibility", ASTIN Bulletin 4(3), 1967: the best estimate linear in the
 * observation; exact for the Poisson-gamma model when w = 0). Z grows from 0 before the first contact to nearly 1
 * late in a busy day, so a quiet early morning moves the forecast little and a busy morning a lot. This is the
 * day-level update of intraday forecasting in call centres (Weinberg, Brown &amp; Stroud, "Bayesian forecasting of
 * an inhomogeneous Poisson process with applications to call center data", JASA 102, 2007; Shen &amp; Huang,
 * "Interday forecasting and intraday updating of call center arrivals", M&amp;SOM 10(3), 2008), in its simplest
 * closed form: the intraday shape is the night's forecast, only the level is learnt.
 *
 * <p>The rest of the day is θ̂·f per interval. Its prediction interval is the night's, calibrated on the history
 * (see the forecasting docs), moved to θ̂f and scaled by the square root of the ratio of the predictive variances
 * after and before the update: m + f²(θ̂²w + (1 − Z)v(1 + w)) with m = θ̂f (the level still uncertain by (1 − Z)v,
 * the interval's own deviation, Poisson noise) over f + f²(w + v(1 + w)). With nothing seen the interval is the
 * night's; as the level is learnt it narrows by the share of the uncertainty that was the day's level. Handling time the same way: the seen contacts' handling time over
 * the forecast's, ρ, gives ρ̂ = 1 + Z<sub>h</sub>(ρ − 1) with Z<sub>h</sub> = t / (t + c/n) for n contacts seen,
 * t the between-day variance of the AHT ratio and c one contact's.
 *
 * <p>Seen intervals are those that ended by {@code at}. A seen interval of the forecast without an actuals row is
 * left out of both sides (not reported is not zero) and counted in {@link Result#missing()}; contacts in an
 * interval the forecast had closed count (they are demand) and are counted in {@link Result#unforecast()}.
 */
public final class IntradayUpdate {
    private IntradayUpdate() {
    }

    /**
     * What the update found and the rest of the day.
     *
     * @param rest          the forecast points starting at or after {@code at}, updated
     * @param volumeFactor  θ̂, applied to the rest of the day's volume
     * @param ahtFactor     ρ̂, applied to the rest of the day's AHT
     * @param weight        Z, how far the level moved toward what was seen (0 = kept, 1 = followed)
     * @param forecastSeen  F, the forecast contacts of the seen intervals
     * @param actualSeen    N, the contacts seen
     * @param missing       seen forecast intervals without an actuals row
     * @param unforecast    actuals rows in intervals the forecast had closed, before {@code at}
     */
    public record Result(List<ForecastPoint> rest, double volumeFactor, double ahtFactor, double weight,
                         double forecastSeen, double actualSeen, int missing, int unforecast) {
    }

    /**
     * @param day             one channel's forecast points of one day, any order
     * @param actuals         that channel's observations of the day by interval start (others are ignored)
     * @param at              now: intervals ending by then are seen
     * @param intervalMinutes the forecast's interval length
     * @param prior           the channel's uncertainties
     */
    public static Result update(List<ForecastPoint> day, Map<LocalDateTime, Observation> actuals, LocalDateTime at,
                                int intervalMinutes, IntradayPrior prior) {
        double f = 0;
        double s = 0;
        double n = 0;
        double handled = 0;
        double forecastHandled = 0;
        double ahtContacts = 0;
        int missing = 0;
        java.util.Set<LocalDateTime> forecastStarts = new java.util.HashSet<>();
        for (ForecastPoint p : day) {
            forecastStarts.add(p.intervalStart());
            if (p.intervalStart().plusMinutes(intervalMinutes).isAfter(at)) {
                continue;
            }
            Observation o = actuals.get(p.intervalStart());
            if (o == null) {
                missing++;
                continue;
            }
            f += p.volume();
            s += p.volume() * p.volume();
            n += o.volume();
            if (o.volume() > 0 && !Double.isNaN(o.ahtSeconds()) && p.ahtSeconds() > 0) {
                handled += o.volume() * o.ahtSeconds();
                forecastHandled += o.volume() * p.ahtSeconds();
                ahtContacts += o.volume();
            }
        }
        int unforecast = 0;
        for (Map.Entry<LocalDateTime, Observation> e : actuals.entrySet()) {
            if (!forecastStarts.contains(e.getKey()) && !e.getKey().plusMinutes(intervalMinutes).isAfter(at)
                    && e.getValue().volume() > 0) {
                unforecast++;
                n += e.getValue().volume();
            }
        }
        double v = prior.dayVariance();
        double w = prior.intervalVariance();
        double z = f > 0 && v > 0 ? v / (v + 1 / f + w * s / (f * f)) : 0;
        double theta = f > 0 ? Math.max(0, 1 + z * (n / f - 1)) : 1;
        double t = prior.ahtDayVariance();
        double zh = ahtContacts > 0 && t > 0 ? t / (t + prior.ahtContactVariance() / ahtContacts) : 0;
        double rho = forecastHandled > 0 ? Math.max(0.05, 1 + zh * (handled / forecastHandled - 1)) : 1;
        double levelVariance = (1 - z) * v;
        List<ForecastPoint> rest = new ArrayList<>();
        for (ForecastPoint p : day) {
            if (p.intervalStart().isBefore(at)) {
                continue;
            }
            double fv = p.volume();
            double m = theta * fv;
            double before = fv + fv * fv * (w + v * (1 + w));
            double after = m + fv * fv * (theta * theta * w + levelVariance * (1 + w));
            double ratio = before > 0 ? Math.sqrt(after / before) : 1;
            rest.add(new ForecastPoint(p.intervalStart(), p.channel(), m,
                    Math.max(0, Math.min(m, m + (p.volumeLower() - fv) * ratio)),
                    Math.max(m, m + (p.volumeUpper() - fv) * ratio), p.ahtSeconds() * rho));
        }
        rest.sort(java.util.Comparator.comparing(ForecastPoint::intervalStart));
        return new Result(List.copyOf(rest), theta, rho, z, f, n, missing, unforecast);
    }
}
