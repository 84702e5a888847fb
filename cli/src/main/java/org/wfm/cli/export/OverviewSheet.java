package org.wfm.cli.export;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.wfm.cli.units.UnitsSummary;

/**
 * The Overview sheet of a plan with units: one row per unit with its KPIs (the all-units summary.json's
 * {@code units} entries) and a link to the unit's own workbook {@code units/<name>/plan.xlsx}, then the totals.
 */
final class OverviewSheet {
    static final String NAME = "Overview";
    static final String[] HEADERS = {"Unit", "Agents", "Cost", "Paid hours", "Late contacts", "Shortfall hours",
        "Lower bound", "Gap", "Hard violations", "Seed", "Workbook"};

    private final UnitsSummary.Totals totals;
    private final java.util.function.Function<UnitsSummary.UnitFigures, String> link;

    /** {@code link}: the unit's workbook, relative to this one. */
    OverviewSheet(UnitsSummary.Totals totals, java.util.function.Function<UnitsSummary.UnitFigures, String> link) {
        this.totals = totals;
        this.link = link;
    }

    void write(Workbook wb) {
        Sheet sheet = wb.createSheet(NAME);
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        CellStyle hours = wb.createCellStyle();
        hours.setDataFormat(wb.createDataFormat().getFormat("#,##0.0"));
        CellStyle pct = wb.createCellStyle();
        pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        Row h = sheet.createRow(0);
        for (int i = 0; i < HEADERS.length; i++) {
            h.createCell(i).setCellValue(HEADERS[i]);
            h.getCell(i).setCellStyle(head);
        }
        int r = 1;
        for (UnitsSummary.UnitFigures u : totals.units()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(u.name());
            fill(row, u.agents(), u.cost(), u.paidHours(), u.lateContacts(), u.shortfallHours(), u.lowerBound(),
                    u.gap(), u.hardViolations(), money, hours, pct);
            row.createCell(9).setCellValue(u.seed());
            var link = row.createCell(10);
            link.setCellValue(this.link.apply(u));
            Hyperlink hl = wb.getCreationHelper().createHyperlink(HyperlinkType.FILE);
            hl.setAddress(this.link.apply(u));
            link.setHyperlink(hl);
        }
        Row total = sheet.createRow(r);
        total.createCell(0).setCellValue("All units");
        total.getCell(0).setCellStyle(head);
        fill(total, totals.agents(), totals.cost(), totals.paidHours(), totals.lateContacts(),
                totals.shortfallHours(), totals.lowerBound(), totals.gap(), totals.hardViolations(), money, hours, pct);
        sheet.createFreezePane(1, 1);
        for (int i = 0; i < HEADERS.length; i++) {
            sheet.setColumnWidth(i, (i == 0 || i == 10 ? 24 : 14) * 256);
        }
    }

    private static void fill(Row row, int agents, double cost, double paid, double late, double shortfall,
                             Double bound, Double gap, int hard, CellStyle money, CellStyle hours, CellStyle pct) {
        row.createCell(1).setCellValue(agents);
        number(row, 2, cost, money);
        number(row, 3, paid, hours);
        number(row, 4, late, hours);
        number(row, 5, shortfall, hours);
        if (bound != null) {
            number(row, 6, bound, money);
        }
        if (gap != null) {
            number(row, 7, gap, pct);
        }
        row.createCell(8).setCellValue(hard);
    }

    private static void number(Row row, int col, double v, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }
}
