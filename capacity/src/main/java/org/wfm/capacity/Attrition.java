package org.wfm.capacity;

import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly attrition rates by site and employment type, with {@code *} for any, and the arithmetic that turns a
 * monthly rate into weekly survival. A monthly rate m keeps a share (1 − m) of the staff each month; with a
 * constant hazard that is (1 − m)^(12/52) each week, so that 52 weeks give exactly (1 − m)^12 (the geometric
 * decay of the manpower-planning literature: Bartholomew, Forbes &amp; McClean, <i>Statistical Techniques for
 * Manpower Planning</i>, 2nd ed., Wiley 1991, ch. 2). Annual rates of 30–45 % are common in contact centres; the
 * default 3 % a month is 31 % a year.
 *
 * <p>Lookup order for an agent: exact site and employment, then site with {@code *}, then {@code *} with the
 * employment, then the default.
 */
public final class Attrition {
    /** 3 % a month: 1 − 0.97^12 = 30.6 % a year, the low end of the usual range. */
    public static final double DEFAULT_MONTHLY = 0.03;
    public static final String ANY = "*";

    private final double defaultMonthly;
    private final Map<String, Double> rates;

    /** @param rates monthly rates by {@link #key(String, String)}; {@code *} allowed on either side */
    public Attrition(double defaultMonthly, Map<String, Double> rates) {
        requireRate(defaultMonthly);
        rates.values().forEach(Attrition::requireRate);
        this.defaultMonthly = defaultMonthly;
        this.rates = new TreeMap<>(rates);
    }

    public static Attrition uniform(double monthly) {
        return new Attrition(monthly, Map.of());
    }

    public static String key(String site, String employment) {
        return (site == null || site.isBlank() ? ANY : site) + "|" + (employment == null ? ANY : employment);
    }

    /** The monthly rate for an agent of this site (null or empty for home-based) and employment type. */
    public double monthly(String site, String employment) {
        String s = site == null || site.isBlank() ? "home" : site;
        for (String k : new String[] {key(s, employment), key(s, ANY), key(ANY, employment)}) {
            Double r = rates.get(k);
            if (r != null) {
                return r;
            }
        }
        return rates.getOrDefault(key(ANY, ANY), defaultMonthly);
    }

    /** The monthly rate for new hires: full-time agents of any site ({@code *,full-time}), else the default. */
    public double hires() {
        Double r = rates.get(key(ANY, "full-time"));
        return r != null ? r : defaultMonthly();
    }

    /** Share of the staff still there one week later. */
    public static double weeklySurvival(double monthly) {
        requireRate(monthly);
        return Math.pow(1.0 - monthly, 12.0 / 52.0);
    }

    /** Share still there after {@code weeks} weeks. */
    public static double survival(double monthly, int weeks) {
        return Math.pow(weeklySurvival(monthly), weeks);
    }

    /** The annual rate a monthly rate amounts to: 1 − (1 − m)^12. */
    public static double annual(double monthly) {
        return 1.0 - Math.pow(1.0 - monthly, 12);
    }

    public double defaultMonthly() {
        return rates.getOrDefault(key(ANY, ANY), defaultMonthly);
    }

    public Map<String, Double> rates() {
        return java.util.Collections.unmodifiableMap(rates);
    }

    private static void requireRate(double m) {
        if (!(m >= 0.0 && m < 1.0)) {
            throw new IllegalArgumentException("a monthly attrition rate must be in [0, 1): " + m);
        }
    }
}
