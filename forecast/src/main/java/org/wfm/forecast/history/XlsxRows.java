package org.wfm.forecast.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of an .xlsx file's first sheet as text (POI's SAX event API), so a history of
 * hundreds of thousands of rows does not build a workbook in memory. Date cells come out as ISO-8601
 * local date-times, numbers in plain form, formulas as their cached values.
 */
final class XlsxRows {
    /** Receives each non-blank row; returns false to stop reading. Line numbers count from 1. */
    interface RowHandler {
        boolean row(int line, String[] values);
    }

    /** Thrown inside the SAX callbacks to stop early; not an error. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private XlsxRows() {
    }

    /** @return false when the workbook has no sheet */
    static boolean read(Path file, RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return false;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), reader.getSharedStringsTable(),
                        new Collector(handler), new IsoDataFormatter(), false));
                try {
                    xml.parse(new InputSource(sheet));
                } catch (Stop stop) {
                    // the handler asked to stop
                }
            }
            return true;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                // XML entities can read local files or expand without end; spreadsheets never write a DOCTYPE
                throw new IOException("the workbook's XML declares a DOCTYPE, which spreadsheets never write; refused"
                        + " (save the sheet again from the spreadsheet, or export it as CSV)", e);
            }
            throw new IOException("not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new IOException("not an .xlsx workbook", e);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> values = new ArrayList<>();

        Collector(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            values.clear();
        }

        @Override
        public void endRow(int rowNum) {
            boolean blank = values.stream().allMatch(v -> v == null || v.isBlank());
            if (!blank && !handler.row(rowNum + 1, values.stream().map(v -> v == null ? "" : v.trim()).toArray(String[]::new))) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = reference == null ? values.size() : new CellReference(reference).getCol();
            while (values.size() < col) {
                values.add("");
            }
            values.add(formattedValue);
        }
    }

    /** True for a format with hours, minutes or seconds and no date part ({@code hh:mm}, {@code [mm]:ss}). */
    static boolean isDuration(String formatString) {
        if (formatString == null) {
            return false;
        }
        String f = formatString.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"", "").replaceAll("[\\[\\]]", "");
        return f.indexOf('y') < 0 && f.indexOf('d') < 0 && (f.indexOf('h') >= 0 || f.indexOf('s') >= 0);
    }

    /** Dates as ISO-8601, times of day and durations as h:mm:ss, numbers unformatted, whatever the display format. */
    private static final class IsoDataFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                if (isDuration(formatString)) {
                    // a time of day or a duration (AHT as [mm]:ss): h:mm:ss, read by the time and AHT parsers
                    long s = Math.round(value * 86_400);
                    return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
                }
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                return t.truncatedTo(ChronoUnit.SECONDS).toString();
            }
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
