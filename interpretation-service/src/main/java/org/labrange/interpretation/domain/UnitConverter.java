package org.labrange.interpretation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * Converts units the way people write them to an analyte's canonical UCUM unit. UCUM is consulted once per
 * (unit as written, analyte); the factor is then cached, so evaluating a result is a multiplication.
 * Conversion between mass and amount-of-substance concentrations goes through the analyte's molar mass and
 * is refused when the analyte has none. Nothing is guessed: a unit UCUM does not know is an error.
 */
public final class UnitConverter {

    private static final String MOLAR = "mol/L";
    private static final String MASS = "g/L";
    /** Bounds memory if callers send endless distinct spellings; past it, UCUM is simply asked again. */
    private static final int MAX_CACHED_FACTORS = 10_000;

    private final UcumService ucum;
    private final Map<FactorKey, ConversionFactor> factors = new ConcurrentHashMap<>();

    private record FactorKey(String unit, String target, double molarMass) {}

    public UnitConverter(UcumService ucum) {
        this.ucum = ucum;
    }

    /** Loads the UCUM essence shipped inside the org.fhir:ucum jar. */
    public static UnitConverter fromBundledEssence() {
        try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
            if (in == null) {
                throw new IllegalStateException("ucum-essence.xml not found on the class path");
            }
            return new UnitConverter(new UcumEssenceService(in));
        } catch (IOException | UcumException e) {
            throw new IllegalStateException("cannot load UCUM essence", e);
        }
    }

    /**
     * Maps common spellings to UCUM: µg, μg and mcg become ug; spaces go. A unit written without any lower-case
     * letter (MG/L, MCG/ML, NMOL/L, as lab systems often send) is read the way UCUM's case-insensitive form
     * reads it, i.e. case-folded (MG/L is milligram per litre, not megagauss per litre). A mixed-case unit that is
     * not valid UCUM is also tried case-folded (mg/DL → mg/dL). Otherwise the unit is returned unchanged, so the
     * caller gets UCUM's own error.
     */
    public String toUcum(String unit) {
        synchronized (ucum) {
            return toUcumUnlocked(unit);
        }
    }

    private String toUcumUnlocked(String unit) {
        String u =
                unit.trim().replace(" ", "").replace("µ", "u").replace("μ", "u").replace("mcg", "ug");
        boolean noLowerCase = u.chars().noneMatch(Character::isLowerCase);
        if (!noLowerCase && ucum.validate(u) == null) {
            return u;
        }
        String folded = u.toLowerCase(Locale.ROOT).replace("mcg", "ug");
        // litre is conventionally written L; lower-case l is also valid UCUM
        String withLitre = folded.replaceAll("l$", "L").replace("l/", "L/");
        if (ucum.validate(withLitre) == null) {
            return withLitre;
        }
        if (ucum.validate(folded) == null) {
            return folded;
        }
        return u;
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
        ConversionFactor computed;
        // the UCUM service is not documented as thread-safe; it is only consulted on a cache miss
        synchronized (ucum) {
            computed = compute(unit, analyte);
        }
        if (factors.size() < MAX_CACHED_FACTORS) {
            factors.put(key, computed);
        }
        return computed;
    }

    private ConversionFactor compute(String unit, Analyte analyte) {
        String target = toUcumUnlocked(analyte.unit());
        if (unit.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new UnitConversionException(printable(unit), target, "it contains control or invisible characters");
        }
        String from = toUcumUnlocked(unit);
        String error = ucum.validate(from);
        if (error != null) {
            throw new UnitConversionException(unit, target, "not a UCUM unit (" + error + ")");
        }
        try {
            if (ucum.isComparable(from, target)) {
                return new ConversionFactor(unit, from, target, ucumFactor(from, target), false);
            }
            boolean fromMolar = ucum.isComparable(from, MOLAR);
            boolean fromMass = ucum.isComparable(from, MASS);
            boolean toMolar = ucum.isComparable(target, MOLAR);
            boolean toMass = ucum.isComparable(target, MASS);
            if ((fromMolar && toMass) || (fromMass && toMolar)) {
                if (analyte.molarMassGramsPerMole().isEmpty()) {
                    throw new UnitConversionException(
                            unit,
                            target,
                            "mass and molar concentrations need a molar mass, and analyte " + analyte.code()
                                    + " has none");
                }
                double molarMass = analyte.molarMassGramsPerMole().getAsDouble();
                double factor = fromMolar
                        ? ucumFactor(from, MOLAR) * molarMass * ucumFactor(MASS, target)
                        : ucumFactor(from, MASS) / molarMass * ucumFactor(MOLAR, target);
                return new ConversionFactor(unit, from, target, factor, true);
            }
            throw new UnitConversionException(
                    unit,
                    target,
                    "the dimensions differ (" + ucum.getCanonicalUnits(from) + " vs " + ucum.getCanonicalUnits(target)
                            + ")");
        } catch (UcumException e) {
            throw new UnitConversionException(unit, target, e.getMessage());
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

    private double ucumFactor(String from, String to) throws UcumException {
        Decimal one = new Decimal(1);
        return new BigDecimal(ucum.convert(one, from, to).asDecimal()).doubleValue();
    }
}
