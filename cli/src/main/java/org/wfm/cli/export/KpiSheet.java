package org.wfm.cli.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The KPIs sheet: service level per channel (target, planned, simulated), deferred work (share done within the
 * response window, peak backlog), cost and its parts, late contacts, remote
 * share, on-demand hours, the lower bound and the gap to it, and what the schedule could not do (uncovered
 * intervals, hard violations), first as counts, then listed.
 */
final class KpiSheet {
    static final String NAME = "KPIs";

    private final RunFolder run;
    private final Styles styles;
    private int r;

    KpiSheet(RunFolder run, Styles styles) {
        this.run = run;
        this.styles = styles;
    }

    void write(Workbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        JsonNode s = run.summary();
        CellStyle bad = styles.fill(Palette.SHORT, "0.0%", false);
        CellStyle badCount = styles.fill(Palette.SHORT, "#,##0", false);
        r = 0;
        styles.text(sheet.createRow(r++), 0, "Key figures", styles.title);
        r++;
        header(sheet, "Service level", "Target", "Planned", "Simulated", "Planned − target");
        Iterator<Map.Entry<String, JsonNode>> channels = s.path("service_level").fields();
        while (channels.hasNext()) {
            Map.Entry<String, JsonNode> e = channels.next();
            Row row = sheet.createRow(r++);
            double target = Json.number(e.getValue(), "target");
            double planned = Json.number(e.getValue(), "planned");
            styles.text(row, 0, e.getKey());
            styles.number(row, 1, target, styles.percent);
            styles.number(row, 2, planned, planned < target - 1e-9 ? bad : styles.percent);
            double simulated = Json.number(e.getValue(), "simulated");
            styles.number(row, 3, Double.isNaN(simulated) ? simulated(e.getKey()) : simulated, styles.percent);
            styles.number(row, 4, planned - target, styles.percent);
        }
        if (s.path("deferred").size() > 0) {
            r++;
            header(sheet, "Deferred work", "Within window", "Peak backlog (agent-hours)", "Simulated");
            Iterator<Map.Entry<String, JsonNode>> deferred = s.path("deferred").fields();
            while (deferred.hasNext()) {
                Map.Entry<String, JsonNode> e = deferred.next();
                Row row = sheet.createRow(r++);
                double within = Json.number(e.getValue(), "within_window");
                styles.text(row, 0, e.getKey());
                styles.number(row, 1, within, within < 1 - 5e-4 ? bad : styles.percent);
                styles.number(row, 2, Json.number(e.getValue(), "peak_backlog_hours"), styles.decimal1);
                double simulated = Json.number(e.getValue(), "simulated");
                styles.number(row, 3, Double.isNaN(simulated) ? simulated(e.getKey()) : simulated, styles.percent);
            }
        }
        r++;
        header(sheet, "Cost", "Amount");
        JsonNode cost = s.path("cost");
        figure(sheet, "Total", Json.number(cost, "total"), styles.money);
        figure(sheet, "Wages", Json.number(cost, "wages"), styles.money);
        figure(sheet, "Overtime", Json.number(cost, "overtime"), styles.money);
        figure(sheet, "On-demand premium", Json.number(cost, "on_demand_premium"), styles.money);
        r++;
        header(sheet, "Figure", "Value");
        figure(sheet, "Late contacts", Json.number(s, "late_contacts"), styles.decimal1);
        figure(sheet, "Remote share (work and training hours at home)", Json.number(s, "remote_share"),
                styles.percent);
        figure(sheet, "On-demand hours", Json.number(s, "on_demand_hours"), styles.decimal1);
        figure(sheet, "Paid hours", Json.number(s, "paid_hours"), styles.decimal1);
        figure(sheet, "Lower bound on cost", Json.number(s.path("lower_bound"), "cost"), styles.money);
        figure(sheet, "Gap to lower bound", Json.number(s.path("lower_bound"), "gap"), styles.percent);
        int uncovered = s.path("uncovered_intervals").size();
        int violations = s.path("hard_violations").size();
        figure(sheet, "Uncovered intervals", uncovered, uncovered > 0 ? badCount : styles.integer);
        figure(sheet, "Hard violations", violations, violations > 0 ? badCount : styles.integer);
        r++;
        header(sheet, "Hard violations", "Agent", "Date", "Detail");
        for (JsonNode v : s.path("hard_violations")) {
            Row row = sheet.createRow(r++);
            styles.text(row, 0, Json.text(v, "constraint"));
            styles.text(row, 1, run.name(Json.text(v, "agent_id")));
            dateOrText(row, 2, Json.text(v, "date"));
            styles.text(row, 3, Json.text(v, "detail"));
        }
        if (violations == 0) {
            styles.text(sheet.createRow(r++), 0, "none");
        }
        r++;
        header(sheet, "Uncovered interval", "Channel", "Required", "Scheduled", "Short by");
        for (JsonNode u : s.path("uncovered_intervals")) {
            Row row = sheet.createRow(r++);
            String at = Json.text(u, "interval_start");
            try {
                styles.when(row, 0, LocalDateTime.parse(at.replace(' ', 'T')), styles.left(styles.dateTime));
            } catch (DateTimeParseException e) {
                styles.text(row, 0, at);
            }
            styles.text(row, 1, Json.text(u, "channel"));
            double required = Json.number(u, "required");
            double scheduled = Json.number(u, "scheduled");
            styles.number(row, 2, required, styles.decimal2);
            styles.number(row, 3, scheduled, styles.decimal2);
            styles.number(row, 4, required - scheduled, styles.decimal2);
        }
        if (uncovered == 0) {
            styles.text(sheet.createRow(r++), 0, "none");
        }
        Styles.print(sheet, 1, 0, 0);
        // Equal numeric columns; a violation's detail text runs on over the empty cells to its right.
        sheet.setColumnWidth(0, 44 * 256);
        for (int c = 1; c <= 4; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
    }

    /**
     * Service level over the horizon from simulation.csv, for a summary written before {@code wfm simulate} filled
     * it: contacts answered in time over contacts offered (the contract's definition), NaN without simulation rows.
     */
    private double simulated(String channel) {
        double offered = 0;
        double inTarget = 0;
        for (org.wfm.scheduler.simulation.SimulationRow s : run.simulation()) {
            if (s.channel().equals(channel) && Double.isFinite(s.offered()) && Double.isFinite(s.answeredInTarget())) {
                offered += s.offered();
                inTarget += s.answeredInTarget();
            }
        }
        return offered > 0 ? inTarget / offered : Double.NaN;
    }

    private void header(Sheet sheet, String... titles) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < titles.length; i++) {
            styles.text(row, i, titles[i], styles.header);
        }
    }

    private void figure(Sheet sheet, String label, double value, CellStyle style) {
        Row row = sheet.createRow(r++);
        styles.text(row, 0, label);
        styles.number(row, 1, value, style);
    }

    private void dateOrText(Row row, int col, String value) {
        try {
            styles.when(row, col, LocalDate.parse(value), styles.left(styles.date));
        } catch (DateTimeParseException e) {
            styles.text(row, col, value);
        }
    }
}
