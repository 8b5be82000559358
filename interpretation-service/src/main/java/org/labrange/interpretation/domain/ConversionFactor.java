package org.labrange.interpretation.domain;

/**
 * Multiply a value in {@code fromUnit} (UCUM form {@code ucumUnit}) by {@code factor} to get it in
 * {@code toUnit}; {@code viaMolarMass} says whether the analyte's molar mass was used.
 */
public record ConversionFactor(String fromUnit, String ucumUnit, String toUnit, double factor, boolean viaMolarMass) {}
