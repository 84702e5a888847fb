package org.wfm.cli.export;

import java.awt.Color;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import javax.xml.namespace.QName;

import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFAreaChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTCatAx;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;

/**
 * A native Excel chart over columns of a sheet (POI XDDF): one category column of date-times (or dates) and value
 * columns over the same rows, drawn as lines, as stacked areas or as clustered columns. Series refer to their cells,
 * so the chart follows edits in the table; the values are also given here as the chart's cache, because the sheet is
 * streamed and its cells cannot be read back.
 */
final class Charts {
    private final String sheetName;
    private final XSSFChart chart;
    private final XDDFChartData data;
    private final XDDFDataSource<?> categories;
    private final int firstRow;
    private final int lastRow;

    /**
     * @param anchor columns and rows the chart covers: {col1, row1, col2, row2}
     * @param firstRow first data row (0-based), {@code lastRow} the last, of the category and value columns
     * @param categories the category column's values (Excel date serials)
     * @param pointsPerLabel categories between axis labels (e.g. the intervals of a day)
     */
    Charts(XSSFDrawing drawing, String sheetName, int[] anchor, String title, int categoryColumn, int firstRow,
           int lastRow, Double[] categories, int pointsPerLabel, String valueTitle) {
        this(drawing, sheetName, anchor, title, categoryColumn, firstRow, lastRow, categories, pointsPerLabel,
                valueTitle, ChartTypes.LINE);
    }

