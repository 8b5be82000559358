package org.labrange.interpretation.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.labrange.units.Conversion;
import org.labrange.units.Ucum;
import org.labrange.units.UnitException;

/**
 * Converts units the way people write them to an analyte's canonical UCUM unit, by the project's one UCUM
 * reading ({@link Ucum}: spellings, named dimensions, molar-mass conversions). UCUM is consulted once per
 * (unit as written, analyte revision's unit and molar mass); the factor is then cached, so evaluating a result is
 * a multiplication. Nothing is guessed: a unit UCUM does not know, or of another dimension, is an error that names
 * both dimensions.
 */
public final class UnitConverter {

    /** Bounds memory if callers send endless distinct spellings; past it, UCUM is simply asked again. */
    private static final int MAX_CACHED_FACTORS = 10_000;

    private final Ucum ucum;
    private final Map<FactorKey, ConversionFactor> factors = new ConcurrentHashMap<>();

    private record FactorKey(String unit, String target, double molarMass) {}

    public UnitConverter(Ucum ucum) {
        this.ucum = ucum;
    }

    /** Over the UCUM essence shipped inside the org.fhir:ucum jar. */
    public static UnitConverter fromBundledEssence() {
        return new UnitConverter(Ucum.bundled());
    }

    /** The UCUM code for a unit as people write it (see {@link Ucum#toUcum(String)} for the mappings). */
    public String toUcum(String unit) {
        return ucum.toUcum(unit);
    }

    /** The factor from {@code unit} to the analyte's canonical unit; throws {@link UnitConversionException}. */
    public ConversionFactor factor(String unit, Analyte analyte) {
        if (unit == null || unit.isBlank()) {
            throw new UnitConversionException(String.valueOf(unit), analyte.unit(), "a unit is required");
        }
        FactorKey key = new FactorKey(
                unit, analyte.unit(), analyte.molarMassGramsPerMole().orElse(Double.NaN));
        ConversionFactor cached = factors.get(key);
        if (cached != null) {
            return cached;
        }
        ConversionFactor computed = compute(unit, analyte);
        if (factors.size() < MAX_CACHED_FACTORS) {
            factors.put(key, computed);
        }
        return computed;
    }

    private ConversionFactor compute(String unit, Analyte analyte) {
        String target = ucum.toUcum(analyte.unit());
        if (unit.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new UnitConversionException(printable(unit), target, "it contains control or invisible characters");
        }
        try {
            Conversion conversion = ucum.conversion(unit, target, analyte.molarMassGramsPerMole());
            return new ConversionFactor(
                    unit, conversion.from(), conversion.to(), conversion.factor(), conversion.viaMolarMass());
        } catch (UnitException e) {
            String reason = e.reason();
            if (e.fromDimension().isPresent()
                    && e.fromDimension().flatMap(d -> d.molarCounterpart()).equals(e.toDimension())) {
                reason += " (analyte " + analyte.code() + " has no molar mass)";
            }
            throw new UnitConversionException(unit, target, reason);
        }
    }

    private static String printable(String unit) {
        StringBuilder b = new StringBuilder();
        unit.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
