package org.labrange.interpretation.domain;

import java.util.Optional;

/** A number as reported, possibly censored ({@code <0.2}, {@code >=100}). */
public record MeasuredValue(Optional<Comparator> comparator, double value) {

    public static MeasuredValue exact(double value) {
        return new MeasuredValue(Optional.empty(), value);
    }

    public boolean isCensored() {
        return comparator.isPresent();
    }

    /** Parses "2.45", "<0.2", "<= 0.2", "> 100", "≤0.2", "1e-3"; throws IllegalArgumentException with a reason. */
    public static MeasuredValue parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a value is required");
        }
        String t = text.trim();
        Optional<Comparator> comparator = Optional.empty();
        int skip = 0;
        if (t.startsWith("<=") || t.startsWith(">=")) {
            comparator = Optional.of(t.charAt(0) == '<' ? Comparator.LE : Comparator.GE);
            skip = 2;
        } else if (t.startsWith("≤") || t.startsWith("≥")) {
            comparator = Optional.of(t.charAt(0) == '≤' ? Comparator.LE : Comparator.GE);
            skip = 1;
        } else if (t.startsWith("<") || t.startsWith(">")) {
            comparator = Optional.of(t.charAt(0) == '<' ? Comparator.LT : Comparator.GT);
            skip = 1;
        }
        String number = t.substring(skip).trim();
        double v;
        try {
            if (!isDecimal(number)) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number or a censored value such as <0.2");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("'" + text + "' is out of range");
        }
        int digits = significantDigits(number);
        if (digits > MAX_SIGNIFICANT_DIGITS) {
            throw new IllegalArgumentException("'" + text + "' has " + digits + " significant digits; a measured value "
                    + "has at most " + MAX_SIGNIFICANT_DIGITS);
        }
        if (v == 0 && digits > 0) {
            throw new IllegalArgumentException("'" + text + "' is too small to be represented");
        }
        return new MeasuredValue(comparator, v);
    }

    /** No instrument reports more; beyond it a double would silently change the number. */
    static final int MAX_SIGNIFICANT_DIGITS = 15;

    /** Significant digits of the mantissa (leading and trailing zeros excluded); 0 for zero. */
    private static int significantDigits(String number) {
        int end = number.length();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                end = i;
                break;
            }
        }
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < end; i++) {
            char c = number.charAt(i);
            if (c >= '1' && c <= '9') {
                if (first < 0) {
                    first = count;
                }
                last = count;
            }
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    /** Digits, one decimal point, an optional sign and exponent: what Double.parseDouble should see. */
    private static boolean isDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        return digit;
    }

    public MeasuredValue scaled(double factor) {
        return factor == 1.0 ? this : new MeasuredValue(comparator, Numbers.roundSignificant(value * factor));
    }

    public String display() {
        return comparator.map(Comparator::symbol).orElse("") + Numbers.plain(value);
    }
}