    /**
     * As above, of the given type: {@link ChartTypes#LINE}, {@link ChartTypes#AREA} (series stacked, for parts of a
     * whole such as covered, short and surplus) or {@link ChartTypes#BAR} (clustered columns).
     */
    Charts(XSSFDrawing drawing, String sheetName, int[] anchor, String title, int categoryColumn,
                   int firstRow, int lastRow, Double[] categories, int pointsPerLabel, String valueTitle,
                   ChartTypes type) {
        this.sheetName = sheetName;
        this.firstRow = firstRow;
        this.lastRow = lastRow;
        XSSFClientAnchor a = drawing.createAnchor(0, 0, 0, 0, anchor[0], anchor[1], anchor[2], anchor[3]);
        chart = drawing.createChart(a);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        chart.displayBlanksAs(DisplayBlanks.GAP);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        // Day only: LibreOffice ignores the label skip below and places labels at arbitrary intervals of a day.
        x.setNumberFormat("ddd dd mmm");
        CTCatAx catAx = chart.getCTChart().getPlotArea().getCatAxArray(0);
        // Not linked to the cells' format (date and time), else the axis shows the time of every label too.
        catAx.getNumFmt().setSourceLinked(false);
        if (pointsPerLabel > 1) {
            skipLabels(catAx, pointsPerLabel);
        }
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setTitle(valueTitle);
        y.setNumberFormat("#,##0");
        XDDFNumericalDataSource<Double> cats = XDDFDataSourcesFactory.fromArray(categories,
                reference(categoryColumn));
        cats.setFormatCode(Styles.DATE_TIME);
        this.categories = cats;
        data = chart.createData(type, x, y);
        data.setVaryColors(false);
        if (data instanceof XDDFAreaChartData area) {
            area.setGrouping(Grouping.STACKED);
        } else if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
            bar.setBarGrouping(BarGrouping.CLUSTERED);
            // no overlap or gap width set: poi-ooxml-lite leaves out their schema types, and the defaults suit
        }
    }

    /** A column's values for the chart cache; NaN (no value) becomes a gap. */
    static <T> Double[] values(List<T> rows, ToDoubleFunction<T> value) {
        Double[] out = new Double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            double v = value.applyAsDouble(rows.get(i));
            out[i] = Double.isFinite(v) ? v : null;
        }
        return out;
    }

    /** Date-times as Excel serial numbers, the way the cells hold them. */
    static <T> Double[] serials(List<T> rows, Function<T, LocalDateTime> at) {
        return values(rows, r -> DateUtil.getExcelDate(at.apply(r)));
    }

    /** The drawing of a streamed sheet: charts live on its in-memory XSSF part, which keeps everything but rows. */
    static XSSFDrawing drawing(SXSSFWorkbook wb, String sheetName) {
        return wb.getXSSFWorkbook().getSheet(sheetName).createDrawingPatriarch();
    }

    /** {@code 'Sheet'!$C$2:$C$90}: the column's cells over the chart's rows. */
    private String reference(int column) {
        String col = CellReference.convertNumToColString(column);
        return SheetNameFormatter.format(sheetName) + "!$" + col + "$" + (firstRow + 1) + ":$" + col + "$"
                + (lastRow + 1);
    }

    /**
     * Adds {@code c:tickLblSkip} and {@code c:tickMarkSkip} (one label per day instead of a crowd). Written through a
     * cursor because poi-ooxml-lite leaves out the schema class of these two elements; the schema wants them just
     * before {@code c:noMultiLvlLbl} (ECMA-376 Part 1, 21.2.2.25 catAx).
     */
    private static void skipLabels(CTCatAx catAx, int every) {
        XmlCursor cursor = catAx.isSetNoMultiLvlLbl() ? catAx.getNoMultiLvlLbl().newCursor()
                : catAx.isSetExtLst() ? catAx.getExtLst().newCursor() : null;
        if (cursor == null) {
            cursor = catAx.newCursor();
            cursor.toEndToken();
        }
        try {
            String ns = "http://schemas.openxmlformats.org/drawingml/2006/chart";
            for (String name : new String[] {"tickLblSkip", "tickMarkSkip"}) {
                cursor.beginElement(new QName(ns, name, "c"));
                cursor.insertAttributeWithValue("val", Integer.toString(every));
                cursor.toNextToken();
            }
        } finally {
            cursor.close();
        }
    }

    /** A line series; {@code dashed} for bounds and targets; null values are gaps. */
    Charts line(int column, Double[] values, String name, Color colour, double widthPoints, boolean dashed) {
        XDDFLineChartData.Series s = (XDDFLineChartData.Series) add(column, values, name);
        s.setMarkerStyle(MarkerStyle.NONE);
        XDDFLineProperties line = new XDDFLineProperties(solid(colour));
        line.setWidth(widthPoints);
        if (dashed) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        s.setShapeProperties(shape);
        return this;
    }

    /** Markers only, no line: for points of interest (peaks, troughs) over the main series. */
    Charts markers(int column, Double[] values, String name, Color colour, MarkerStyle marker) {
        XDDFLineChartData.Series s = (XDDFLineChartData.Series) add(column, values, name);
        s.setMarkerStyle(marker);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        s.setShapeProperties(shape);
        // The marker's own fill and outline; XDDF has no setter for them.
        CTMarker ctMarker = s.getCTLineSer().getMarker();
        XDDFShapeProperties markerShape = new XDDFShapeProperties(
                ctMarker.isSetSpPr() ? ctMarker.getSpPr() : ctMarker.addNewSpPr());
        markerShape.setFillProperties(solid(colour));
        markerShape.setLineProperties(new XDDFLineProperties(solid(colour)));
        return this;
    }

    private static XDDFSolidFillProperties solid(Color colour) {
        return new XDDFSolidFillProperties(XDDFColor.from(Palette.rgb(colour)));
    }

    /** A filled series: a band of a stacked area chart, or the columns of a bar chart; no outline. */
    Charts filled(int column, Double[] values, String name, Color colour) {
        XDDFChartData.Series s = add(column, values, name);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(solid(colour));
        shape.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        s.setShapeProperties(shape);
        return this;
    }

    /** The value axis's number format (default {@code #,##0}). */
    Charts valueFormat(String format) {
        chart.getAxes().stream().filter(XDDFValueAxis.class::isInstance)
                .forEach(a -> ((XDDFValueAxis) a).setNumberFormat(format));
        return this;
    }

    private XDDFChartData.Series add(int column, Double[] values, String name) {
        XDDFChartData.Series s = data.addSeries(categories,
                XDDFDataSourcesFactory.fromArray(values, reference(column)));
        s.setTitle(name, null);
        if (s instanceof XDDFLineChartData.Series line) {
            line.setSmooth(false);
        }
        return s;
    }

    XSSFChart plot() {
        chart.plot(data);
        return chart;
    }
}
