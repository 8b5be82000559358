package org.labrange.interpretation.domain;

import java.math.BigDecimal;

/** Number formatting and the rounding that keeps unit conversion from inventing digits. */
public final class Numbers {

    /** Significant digits kept after a unit conversion: far beyond any lab's precision. */
    public static final int SIGNIFICANT_DIGITS = 12;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Numbers() {}

    /**
     * Rounds to {@link #SIGNIFICANT_DIGITS} so that, e.g., 2400 ug/L × 0.001 is exactly 2.4 and lands on an
     * inclusive bound of 2.4 mg/L instead of 2.4000000000000004.
     */
    public static double roundSignificant(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        int magnitude = (int) Math.floor(Math.log10(Math.abs(x)));
        int power = SIGNIFICANT_DIGITS - 1 - magnitude;
        if (power >= 0 && power < POWERS_OF_TEN.length) {
            double scale = POWERS_OF_TEN[power];
            return Math.round(x * scale) / scale;
        }
        if (power < 0 && -power < POWERS_OF_TEN.length) {
            double scale = POWERS_OF_TEN[-power];
            return Math.round(x / scale) * scale;
        }
        return new BigDecimal(x)
                .round(new java.math.MathContext(SIGNIFICANT_DIGITS))
                .doubleValue();
    }

    /** Rounds half away from zero to a few decimals (for positions and percentages shown to people). */
    public static double round(double x, int decimals) {
        if (!Double.isFinite(x) || decimals < 0 || decimals >= POWERS_OF_TEN.length || Math.abs(x) > 1e12) {
            return x;
        }
        double scale = POWERS_OF_TEN[decimals];
        return Math.signum(x) * Math.round(Math.abs(x) * scale) / scale;
    }

    /** 2.4 → "2.4", 300.0 → "300". */
    public static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
