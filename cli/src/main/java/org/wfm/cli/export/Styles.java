package org.wfm.cli.export;

import java.awt.Color;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The workbook's cell styles, made once (a workbook holds at most 64,000 styles) and the only way this package writes
 * text cells: {@link #text} stores input text as a plain string and marks text that a spreadsheet would read as a
 * formula (leading {@code = + - @}, OWASP "CSV injection") with the quote prefix, so it stays text even when a user
 * edits and re-enters the cell.
 */
final class Styles {
    static final String DATE_TIME = "yyyy-mm-dd hh:mm";
    static final String DATE = "yyyy-mm-dd";
    static final String DAY = "ddd dd mmm yyyy";
    static final String TIME = "hh:mm";

    private final Workbook wb;
    final CellStyle header;
    final CellStyle title;
    final CellStyle plain;
    final CellStyle dateTime;
    final CellStyle date;
    final CellStyle time;
    final CellStyle integer;
    final CellStyle decimal1;
    final CellStyle decimal2;
    /** Agents: one decimal, two when a part interval makes quarters (0.25). */
    final CellStyle staff;
    final CellStyle money;
    final CellStyle percent;
    final CellStyle bold;
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();
    private final Map<String, CellStyle> fills = new HashMap<>();
    private final Map<CellStyle, CellStyle> lefts = new HashMap<>();

    Styles(Workbook wb) {
        this.wb = wb;
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        plain = wb.createCellStyle();
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        title = wb.createCellStyle();
        title.setFont(titleFont);
        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        dateTime = format(DATE_TIME);
        date = format(DATE);
        time = format(TIME);
        integer = format("#,##0");
        decimal1 = format("#,##0.0");
        decimal2 = format("#,##0.00");
        staff = format("#,##0.0#");
        money = format("#,##0.00");
        percent = format("0.0%");
    }

    CellStyle format(String pattern) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(pattern));
        return s;
    }

    /** A solid fill (cached by colour and pattern), centred, for the schedule grid and highlighted cells. */
    CellStyle fill(Color colour, String pattern, boolean whiteText) {
        String key = colour.getRGB() + "|" + pattern + "|" + whiteText;
        return fills.computeIfAbsent(key, k -> {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            s.setFillForegroundColor(new XSSFColor(Palette.rgb(colour), null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setAlignment(HorizontalAlignment.CENTER);
            if (pattern != null) {
                s.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(pattern));
            }
            if (whiteText) {
                Font f = wb.createFont();
                f.setColor(IndexedColors.WHITE.getIndex());
                s.setFont(f);
            }
            return s;
        });
    }

    /**
     * Landscape pages, {@code pagesWide} pages across (0: as many as needed), as many down as needed, and the given
     * header rows repeated on every page.
     */
    static void print(Sheet sheet, int pagesWide, int headerRows, int headerColumns) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        if (pagesWide > 0) {
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) pagesWide);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }
        if (headerRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        }
        if (headerColumns > 0) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, headerColumns - 1));
        }
    }

    /** Writes text as a string cell that is never evaluated, whatever it starts with. */
    Cell text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        String v = value == null ? "" : value;
        c.setCellValue(v);
        CellStyle base = style == null ? plain : style;
        c.setCellStyle(looksLikeFormula(v) ? quoted(base) : base);
        return c;
    }

    Cell text(Row row, int col, String value) {
        return text(row, col, value, null);
    }

    /** A number, or a blank cell when it does not apply (NaN). */
    Cell number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
        return c;
    }

    /** A real Excel date-time (a number with a date format), so it sorts, filters and calculates as one. */
    Cell when(Row row, int col, LocalDateTime value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
        return c;
    }

    Cell when(Row row, int col, LocalDate value, CellStyle style) {
        return when(row, col, value.atStartOfDay(), style);
    }

    static boolean looksLikeFormula(String v) {
        if (v.isEmpty()) {
            return false;
        }
        char first = v.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The same style aligned left, for a value in a column of labels. */
    CellStyle left(CellStyle base) {
        return lefts.computeIfAbsent(base, b -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(b);
            s.setAlignment(HorizontalAlignment.LEFT);
            return s;
        });
    }

    private CellStyle quoted(CellStyle base) {
        return quoted.computeIfAbsent(base, b -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(b);
            s.setQuotePrefixed(true);
            return s;
        });
    }
}
