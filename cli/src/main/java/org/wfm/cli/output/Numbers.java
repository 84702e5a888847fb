package org.wfm.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for CSV: a dot, at most four decimals, no exponent, empty for NaN. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        return format(v, 4);
    }

    public static String format(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        BigDecimal bd = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (bd.signum() == 0) {
            return "0";
        }
        return bd.toPlainString();
    }

    /** Rounds for JSON so that summary figures are stable and readable. */
    public static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
