import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates the wfm sample inputs: a synthetic but realistic contact-centre history (voice, chat, email),
 * England &amp; Wales bank holidays, channels, agents, time off, rules, a nightly plan, and a few deliberately
 * broken files for tests.
 *
 * <p>Run from the repository root: {@code java samples/generator/GenerateSamples.java --seed 42 --out samples}.
 * Single file, Java 17, no dependencies. The same seed gives byte-identical files on any JVM: a single
 * {@link Random} is consumed in a fixed order, transcendental functions come from {@link StrictMath}
 * (bit-exact everywhere, unlike {@code Math}, which may use platform intrinsics), numbers are formatted with
 * {@link Locale#ROOT}, and files are written with LF line endings.
 *
 * <p>Volume model (per channel and 15-minute interval): expected volume = level × trend × annual season ×
 * weekday × holiday/event factor × daily random effect × intraday shape; the count is then drawn from a
 * negative binomial (gamma–Poisson mixture), which is the usual overdispersed count model for call arrivals
 * (Avramidis, Deslauriers &amp; L'Ecuyer, "Modeling daily arrivals to a telephone call center",
 * Management Science 50(7), 2004; Brown et al., "Statistical analysis of a telephone call center",
 * JASA 100(469), 2005, who also document the intraday double peak and the Monday peak). Handle times
 * per interval are the mean of lognormal individual handle times (Brown et al. 2005 found service times
 * close to lognormal), so their noise shrinks with the interval's volume.
 *
 * <p>The staffing check printed at the end is Erlang C (Cooper, "Introduction to Queueing Theory", 1981,
 * §5.4) for voice at 80/20 with an 85 % occupancy cap, M/M/(3N) for chat at 80/60, and plain workload for
 * email, after 30 % shrinkage; it is compared with the agents' total max_hours_week.
 */
public final class GenerateSamples {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate FIRST = LocalDate.of(2024, 9, 2);
    static final LocalDate LAST = LocalDate.of(2026, 11, 22);
    static final LocalDate HORIZON = LocalDate.of(2026, 11, 23);
    /** Levels below are "as of" this date; the trend runs backwards from it. */
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    /** Offset written as +01:00 / +00:00 (never Z) on the repeated fall-back hour. */
    static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);
    static final String[] CHANNELS = {"voice", "chat", "email"};
    static final double SHRINKAGE = 0.30;

    /** Mean volume per open 15-minute interval on an average weekday at {@link #REFERENCE}. */
    static final double LEVEL_VOICE = 23.0;
    static final double LEVEL_CHAT = 7.0;
    /** Email: mean per daytime-weighted interval, see {@link #emailShape}. */
    static final double LEVEL_EMAIL = 5.6;
    static final double TREND_PER_YEAR = 0.08;
    /** Chat level shift: launch of the mobile app with in-app chat. */
    static final LocalDate CHAT_LAUNCH = LocalDate.of(2026, 3, 2);
    static final double CHAT_LAUNCH_LIFT = 1.15;

    final Random rnd;
    final Path out;
    final Map<LocalDate, Holiday> holidays = new TreeMap<>();
    final Map<LocalDate, Event> events = new TreeMap<>();
    /** Single-interval spikes: key "channel|timestamp". */
    final Set<String> spikes = new LinkedHashSet<>();
    final List<AgentRow> agents = new ArrayList<>();
    /** Expected (noise-free) volume and AHT for the sizing check, last two weeks of history. */
    final Map<String, double[]> sizing = new LinkedHashMap<>();
    /** Staff (after shrinkage) needed per interval over the same two weeks, all channels together. */
    final Map<String, Double> staffByInterval = new TreeMap<>();

    record Holiday(LocalDate date, String name, String effect, boolean bankHoliday) { }

    /** A special day: per-channel multipliers; 0 = no rows (closed / outage). */
    record Event(String name, double voice, double chat, double email) {
        double factor(String channel) {
            return switch (channel) {
                case "voice" -> voice;
                case "chat" -> chat;
                default -> email;
            };
        }
    }

    /** Preferences draw from their own stream, so adding them left every other file byte-identical. */
    final Random prefRnd;

    GenerateSamples(long seed, Path out) {
        this.rnd = new Random(seed);
        this.prefRnd = new Random(seed * 31 + 20);
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        long seed = 42;
        Path out = Path.of("samples");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: java GenerateSamples.java [--seed N] [--out DIR]");
                    return;
                }
            }
        }
        new GenerateSamples(seed, out).run();
    }

    void run() throws IOException {
        Files.createDirectories(out.resolve("bad"));
        buildHolidays();
        buildEvents();
        writeHolidays();
        writeHistory();
        buildAgents();
        writeAgents();
        writeTimeoff();
        writeChannels();
        writeRules();
        writePlan();
        writeBad();
        writePreferences();
        printSizing();
    }

    // ---------------------------------------------------------------- holidays

    /** Easter Sunday, anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms", ch. 8). */
    static LocalDate easter(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }

    /**
     * England &amp; Wales bank holidays (Banking and Financial Dealings Act 1971, with the substitute-day
     * rule: a holiday on a weekend moves to the next weekday not already a holiday). When Boxing Day falls
     * on a Saturday the centre also stays closed on the 26th itself, listed as a non-bank closed day.
     */
    void buildHolidays() {
        LocalDate until = HORIZON.plusWeeks(8);
        for (int y = FIRST.getYear(); y <= until.getYear(); y++) {
            List<Holiday> year = new ArrayList<>();
            LocalDate ny = LocalDate.of(y, 1, 1);
            year.add(new Holiday(weekdayOnOrAfter(ny), ny.getDayOfWeek().getValue() >= 6
                    ? "New Year's Day (substitute day)" : "New Year's Day", "closed", true));
            LocalDate easter = easter(y);
            year.add(new Holiday(easter.minusDays(2), "Good Friday", "0.4", true));
            year.add(new Holiday(easter.plusDays(1), "Easter Monday", "0.4", true));
            year.add(new Holiday(LocalDate.of(y, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                    "Early May bank holiday", "0.4", true));
            year.add(new Holiday(LocalDate.of(y, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                    "Spring bank holiday", "0.4", true));
            year.add(new Holiday(LocalDate.of(y, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                    "Summer bank holiday", "0.4", true));
            LocalDate xmas = LocalDate.of(y, 12, 25);
            LocalDate xmasObs = weekdayOnOrAfter(xmas);
            LocalDate boxing = LocalDate.of(y, 12, 26);
            LocalDate boxingObs = weekdayOnOrAfter(boxing);
            if (!boxingObs.isAfter(xmasObs)) {
                boxingObs = weekdayOnOrAfter(xmasObs.plusDays(1));
            }
            year.add(new Holiday(xmasObs, xmasObs.equals(xmas) ? "Christmas Day" : "Christmas Day (substitute day)",
                    "closed", true));
            if (!xmasObs.equals(xmas)) {
                year.add(new Holiday(xmas, "Christmas Day", "closed", false));
            }
            if (!boxingObs.equals(boxing)) {
                year.add(new Holiday(boxing, "Boxing Day", "closed", false));
            }
            year.add(new Holiday(boxingObs, boxingObs.equals(boxing) ? "Boxing Day" : "Boxing Day (substitute day)",
                    boxingObs.equals(boxing) ? "closed" : "0.4", true));
            for (Holiday h : year) {
                if (!h.date().isBefore(FIRST) && !h.date().isAfter(until)) {
                    holidays.put(h.date(), h);
                }
            }
        }
    }

    static LocalDate weekdayOnOrAfter(LocalDate d) {
        while (d.getDayOfWeek().getValue() >= 6) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Outages, an incident day and the like: days that are not public holidays. */
    void buildEvents() {
        events.put(LocalDate.of(2024, 11, 14), new Event("chat platform migration (chat closed)", 1.08, 0, 1.05));
        events.put(LocalDate.of(2025, 6, 11), new Event("system outage (all channels, no rows)", 0, 0, 0));
        events.put(LocalDate.of(2025, 6, 12), new Event("backlog after outage", 1.25, 1.2, 1.6));
        events.put(LocalDate.of(2025, 11, 5), new Event("billing error incident", 1.8, 1.5, 1.8));
        events.put(LocalDate.of(2026, 2, 17), new Event("telephony provider outage (voice closed)", 0, 1.6, 1.3));
        events.put(LocalDate.of(2026, 7, 8), new Event("heatwave, quiet day", 0.85, 0.9, 0.9));
    }

    void writeHolidays() throws IOException {
        StringBuilder sb = new StringBuilder("date,name,effect\n");
        for (Holiday h : holidays.values()) {
            sb.append(h.date()).append(',').append(h.name()).append(',').append(h.effect()).append('\n');
        }
        write("holidays.csv", sb.toString());
    }

    // ---------------------------------------------------------------- history

    /** Opening hours [open, close) in local hours for a channel and day, or null when closed all day. */
    static double[] hours(String channel, DayOfWeek dow) {
        switch (channel) {
            case "voice":
                if (dow == DayOfWeek.SUNDAY) {
                    return null;
                }
                return dow == DayOfWeek.SATURDAY ? new double[] {9, 17} : new double[] {8, 20};
            case "chat":
                return dow == DayOfWeek.SUNDAY ? new double[] {10, 18} : new double[] {8, 22};
            default:
                return new double[] {0, 24};
        }
    }

    static double gauss(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return StrictMath.exp(-0.5 * z * z);
    }

    /** Unnormalised intraday shape at local clock hour {@code h} (interval midpoint). */
    static double shape(String channel, DayOfWeek dow, double h) {
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        switch (channel) {
            case "voice": {
                if (weekend) {
                    return 0.35 + 1.0 * gauss(h, 11.0, 1.3) + 0.55 * gauss(h, 14.3, 1.2) - 0.25 * gauss(h, 16.8, 0.5);
                }
                // ramp-up after opening, mid-morning peak, lunch dip, early-afternoon peak, evening fade;
                // Monday mornings are sharper (weekend backlog), Friday afternoons and evenings quieter
                double ramp = 1 - 0.55 * StrictMath.exp(-(h - 8) / 0.45);
                return ramp * (0.30 + morning(dow) * gauss(h, 10.4, 1.3)
                        + afternoon(dow) * (0.72 * gauss(h, 14.1, 1.25) + 0.22 * gauss(h, 17.3, 1.3))
                        - 0.10 * gauss(h, 12.6, 0.45));
            }
            case "chat": {
                if (dow == DayOfWeek.SUNDAY) {
                    return 0.45 + 0.8 * gauss(h, 12.5, 1.8) + 0.6 * gauss(h, 16.0, 1.3);
                }
                double ramp = 1 - 0.5 * StrictMath.exp(-(h - 8) / 0.6);
                // office-hours peaks plus a later evening peak from people chatting after work
                double evening = weekend ? 0.55 : 0.85;
                return ramp * (0.30 + 0.85 * morning(dow) * gauss(h, 10.8, 1.2)
                        + afternoon(dow) * (0.65 * gauss(h, 14.3, 1.2) + evening * gauss(h, 19.8, 1.25)))
                        * (1 - 0.35 * gauss(h, 22.0, 0.5));
            }
            default:
                return emailShape(dow, h);
        }
    }

    static double morning(DayOfWeek dow) {
        return dow == DayOfWeek.MONDAY ? 1.12 : 1.0;
    }

    static double afternoon(DayOfWeek dow) {
        return dow == DayOfWeek.FRIDAY ? 0.88 : 1.0;
    }

    /** Email arrivals: a low overnight floor, an early-morning inbox surge, daytime peaks, evening tail. */
    static double emailShape(DayOfWeek dow, double h) {
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        double night = 0.035 + 0.05 * gauss(h, 23.0, 1.5) + 0.04 * gauss(h, -0.5, 1.0);
        double day = weekend
                ? 0.55 * gauss(h, 11.5, 2.5) + 0.35 * gauss(h, 17.0, 2.5)
                : 1.0 * morning(dow) * morning(dow) * gauss(h, 9.9, 1.3)
                        + afternoon(dow) * (0.8 * gauss(h, 14.0, 1.5) + 0.35 * gauss(h, 19.5, 1.8));
        return night + day;
    }

    /** Mean of the shape over a day's open intervals, so that levels mean "per open interval". */
    static double shapeMean(String channel, DayOfWeek dow) {
        double[] oh = hours(channel, dow);
        if ("email".equals(channel)) {
            dow = DayOfWeek.WEDNESDAY;
            oh = new double[] {7, 21};
        }
        double s = 0;
        int n = 0;
        for (double h = oh[0]; h < oh[1]; h += 0.25) {
            s += shape(channel, dow, h + 0.125);
            n++;
        }
        return s / n;
    }

    /** Day-of-week level relative to an average weekday (Monday peak, declining, weekend low). */
    static double weekday(String channel, DayOfWeek dow) {
        double[] f = switch (channel) {
            case "voice" -> new double[] {1.24, 1.08, 1.01, 0.97, 0.90, 0.62, 0};
            case "chat" -> new double[] {1.16, 1.05, 1.00, 0.97, 0.92, 0.70, 0.62};
            default -> new double[] {1.30, 1.08, 1.00, 0.96, 0.88, 0.42, 0.38};
        };
        return f[dow.getValue() - 1];
    }

    /**
     * Annual season: monthly factors at mid-month, interpolated with a cosine so the curve is smooth;
     * the last fortnight of December dips further and the first working days of January surge.
     */
    static double season(String channel, LocalDate d) {
        double[] m = {1.17, 1.06, 1.02, 0.97, 0.95, 0.93, 0.89, 0.82, 1.12, 1.05, 1.00, 0.90};
        double pos = (d.getDayOfMonth() - 15.0) / d.lengthOfMonth();
        int i = d.getMonthValue() - 1;
        int j = pos >= 0 ? (i + 1) % 12 : (i + 11) % 12;
        double w = 0.5 - 0.5 * StrictMath.cos(Math.PI * Math.abs(pos));
        double s = (1 - w) * m[i] + w * m[j];
        if (d.getMonthValue() == 12 && d.getDayOfMonth() >= 18) {
            s *= 1 - 0.30 * Math.min(1, (d.getDayOfMonth() - 17) / 5.0);
        }
        if (d.getMonthValue() == 1 && d.getDayOfMonth() <= 12) {
            s *= 1.12;
        }
        if ("email".equals(channel) && d.getMonthValue() == 9) {
            s *= 1.04; // back-to-school paperwork
        }
        return s;
    }

    static double trend(LocalDate d) {
        double years = ChronoUnit.DAYS.between(REFERENCE, d) / 365.25;
        return StrictMath.pow(1 + TREND_PER_YEAR, years);
    }

    /** Holiday and event multiplier for a channel and day; 0 means no rows at all that day. */
    double dayFactor(String channel, LocalDate d) {
        double f = 1;
        Holiday h = holidays.get(d);
        if (h != null) {
            if ("closed".equals(h.effect())) {
                f *= "email".equals(channel) ? 0.30 : 0;
            } else {
                f *= switch (channel) {
                    case "voice" -> 0.40;
                    case "chat" -> 0.55;
                    default -> 0.50;
                };
            }
        }
        // the next open day after a bank holiday catches up
        boolean afterHoliday = false;
        LocalDate p = d.minusDays(1);
        while (true) {
            if (holidays.containsKey(p)) {
                afterHoliday = true;
            } else if ("email".equals(channel) || hours(channel, p.getDayOfWeek()) != null) {
                break;
            }
            p = p.minusDays(1);
        }
        if (h == null && afterHoliday) {
            f *= "email".equals(channel) ? 1.30 : 1.18;
        }
        Event e = events.get(d);
        if (e != null) {
            f *= e.factor(channel);
        }
        return f;
    }

    void writeHistory() throws IOException {
        pickSpikes();
        Map<String, Double> shapeMeans = new LinkedHashMap<>();
        for (String c : CHANNELS) {
            for (DayOfWeek dow : DayOfWeek.values()) {
                if (hours(c, dow) != null) {
                    shapeMeans.put(c + dow, shapeMean(c, dow));
                }
            }
        }
        LocalDate sizingFrom = LAST.minusDays(13);
        try (Writer w = Files.newBufferedWriter(out.resolve("history.csv"), StandardCharsets.UTF_8)) {
            w.write("interval_start,channel,volume,aht_seconds\n");
            for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
                DayOfWeek dow = d.getDayOfWeek();
                Map<String, Double> dayLevel = new LinkedHashMap<>();
                for (String c : CHANNELS) {
                    // a day-level random effect (weather, news, marketing mail-outs): lognormal, sd ~6 %
                    double re = StrictMath.exp(0.06 * rnd.nextGaussian() - 0.0018);
                    double[] oh = hours(c, dow);
                    double f = dayFactor(c, d);
                    if (oh == null || f == 0) {
                        continue;
                    }
                    double level = switch (c) {
                        case "voice" -> LEVEL_VOICE;
                        case "chat" -> LEVEL_CHAT * (d.isBefore(CHAT_LAUNCH) ? 1 / CHAT_LAUNCH_LIFT : 1);
                        default -> LEVEL_EMAIL;
                    };
                    dayLevel.put(c, level * trend(d) * season(c, d) * weekday(c, dow) * f * re
                            / shapeMeans.get(c + dow));
                }
                ZonedDateTime t = d.atStartOfDay(ZONE);
                while (t.toLocalDate().equals(d)) {
                    LocalDateTime local = t.toLocalDateTime();
                    double h = local.getHour() + local.getMinute() / 60.0 + 0.125;
                    boolean repeated = ZONE.getRules().getValidOffsets(local).size() > 1;
                    String ts = repeated ? TS.format(local) + OFFSET.format(t) : TS.format(local);
                    for (String c : CHANNELS) {
                        Double lv = dayLevel.get(c);
                        if (lv == null) {
                            continue;
                        }
                        double[] oh = hours(c, dow);
                        double hh = h - 0.125;
                        if (hh < oh[0] || hh >= oh[1]) {
                            continue;
                        }
                        double mu = lv * shape(c, dow, h);
                        if (spikes.contains(c + "|" + ts)) {
                            mu *= 3;
                        }
                        int vol = negBin(mu, c);
                        double aht = ahtMean(c, d, h) * (events.containsKey(d) && events.get(d).factor(c) > 1.4
                                ? 1.12 : 1.0); // incident and outage-backlog contacts take longer
                        if (!d.isBefore(sizingFrom)) {
                            double[] acc = sizing.computeIfAbsent(c, k -> new double[4]);
                            double sh = staffHours(c, mu, aht);
                            acc[0] += sh;
                            acc[1] += mu;
                            staffByInterval.merge(ts, sh * 4, Double::sum);
                        }
                        w.write(ts);
                        w.write(',');
                        w.write(c);
                        w.write(',');
                        w.write(Integer.toString(vol));
                        w.write(',');
                        if (vol > 0) {
                            w.write(String.format(Locale.ROOT, "%.1f", observedAht(c, aht, vol)));
                        }
                        w.write('\n');
                    }
                    t = t.plusMinutes(15);
                }
            }
        }
    }

    /** A dozen single-interval spikes (×3): mass mailings, a viral post, a TV mention. */
    void pickSpikes() {
        String[][] fixed = {
            {"voice", "2024-10-07T11:30"}, {"voice", "2025-01-20T09:15"}, {"voice", "2025-05-13T15:45"},
            {"voice", "2026-01-26T10:00"}, {"voice", "2026-09-15T18:30"},
            {"chat", "2024-12-02T20:15"}, {"chat", "2025-03-18T13:00"}, {"chat", "2026-04-21T19:45"},
            {"chat", "2026-10-12T11:15"},
            {"email", "2025-02-03T07:00"}, {"email", "2025-09-08T09:30"}, {"email", "2026-06-01T08:45"},
        };
        for (String[] s : fixed) {
            spikes.add(s[0] + "|" + s[1]);
        }
    }

    /** Expected AHT: channel base, intraday (longer early and late), Monday harder, slow learning trend. */
    static double ahtMean(String channel, LocalDate d, double h) {
        double base = switch (channel) {
            case "voice" -> 300;
            case "chat" -> 900;
            default -> 420;
        };
        double intraday = switch (channel) {
            case "voice" -> 1 + 0.06 * gauss(h, 8.2, 0.8) + 0.08 * gauss(h, 19.5, 1.0) - 0.03 * gauss(h, 10.5, 1.2);
            case "chat" -> 1 + 0.05 * gauss(h, 21.0, 1.2) - 0.04 * gauss(h, 11.0, 1.5);
            default -> 1 + 0.10 * gauss(h, 3.0, 3.0) - 0.03 * gauss(h, 10.0, 1.5);
        };
        double wd = switch (d.getDayOfWeek()) {
            case MONDAY -> 1.04;
            case FRIDAY -> 0.98;
            case SATURDAY, SUNDAY -> 1.03;
            default -> 1.0;
        };
        double years = ChronoUnit.DAYS.between(REFERENCE, d) / 365.25;
        double learning = StrictMath.pow(0.98, years);
        // annual: January queries (bills, renewals) take longer
        double seasonal = 1 + 0.03 * StrictMath.cos(2 * Math.PI * (d.getDayOfYear() - 15) / 365.25);
        return base * intraday * wd * learning * seasonal;
    }

    /** Mean of {@code n} lognormal handle times with coefficient of variation 0.7 around {@code mean}. */
    double observedAht(String channel, double mean, int n) {
        double cv = "chat".equals(channel) ? 0.55 : 0.7;
        double sdOfMean = mean * cv / StrictMath.sqrt(n);
        double sigma2 = StrictMath.log(1 + (sdOfMean / mean) * (sdOfMean / mean));
        double v = mean * StrictMath.exp(StrictMath.sqrt(sigma2) * rnd.nextGaussian() - sigma2 / 2);
        return Math.max(20, v);
    }

    /** Negative binomial with mean mu and size k (variance mu + mu²/k), as a gamma–Poisson mixture. */
    int negBin(double mu, String channel) {
        if (mu <= 0) {
            return 0;
        }
        double k = switch (channel) {
            case "voice" -> 60;
            case "chat" -> 40;
            default -> 25;
        };
        double lambda = gamma(k) * mu / k;
        return poisson(lambda);
    }

    /** Gamma(shape, 1), Marsaglia &amp; Tsang, ACM TOMS 26(3), 2000 (shape &gt;= 1 here). */
    double gamma(double shape) {
        double d = shape - 1.0 / 3, c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian(), v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    /** Poisson by Knuth's multiplication method (Knuth, TAOCP vol. 2, 3.4.1), split for large means. */
    int poisson(double lambda) {
        int n = 0;
        while (lambda > 30) {
            n += poissonSmall(30);
            lambda -= 30;
        }
        return n + poissonSmall(lambda);
    }

    int poissonSmall(double lambda) {
        double l = StrictMath.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    // ---------------------------------------------------------------- sizing check

    /** Staff-hours (after shrinkage) one interval needs. */
    static double staffHours(String channel, double volume, double aht) {
        double agents = switch (channel) {
            case "voice" -> Math.max(erlangAgents(volume * aht / 900, 0.80, 20 / aht),
                    Math.ceil(volume * aht / 900 / 0.85));
            case "chat" -> Math.ceil(erlangAgents(volume * aht / 900, 0.80, 60 / aht) / 3.0);
            default -> volume * aht / 900;
        };
        return agents / (1 - SHRINKAGE) * 0.25;
    }

    /**
     * Fewest servers N with Erlang C service level 1 − C(N,A)·e^{−(N−A)·t/aht} ≥ target, for offered load
     * {@code a} Erlangs and answer time t given as {@code tOverAht} = t / aht.
     */
    static double erlangAgents(double a, double target, double tOverAht) {
        if (a <= 0) {
            return 0;
        }
        for (int n = (int) Math.floor(a) + 1; ; n++) {
            // Erlang B by recursion, then C
            double b = 1;
            for (int i = 1; i <= n; i++) {
                b = a * b / (i + a * b);
            }
            double c = n * b / (n - a * (1 - b));
            double sl = 1 - c * StrictMath.exp(-(n - a) * tOverAht);
            if (sl >= target) {
                return n;
            }
        }
    }

    void printSizing() {
        double total = 0;
        StringBuilder sb = new StringBuilder();
        for (String c : CHANNELS) {
            double[] acc = sizing.get(c);
            double perWeek = acc[0] / 2;
            total += perWeek;
            sb.append(String.format(Locale.ROOT, "  %-5s %7.0f contacts/week  %7.0f staff-hours/week%n",
                    c, acc[1] / 2, perWeek));
        }
        double max = 0;
        for (AgentRow a : agents) {
            max += a.maxHours;
        }
        String peakTs = null;
        for (Map.Entry<String, Double> e : staffByInterval.entrySet()) {
            if (peakTs == null || e.getValue() > staffByInterval.get(peakTs)) {
                peakTs = e.getKey();
            }
        }
        System.out.printf(Locale.ROOT, "Sizing check, %s..%s (expected volumes, 30%% shrinkage):%n%s"
                + "  total %.0f staff-hours/week vs agents' max_hours_week %.0f: %.0f %%%n"
                + "  busiest interval %s needs %.1f staff on shift (of %d agents)%n",
                LAST.minusDays(13), LAST, sb, total, max, 100 * total / max,
                peakTs, staffByInterval.get(peakTs), agents.size());
    }

    // ---------------------------------------------------------------- agents

    static final class AgentRow {
        String id, name, site, mode, employment, skills, development, days, start, end;
        double minHours, maxHours, cost;

        String csv() {
            return String.join(",", id, name, site, mode, employment, skills, development,
                    num(minHours), num(maxHours), String.format(Locale.ROOT, "%.2f", cost), quoted(days), start, end);
        }

        /** A day list such as Sun,Mon,Tue holds commas, so CSV needs it quoted. */
        static String quoted(String field) {
            return field.contains(",") ? '"' + field + '"' : field;
        }
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static final String[] FIRST_NAMES = {
        "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Jack", "Sophie", "Noah", "Grace", "Leo",
        "Freya", "Arthur", "Poppy", "Alfie", "Evie", "Charlie", "Ruby", "Thomas", "Daisy", "Oscar", "Ella",
        "James", "Lily", "William", "Chloe", "Henry", "Megan", "Samuel", "Hannah", "Joshua", "Priya", "Aaron",
        "Bethan", "Rhys", "Niamh", "Callum", "Aisha", "Mohammed", "Zara", "Imran", "Kerry", "Gareth", "Shona",
        "Liam", "Fiona", "Declan", "Joanne", "Craig", "Nadia", "Dylan", "Holly", "Owen", "Rosie", "Kieran",
        "Yasmin", "Ben", "Lauren", "Martin", "Tanya", "Sunil", "Abigail", "Lewis"
    };
    static final String[] SURNAMES = {
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
        "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke",
        "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes",
        "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott",
        "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell",
        "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum", "Fletcher",
        "Holmes", "Barker", "Pearson"
    };

    /**
     * Sixty agents. The mix is written out (sites, contracts, skill profiles) so that counts are exact;
     * the seeded generator picks names, proficiencies, costs and windows within each profile.
     */
    void buildAgents() {
        // site, mode, employment, skill profile, days, window
        String[][] plan = {
            // ---- full-time, London (onsite 11, hybrid 7)
            {"london", "onsite", "ft", "V", "Mon-Fri", "A"}, {"london", "onsite", "ft", "V", "Mon-Fri", "A"},
            {"london", "onsite", "ft", "V", "Mon-Fri", "B"}, {"london", "onsite", "ft", "VC", "Mon-Fri", "A"},
            {"london", "onsite", "ft", "VC", "Mon-Sat", "A"}, {"london", "onsite", "ft", "V", "Mon-Sat", "A"},
            {"london", "onsite", "ft", "VE", "Mon-Fri", "B"}, {"london", "onsite", "ft", "VCE", "Mon-Fri", "A"},
            {"london", "onsite", "ft", "V", "Tue-Sat", "A"}, {"london", "onsite", "ft", "CV", "Mon-Sat", "L"},
            {"london", "onsite", "ft", "V", "Mon-Fri", "E"},
            {"london", "hybrid", "ft", "V", "Mon-Fri", "A"}, {"london", "hybrid", "ft", "VC", "Mon-Fri", "A"},
            {"london", "hybrid", "ft", "VE", "Mon-Fri", "B"}, {"london", "hybrid", "ft", "CE", "Mon-Sat", "L"},
            {"london", "hybrid", "ft", "V", "Mon-Sat", "A"}, {"london", "hybrid", "ft", "EV", "Mon-Fri", "B"},
            {"london", "hybrid", "ft", "VC", "Tue-Sat", "L"},
            // ---- full-time, Leeds (onsite 8, hybrid 5)
            {"leeds", "onsite", "ft", "V", "Mon-Fri", "A"}, {"leeds", "onsite", "ft", "V", "Mon-Fri", "B"},
            {"leeds", "onsite", "ft", "VC", "Mon-Sat", "A"}, {"leeds", "onsite", "ft", "V", "Mon-Sat", "A"},
            {"leeds", "onsite", "ft", "C", "Sun,Mon,Tue,Wed,Thu", "L"}, {"leeds", "onsite", "ft", "VE", "Mon-Fri", "B"},
            {"leeds", "onsite", "ft", "V", "Mon-Fri", "E"}, {"leeds", "onsite", "ft", "CV", "Wed-Sun", "L"},
            {"leeds", "hybrid", "ft", "V", "Mon-Fri", "A"}, {"leeds", "hybrid", "ft", "VCE", "Mon-Fri", "A"},
            {"leeds", "hybrid", "ft", "E", "Mon-Fri", "B"}, {"leeds", "hybrid", "ft", "VC", "Mon-Sat", "L"},
            {"leeds", "hybrid", "ft", "V", "Mon-Fri", "A"},
            // ---- full-time, more hybrids (London 4, Leeds 2) and home-based (3)
            {"london", "hybrid", "ft", "V", "Mon-Fri", "A"}, {"leeds", "hybrid", "ft", "VC", "Mon-Fri", "A"},
            {"home", "remote", "ft", "C", "Mon-Sat", "L"}, {"london", "hybrid", "ft", "E", "Mon-Fri", "B"},
            {"", "remote", "ft", "CE", "Sun,Mon,Tue,Wed,Thu", "L"}, {"leeds", "hybrid", "ft", "V", "Mon-Sat", "A"},
            {"london", "hybrid", "ft", "VE", "Mon-Fri", "B"}, {"london", "hybrid", "ft", "V", "Mon-Fri", "E"},
            {"", "remote", "ft", "CV", "Wed-Sun", "L"},
            // ---- part-time (12)
            {"london", "onsite", "pt", "V", "Mon-Fri", "A"}, {"london", "hybrid", "pt", "VC", "Mon,Tue,Wed", "B"},
            {"london", "onsite", "pt", "V", "Mon,Wed,Fri", "A"}, {"leeds", "onsite", "pt", "VC", "Mon-Thu", "A"},
            {"leeds", "hybrid", "pt", "CE", "Mon-Fri", "L"}, {"leeds", "onsite", "pt", "V", "Thu-Sat", "A"},
            {"leeds", "hybrid", "pt", "E", "Mon-Fri", "B"}, {"", "remote", "pt", "VC", "Sat,Sun", "W"},
            {"home", "remote", "pt", "C", "Sat,Sun", "W"}, {"london", "hybrid", "pt", "V", "Mon-Fri", "M"},
            {"london", "hybrid", "pt", "VE", "Tue-Thu", "B"}, {"", "remote", "pt", "CV", "Fri,Sat,Sun", "L"},
            // ---- on-demand (8), half home-based
            {"", "remote", "od", "V", "Mon-Sat", "A"}, {"", "remote", "od", "VC", "Mon-Sun", "A"},
            {"", "remote", "od", "C", "Mon-Sun", "L"}, {"leeds", "hybrid", "od", "V", "Mon-Fri", "A"},
            {"london", "hybrid", "od", "VE", "Mon-Fri", "A"}, {"london", "hybrid", "od", "V", "Mon-Sat", "A"},
            {"", "remote", "od", "CV", "Mon-Sun", "L"}, {"leeds", "hybrid", "od", "E", "Mon-Sun", "A"},
        };
        // development goals go to these agents (1-based positions), on their weakest or a new-ish skill
        Set<Integer> devs = Set.of(3, 6, 8, 12, 14, 19, 22, 26, 28, 32, 36, 41, 44, 48, 50);
        Set<String> usedNames = new LinkedHashSet<>();
        int idx = 0;
        for (String[] p : plan) {
            idx++;
            AgentRow a = new AgentRow();
            a.id = String.format(Locale.ROOT, "A%03d", idx);
            String name;
            do {
                name = FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)] + " " + SURNAMES[rnd.nextInt(SURNAMES.length)];
            } while (!usedNames.add(name));
            a.name = name;
            a.site = p[0];
            a.mode = p[1];
            a.employment = switch (p[2]) {
                case "ft" -> "full-time";
                case "pt" -> "part-time";
                default -> "on-demand";
            };
            Map<String, Double> skills = new LinkedHashMap<>();
            String prof = p[3];
            for (int i = 0; i < prof.length(); i++) {
                String ch = switch (prof.charAt(i)) {
                    case 'V' -> "voice";
                    case 'C' -> "chat";
                    default -> "email";
                };
                // the first letter is the main skill; later ones are secondary and weaker
                double v = i == 0 ? 0.85 + 0.05 * rnd.nextInt(4) : 0.5 + 0.1 * rnd.nextInt(4);
                skills.put(ch, Math.min(1.0, v));
            }
            boolean dev = devs.contains(idx);
            String development = "";
            if (dev) {
                String weakest = null;
                for (Map.Entry<String, Double> e : skills.entrySet()) {
                    if (weakest == null || e.getValue() < skills.get(weakest)) {
                        weakest = e.getKey();
                    }
                }
                if (skills.size() == 1) {
                    // single-skilled: start a second skill at a low proficiency and train it
                    weakest = skills.containsKey("voice") ? (idx % 2 == 0 ? "chat" : "email") : "voice";
                    skills.put(weakest, 0.3 + 0.1 * rnd.nextInt(2));
                } else if (skills.get(weakest) > 0.6) {
                    skills.put(weakest, 0.5);
                }
                int hoursWanted = 4 + 2 * rnd.nextInt(3);
                development = weakest + ":" + hoursWanted;
            }
            a.skills = skillString(skills);
            a.development = development;
            a.days = p[4];
            switch (p[5]) {
                case "A" -> { a.start = "07:30"; a.end = "21:00"; }
                case "B" -> { a.start = "08:00"; a.end = "18:00"; }
                case "E" -> { a.start = "07:30"; a.end = "16:00"; }
                case "L" -> { a.start = "10:00"; a.end = "22:00"; }
                case "M" -> { a.start = "09:00"; a.end = "15:00"; }
                default -> { a.start = "08:00"; a.end = "22:00"; }
            }
            int extraSkills = skills.size() - 1;
            switch (p[2]) {
                case "ft" -> {
                    a.minHours = 35;
                    a.maxHours = 40;
                    a.cost = 11.75 + 0.25 * rnd.nextInt(8) + 0.5 * extraSkills + (a.site.equals("london") ? 0.75 : 0);
                }
                case "pt" -> {
                    boolean weekendOnly = p[4].equals("Sat,Sun");
                    a.minHours = weekendOnly ? 16 : 16 + 2 * rnd.nextInt(3);
                    a.maxHours = weekendOnly ? 20 : 25 + 5 * rnd.nextInt(2);
                    a.cost = 11.5 + 0.25 * rnd.nextInt(6) + 0.5 * extraSkills + (a.site.equals("london") ? 0.75 : 0);
                }
                default -> {
                    a.minHours = 0;
                    a.maxHours = 20 + 5 * rnd.nextInt(3);
                    a.cost = 13.5 + 0.25 * rnd.nextInt(8) + 0.5 * extraSkills + (a.site.equals("london") ? 0.5 : 0);
                }
            }
            a.cost = Math.min(16.0, Math.max(11.5, a.cost));
            agents.add(a);
        }
    }

    static String skillString(Map<String, Double> skills) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : skills.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append(':').append(String.format(Locale.ROOT, "%.1f", e.getValue()));
        }
        return sb.toString();
    }

    void writeAgents() throws IOException {
        StringBuilder sb = new StringBuilder("agent_id,name,site,work_mode,employment,skills,development,"
                + "min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end\n");
        for (AgentRow a : agents) {
            sb.append(a.csv()).append('\n');
        }
        write("agents.csv", sb.toString());
    }

    void writeTimeoff() throws IOException {
        String s = "agent_id,date,start,end,reason\n"
                + "A002,2026-11-23,,,annual leave\n"
                + "A002,2026-11-24,,,annual leave\n"
                + "A009,2026-11-27,,,annual leave\n"
                + "A013,2026-11-25,09:00,11:30,dentist appointment\n"
                + "A020,2026-11-30,,,annual leave\n"
                + "A020,2026-12-01,,,annual leave\n"
                + "A020,2026-12-02,,,annual leave\n"
                + "A027,2026-12-03,13:00,17:00,hospital appointment\n"
                + "A033,2026-11-26,,,annual leave\n"
                + "A042,2026-11-23,14:00,18:00,school event\n"
                + "A046,2026-12-04,,,annual leave\n"
                + "A051,2026-12-01,08:00,12:00,GP appointment\n";
        write("timeoff.csv", s);
    }

    void writeChannels() throws IOException {
        write("channels.yaml", """
                # Channels of the sample contact centre (see samples/README.md).
                timezone: Europe/London
                interval_minutes: 15
                shrinkage: 0.30            # unplanned absence; per channel allowed
                channels:
                  voice: {kind: immediate, service_level: 0.80, answer_seconds: 20,
                          patience_seconds: 180, max_occupancy: 0.85, aht_seconds: 300}
                  chat:  {kind: concurrent, concurrency: 3, service_level: 0.80, answer_seconds: 60,
                          aht_seconds: 900}
                  email: {kind: deferred, response_hours: 24, aht_seconds: 420}
                """);
    }

    void writeRules() throws IOException {
        write("rules.yaml", """
                # Scheduling rules for the sample centre: two sites with fewer seats than their hybrid staff.
                horizon: {start: 2026-11-23, days: 14}
                shifts: {lengths_hours: [4, 6, 8, 10], start_step_minutes: 30, min_rest_hours: 11,
                         max_consecutive_days: 5, max_days_per_week: 5}
                breaks: {every_hours: 2, break_minutes: 15, lunch_minutes: 30, lunch_after_hours: 6}
                training: {block_minutes: 60, max_hours_per_week: 4}
                sites: {london: {seats: 20}, leeds: {seats: 13}}     # 29 and 21 agents based there
                costs: {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
                objective: {mode: cover, late_contact_cost: 1.50, spread: 1}   # cover | balance; spread 0 = off
                """);
    }

    void writePlan() throws IOException {
        write("plan.yaml", """
                # Nightly batch over the samples; paths are relative to this file.
                history: history.csv
                holidays: holidays.csv
                channels: channels.yaml
                agents: agents.csv
                timeoff: timeoff.csv
                rules: rules.yaml
                forecast: {method: auto, horizon_days: 42, level: 80}
                schedule: {start: next-monday, days: 14, time_limit: 30s, seed: 1}
                runs: ../out/runs/                 # outside samples/ so the repository stays clean
                previous: latest
                """);
    }

    // ---------------------------------------------------------------- preferences

    static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    /** The days of an available_days field such as Mon-Fri or Sun,Mon,Tue (ranges may wrap past Sunday). */
    static List<String> daysOf(String field) {
        List<String> out = new ArrayList<>();
        for (String item : field.split(",")) {
            String[] ends = item.split("-");
            int first = DAY_NAMES.indexOf(ends[0].trim());
            int last = DAY_NAMES.indexOf(ends[ends.length - 1].trim());
            for (int d = first; ; d = (d + 1) % 7) {
                out.add(DAY_NAMES.get(d));
                if (d == last) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * preferences.csv for the horizon 2026-11-23 .. 2026-12-06: about half the agents state wishes of the kinds
     * point systems collect (a weekday off, a preferred shift window at the start or end of their availability, an
     * evening to keep free, a dated day off), weights 10–50 points.
     */
    void writePreferences() throws IOException {
        StringBuilder sb = new StringBuilder("agent_id,date_or_weekday,kind,start,end,weight\n");
        for (AgentRow a : agents) {
            if (prefRnd.nextDouble() >= 0.5) {
                continue;
            }
            List<String> days = daysOf(a.days);
            String off = days.get(prefRnd.nextInt(days.size()));
            sb.append(String.join(",", a.id, off.toUpperCase(Locale.ROOT), "day_off", "", "",
                    Integer.toString(20 + prefRnd.nextInt(21)))).append('\n');
            LocalTime earliest = LocalTime.parse(a.start);
            LocalTime latest = LocalTime.parse(a.end);
            boolean early = prefRnd.nextBoolean();
            LocalTime from = early ? earliest : latest.minusMinutes(510);
            LocalTime to = early ? earliest.plusMinutes(510) : latest;
            String day = days.get(prefRnd.nextInt(days.size()));
            sb.append(String.join(",", a.id, day, "prefer", from.toString(), to.toString(),
                    Integer.toString(10 + prefRnd.nextInt(21)))).append('\n');
            if (prefRnd.nextDouble() < 0.3) {
                sb.append(String.join(",", a.id, "friday", "avoid", "18:00", "22:00", "15")).append('\n');
            }
            if (prefRnd.nextDouble() < 0.3) {
                LocalDate date = LocalDate.of(2026, 11, 23).plusDays(prefRnd.nextInt(14));
                sb.append(String.join(",", a.id, date.toString(), "day_off", "", "", "40")).append('\n');
            }
        }
        write("preferences.csv", sb.toString());
    }

    // ---------------------------------------------------------------- broken files for tests

    void writeBad() throws IOException {
        StringBuilder ag = new StringBuilder("agent_id,name,site,work_mode,employment,skills,development,"
                + "min_hours_week,max_hours_week,hourly_cost,available_days,earliest_start,latest_end\n");
        for (int i = 0; i < 5; i++) {
            ag.append(agents.get(i).csv()).append('\n');
        }
        // line 7: decimal comma in hourly_cost (quoted so the CSV itself is well formed)
        AgentRow a = agents.get(5);
        ag.append(String.join(",", a.id, a.name, a.site, a.mode, a.employment, a.skills, a.development,
                num(a.minHours), num(a.maxHours), "\"12,5\"", a.days, a.start, a.end)).append('\n');
        // line 8: skill naming a channel that channels.yaml does not have
        a = agents.get(6);
        ag.append(String.join(",", a.id, a.name, a.site, a.mode, a.employment, "voice:1.0;sms:0.8", "",
                num(a.minHours), num(a.maxHours), String.format(Locale.ROOT, "%.2f", a.cost), a.days, a.start,
                a.end)).append('\n');
        // line 9: equal earliest_start and latest_end
        a = agents.get(7);
        ag.append(String.join(",", a.id, a.name, a.site, a.mode, a.employment, a.skills, a.development,
                num(a.minHours), num(a.maxHours), String.format(Locale.ROOT, "%.2f", a.cost), a.days, "09:00",
                "09:00")).append('\n');
        write("bad/agents-bad.csv", ag.toString());

        write("bad/history-dup.csv", "interval_start,channel,volume,aht_seconds\n"
                + "2026-11-16T08:00,voice,14,318.2\n"
                + "2026-11-16T08:15,voice,21,305.9\n"
                + "2026-11-16T08:30,voice,27,297.4\n"
                + "2026-11-16T08:15,voice,22,301.0\n"
                + "2026-11-16T08:00,chat,3,951.0\n"
                + "2026-11-16T08:15,chat,4,902.5\n");
        write("bad/history-badvalues.csv", "interval_start,channel,volume,aht_seconds\n"
                + "2026-11-16T08:00,voice,14,318.2\n"
                + "2026-11-16 08:15,voice,-3,305.9\n"
                + "2026-11-16T08:30,voice,twelve,297.4\n"
                + "16/11/2026 08:45,voice,25,290.0\n"
                + "2026-11-16T09:00,voice,26,\"290,5\"\n");
        write("bad/rules-bad.yaml", """
                horizon: {start: 2026-11-23, days: 14}
                shifts: {lengths_hours: [4, 6, 8, 10], start_step_minutes: 30, min_rest_hour: 11,
                         max_consecutive_days: 5, max_days_per_week: 5}
                breaks: {every_hours: 2, break_minutes: 15, lunch_minutes: 30, lunch_after_hours: 6}
                training: {block_minutes: 60, max_hours_per_week: 4}
                sites: {london: {seats: 20}, leeds: {seats: 13}}
                costs: {overtime_after_hours_week: 40, overtime_multiplier: 1.5, on_demand_premium: 0.25}
                objective: {mode: cover, late_contact_cost: 1.50}
                """);
        write("bad/channels-bad.yaml", """
                timezone: Europe/Londn
                interval_minutes: 15
                shrinkage: 0.30
                channels:
                  voice: {kind: immediate, service_level: 1.8, answer_seconds: 20, aht_seconds: 300}
                  chat:  {kind: concurrent, concurrency: 0, service_level: 0.80, answer_seconds: 60, aht_seconds: 900}
                  email: {kind: postal, response_hours: 24, aht_seconds: 420}
                """);
        write("bad/timeoff-bad.csv", "agent_id,date,start,end,reason\n"
                + "A002,2026-11-23,,,annual leave\n"
                + "A999,2026-11-24,,,annual leave\n"
                + "A013,2026-11-25,11:30,09:00,dentist appointment\n"
                + "A020,2026-11-31,,,annual leave\n");
    }

    void write(String name, String content) throws IOException {
        Files.writeString(out.resolve(name), content, StandardCharsets.UTF_8);
    }
}
