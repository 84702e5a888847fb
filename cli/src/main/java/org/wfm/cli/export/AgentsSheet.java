package org.wfm.cli.export;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.wfm.scheduler.domain.Activity;
import org.wfm.scheduler.domain.ScheduleRow;

/**
 * The Agents sheet: per agent the days and hours worked, trained, at home and in overtime, the cost, and training
 * delivered against the development plan. Figures come from summary.json's {@code agents}; a run without them gets
 * the hours recomputed from schedule.csv (cost and overtime then stay blank, they need the contracts). A run with
 * agents' preferences (summary.json {@code preferences.agents}) gets three more columns: preferences met, stated,
 * and the share met (blank for an agent who stated none).
 */
final class AgentsSheet {
    static final String NAME = "Agents";
    private static final String[] HEADER = {"Agent", "Id", "Site", "Employment", "Days", "Paid hours", "Work hours",
        "Training hours", "Home hours", "Overtime hours", "Cost", "Training goal (h)", "Training done (h)",
        "Goal reached"};
    private static final String[] PREFERENCE_HEADER = {"Preferences met", "Preferences stated", "Preferences met %"};

    private final RunFolder run;
    private final Styles styles;

    AgentsSheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
    }

    /** The figures of one row; NaN where unknown. */
    private static final class Totals {
        String site = "";
        String employment = "";
        Set<LocalDate> dates = new HashSet<>();
        double days = Double.NaN;
        double paid;
        double work;
        double training;
        double home;
        double overtime = Double.NaN;
        double cost = Double.NaN;
        double wanted = Double.NaN;
        double delivered = Double.NaN;
        double prefsMet = Double.NaN;
        double prefsTotal = Double.NaN;
    }

    void write(Workbook wb) {
        List<Map.Entry<String, Totals>> agents = new ArrayList<>(totals().entrySet());
        // Same order as the Schedule sheet.
        agents.sort(Comparator.comparing((Map.Entry<String, Totals> e) -> run.name(e.getKey()),
                String.CASE_INSENSITIVE_ORDER).thenComparing(Map.Entry::getKey));
        Sheet sheet = wb.createSheet(NAME);
        Row head = sheet.createRow(0);
        head.setHeightInPoints(30);
        for (int i = 0; i < HEADER.length; i++) {
            styles.text(head, i, HEADER[i], styles.header);
        }
        boolean prefs = run.summary().path("preferences").path("total").asInt(0) > 0;
        if (prefs) {
            for (int i = 0; i < PREFERENCE_HEADER.length; i++) {
                styles.text(head, HEADER.length + i, PREFERENCE_HEADER[i], styles.header);
            }
        }
        int r = 1;
        for (Map.Entry<String, Totals> e : agents) {
            Totals t = e.getValue();
            Row row = sheet.createRow(r++);
            styles.text(row, 0, run.name(e.getKey()), styles.bold);
            styles.text(row, 1, e.getKey());
            styles.text(row, 2, t.site);
            styles.text(row, 3, t.employment);
            styles.number(row, 4, Double.isNaN(t.days) ? t.dates.size() : t.days, styles.integer);
            styles.number(row, 5, t.paid, styles.decimal2);
            styles.number(row, 6, t.work, styles.decimal2);
            styles.number(row, 7, t.training, styles.decimal2);
            styles.number(row, 8, t.home, styles.decimal2);
            styles.number(row, 9, t.overtime, styles.decimal2);
            styles.number(row, 10, t.cost, styles.money);
            styles.number(row, 11, t.wanted, styles.decimal2);
            styles.number(row, 12, t.delivered, styles.decimal2);
            styles.number(row, 13, t.wanted > 0 ? t.delivered / t.wanted : Double.NaN, styles.percent);
            if (prefs) {
                styles.number(row, 14, t.prefsMet, styles.integer);
                styles.number(row, 15, t.prefsTotal, styles.integer);
                styles.number(row, 16, t.prefsTotal > 0 ? t.prefsMet / t.prefsTotal : Double.NaN, styles.percent);
            }
        }
        int last = r - 1;
        if (last >= 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, last, 0, HEADER.length - 1 + (prefs ? PREFERENCE_HEADER.length : 0)));
            // Totals below the filter range; SUBTOTAL(109, …) sums only the rows the filter leaves visible.
            Row total = sheet.createRow(r + 1);
            styles.text(total, 0, "Total (visible rows)", styles.bold);
            CellStyle[] formats = {styles.integer, styles.decimal2, styles.decimal2, styles.decimal2, styles.decimal2,
                styles.decimal2, styles.money, styles.decimal2, styles.decimal2};
            for (int c = 4; c <= 12; c++) {
                String col = CellReference.convertNumToColString(c);
                Cell cell = total.createCell(c);
                cell.setCellFormula("SUBTOTAL(109," + col + "2:" + col + (last + 1) + ")");
                cell.setCellStyle(formats[c - 4]);
            }
        }
        sheet.createFreezePane(2, 1);
        Styles.print(sheet, 1, 1, 0);
        int[] widths = {24, 10, 10, 12, 6, 9, 9, 9, 9, 9, 11, 10, 10, 10, 11, 11, 11};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private Map<String, Totals> totals() {
        Map<String, Totals> out = new LinkedHashMap<>();
        JsonNode agents = run.summary().path("agents");
        if (agents.isArray() && !agents.isEmpty()) {
            for (JsonNode a : agents) {
                Totals t = new Totals();
                t.site = a.path("site").asText("");
                t.employment = a.path("employment").asText("");
                t.days = Json.number(a, "days");
                t.paid = Json.number(a, "paid_hours");
                t.work = Json.number(a, "work_hours");
                t.training = Json.number(a, "training_hours");
                t.home = Json.number(a, "home_hours");
                t.overtime = Json.number(a, "overtime_hours");
                t.cost = Json.number(a, "cost");
                out.put(a.path("agent_id").asText(""), t);
            }
        } else {
            fromSchedule(out);
        }
        Map<String, double[]> training = new HashMap<>();
        for (JsonNode t : run.summary().path("training")) {
            double[] sums = training.computeIfAbsent(t.path("agent_id").asText(""), k -> new double[2]);
            sums[0] += Json.number(t, "wanted_hours");
            sums[1] += Json.number(t, "delivered_hours");
        }
        training.forEach((id, sums) -> {
            Totals t = out.computeIfAbsent(id, k -> new Totals());
            t.wanted = sums[0];
            t.delivered = sums[1];
        });
        for (JsonNode p : run.summary().path("preferences").path("agents")) {
            Totals t = out.computeIfAbsent(p.path("agent_id").asText(""), k -> new Totals());
            t.prefsMet = Json.number(p, "met");
            t.prefsTotal = Json.number(p, "total");
        }
        return out;
    }

    private void fromSchedule(Map<String, Totals> out) {
        for (ScheduleRow b : run.schedule()) {
            Totals t = out.computeIfAbsent(b.agentId(), k -> new Totals());
            double hours = Duration.between(b.start(), b.end()).toMinutes() / 60.0;
            t.dates.add(b.date());
            boolean home = "home".equalsIgnoreCase(b.location());
            if ((t.site.isEmpty() || t.site.equals("home")) && !home && b.location() != null
                    && !b.location().isEmpty()) {
                t.site = b.location();
            } else if (t.site.isEmpty() && home) {
                t.site = "home";
            }
            if (b.activity().paid()) {
                t.paid += hours;
            }
            if (b.activity() == Activity.WORK) {
                t.work += hours;
            } else if (b.activity() == Activity.TRAINING) {
                t.training += hours;
            }
            if (home && (b.activity() == Activity.WORK || b.activity() == Activity.TRAINING)) {
                t.home += hours;
            }
        }
    }
}
