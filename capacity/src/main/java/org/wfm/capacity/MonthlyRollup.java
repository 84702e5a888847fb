package org.wfm.capacity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly capacity rows rolled up into calendar months, the horizon finance and recruitment plan in. A week that
 * straddles two months is shared between them by its days (4 of its 7 days in one month: 4/7 of its contacts, cost
 * and expected leavers there). Staffing figures are day-weighted averages over the days covered: a month's required
 * FTE is the FTE needed on its average day, not a sum. Hires count in the month their class starts. The projected
 * service level is weighted by the contacts of each day share (NaN when no week of the month has one, as for
 * deferred channels). Rows keep the weekly rows' order of scenario and channel, months in time order.
 */
public final class MonthlyRollup {
    private MonthlyRollup() {
    }

    public static List<MonthRow> of(List<CapacityRow> weekly) {
        Map<String, Acc> byKey = new LinkedHashMap<>();
        for (CapacityRow r : weekly) {
            for (int d = 0; d < 7; d++) {
                LocalDate day = r.weekStart().plusDays(d);
                YearMonth m = YearMonth.from(day);
                Acc a = byKey.computeIfAbsent(r.scenario() + "\u0000" + r.channel() + "\u0000" + m,
                        k -> new Acc(m, r.channel(), r.scenario()));
                a.days++;
                a.contacts += r.contacts() / 7;
                a.required += r.requiredFte();
                a.available += r.availableFte();
                a.cost += r.cost() / 7;
                a.leavers += r.leavers() / 7;
                if (d == 0) {
                    a.hires += r.hiresStarting();
                }
                if (!Double.isNaN(r.projectedServiceLevel())) {
                    a.slWeight += r.contacts() / 7;
                    a.slSum += r.projectedServiceLevel() * r.contacts() / 7;
                    a.slDays++;
                }
            }
        }
        List<Acc> accs = new ArrayList<>(byKey.values());
        // scenario and channel in the weekly rows' order of first appearance, then months in time order
        List<String> groups = new ArrayList<>();
        for (Acc a : accs) {
            String g = a.scenario + "\u0000" + a.channel;
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        accs.sort(java.util.Comparator.comparingInt((Acc a) -> groups.indexOf(a.scenario + "\u0000" + a.channel))
                .thenComparing(a -> a.month));
        List<MonthRow> out = new ArrayList<>();
        for (Acc a : accs) {
            double required = a.required / a.days;
            double available = a.available / a.days;
            double sl = a.slDays == 0 ? Double.NaN : a.slWeight > 0 ? a.slSum / a.slWeight : Double.NaN;
            out.add(new MonthRow(a.month, a.channel, a.scenario, a.days, a.contacts, required, available,
                    required - available, a.hires, sl, a.cost, a.leavers));
        }
        return List.copyOf(out);
    }

    private static final class Acc {
        final YearMonth month;
        final String channel;
        final String scenario;
        int days;
        int hires;
        int slDays;
        double contacts;
        double required;
        double available;
        double cost;
        double leavers;
        double slWeight;
        double slSum;

        Acc(YearMonth month, String channel, String scenario) {
            this.month = month;
            this.channel = channel;
            this.scenario = scenario;
        }
    }
}
