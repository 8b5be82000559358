package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConverterTest {

    private static final UnitConverter UNITS = UnitConverter.fromBundledEssence();
    static final Analyte B2M_SERUM = new Analyte(
            "1952-1",
            "Beta-2 microglobulin, serum/plasma",
            List.of("B2M"),
            "SERUM_PLASMA",
            "mg/L",
            OptionalDouble.of(11800),
            OptionalDouble.empty(),
            OptionalDouble.empty());
    static final Analyte B2M_URINE = new Analyte(
            "1953-9",
            "Beta-2 microglobulin, urine",
            List.of("B2M"),
            "URINE",
            "mg/L",
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());

    @ParameterizedTest(name = "2.45 {0} is {1} mg/L")
    @CsvSource(
            delimiter = '|',
            value = {
                "mg/L    | 2.45",
                "mg/l    | 2.45",
                "MG/L    | 2.45", // all capitals: UCUM's case-insensitive form, not megagauss
                "MCG/ML  | 2.45",
                "UG/L    | 0.00245",
                "mcg/mL  | 2.45",
                "µg/mL   | 2.45", // micro sign U+00B5
                "μg/mL   | 2.45", // Greek small mu U+03BC
                "ug/mL   | 2.45",
                "mcg/ml  | 2.45",
                "mcg/L   | 0.00245",
                "µg/L    | 0.00245",
                "ug/L    | 0.00245",
                "ng/mL   | 0.00245",
                "mg/dL   | 24.5",
                "mg/DL   | 24.5",
                "g/L     | 2450",
                "' mg / L ' | 2.45",
            })
    void everyMassConcentrationSpellingConvertsToMilligramsPerLitre(String unit, double expected) {
        double normalised =
                Numbers.roundSignificant(2.45 * UNITS.factor(unit, B2M_SERUM).factor());
        assertEquals(expected, normalised);
    }

    @ParameterizedTest(name = "{1} {0} is {2} mg/L through the molar mass")
    @CsvSource(
            delimiter = '|',
            value = {
                "nmol/L | 84.7457627119 | 1.0", // 1 mg/L ≈ 84.7 nmol/L for 11,800 g/mol
                "nmol/L | 169.491525424 | 2.0",
                "umol/L | 0.2 | 2.36",
                "µmol/L | 0.2 | 2.36",
                "pmol/mL | 169.491525424 | 2.0",
            })
    void molarConcentrationsConvertThroughTheAnalytesMolarMass(String unit, double value, double expectedMgPerL) {
        ConversionFactor f = UNITS.factor(unit, B2M_SERUM);
        assertTrue(f.viaMolarMass());
        assertEquals(expectedMgPerL, Numbers.roundSignificant(value * f.factor()), 1e-9);
    }

    @Test
    void milligramsPerLitreConvertToNanomolesPerLitreForAMolarCanonicalUnit() {
        Analyte molar = new Analyte(
                "X",
                "x",
                List.of(),
                "SERUM_PLASMA",
                "nmol/L",
                OptionalDouble.of(11800),
                OptionalDouble.empty(),
                OptionalDouble.empty());
        assertEquals(
                84.7457627119,
                Numbers.roundSignificant(UNITS.factor("mg/L", molar).factor()),
                1e-9);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mm[Hg]   | serum | the dimensions differ",
                "mmHg     | serum | not a UCUM unit",
                "mg       | serum | the dimensions differ",
                "furlongs | serum | not a UCUM unit",
                "mg/L/L   | serum | the dimensions differ",
                "nmol/L   | urine | need a molar mass",
                "%        | serum | the dimensions differ",
                "mg/ℓ     | serum | not a UCUM unit",
                "уg/L     | serum | not a UCUM unit", // Cyrillic у, not u
            })
    void aUnitThatCannotBeConvertedIsRefusedNamingTheUnitAndTheTarget(String unit, String analyte, String reason) {
        UnitConversionException e = assertThrows(
                UnitConversionException.class,
                () -> UNITS.factor(unit, analyte.equals("serum") ? B2M_SERUM : B2M_URINE));
        assertEquals(unit, e.unit());
        assertTrue(e.getMessage().contains("'" + unit + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'mg/L'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mg/L\u0000", "mg/\u00adL", "mg\u2060/L", "mg/L\n"})
    void aUnitWithControlOrInvisibleCharactersIsRefused(String unit) {
        UnitConversionException e = assertThrows(UnitConversionException.class, () -> UNITS.factor(unit, B2M_SERUM));
        assertTrue(e.getMessage().contains("control or invisible characters"), e.getMessage());
        assertTrue(e.getMessage().contains("\\u"), "the character is shown escaped: " + e.getMessage());
    }

    @Test
    void aFactorIsComputedOnceAndThenReused() {
        ConversionFactor first = UNITS.factor("ng/mL", B2M_SERUM);
        ConversionFactor second = UNITS.factor("ng/mL", B2M_SERUM);
        assertTrue(first == second, "the second look-up must come from the cache");
    }

    @Test
    void twoThousandFourHundredMicrogramsLandExactlyOnAnInclusiveBoundOfTwoPointFour() {
        double v =
                Numbers.roundSignificant(2400 * UNITS.factor("ug/L", B2M_SERUM).factor());
        assertEquals(2.4, v);
        assertTrue(Interval.closed(0.6, 2.4).contains(v));
    }
}
