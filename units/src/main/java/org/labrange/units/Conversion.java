package org.labrange.units;

/**
 * Multiply a value in {@code from} by {@code factor} to express it in {@code to} (both UCUM codes);
 * {@code viaMolarMass} says whether a molar mass was needed.
 */
public record Conversion(String from, String to, double factor, boolean viaMolarMass) {

    public double apply(double value) {
        return value * factor;
    }
}
