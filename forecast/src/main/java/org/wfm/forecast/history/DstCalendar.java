package org.wfm.forecast.history;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many real intervals a local start time stands for in a zone: 1 normally, 0 in the spring-forward
 * gap, 2 in the repeated fall-back hour. Transition days are cached per zone, so the common case costs a
 * hash lookup instead of a zone-rules search per interval.
 */
public final class DstCalendar {
    private static final Map<ZoneId, Map<LocalDate, Boolean>> TRANSITION_DAYS = new ConcurrentHashMap<>();

    private DstCalendar() {
    }

    public static int intervalsAt(ZoneId zone, LocalDateTime local) {
        if (!isTransitionDay(zone, local.toLocalDate())) {
            return 1;
        }
        return zone.getRules().getValidOffsets(local).size();
    }

    public static boolean isTransitionDay(ZoneId zone, LocalDate date) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return false;
        }
        return TRANSITION_DAYS.computeIfAbsent(zone, z -> new ConcurrentHashMap<>()).computeIfAbsent(date, d -> {
            ZoneOffsetTransition t = rules.nextTransition(d.atStartOfDay().minusDays(1).toInstant(rules.getOffset(d.atStartOfDay())));
            return t != null && (t.getDateTimeBefore().toLocalDate().equals(d) || t.getDateTimeAfter().toLocalDate().equals(d));
        });
    }
}
