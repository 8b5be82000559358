package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConverterTest {

    /** A fresh converter per test: a factor cached by an earlier test would hide how this one is computed. */
    private final UnitConverter units = UnitConverter.fromBundledEssence();

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
                Numbers.roundSignificant(2.45 * units.factor(unit, B2M_SERUM).factor());
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
        ConversionFactor f = units.factor(unit, B2M_SERUM);
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
                Numbers.roundSignificant(units.factor("mg/L", molar).factor()),
                1e-9);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mm[Hg]   | serum | (pressure) cannot be converted to",
                "mmHg     | serum | not a UCUM unit",
                "mg       | serum | (mass) cannot be converted to",
                "furlongs | serum | not a UCUM unit",
                "mg/L/L   | serum | (a quantity in g.m-6) cannot be converted",
                "nmol/L   | urine | convert only through a molar mass",
                "%        | serum | (ratio, fraction or count without a unit) cannot",
                "mg/ℓ     | serum | not a UCUM unit",
                "уg/L     | serum | not a UCUM unit", // Cyrillic у, not u
            })
    void aUnitThatCannotBeConvertedIsRefusedNamingTheUnitAndTheTarget(String unit, String analyte, String reason) {
        UnitConversionException e = assertThrows(
                UnitConversionException.class,
                () -> units.factor(unit, analyte.equals("serum") ? B2M_SERUM : B2M_URINE));
        assertEquals(unit, e.unit());
        assertTrue(e.getMessage().contains("'" + unit + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("'mg/L'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"mg/L\u0000", "mg/\u00adL", "mg\u2060/L", "mg/L\n"})
    void aUnitWithControlOrInvisibleCharactersIsRefused(String unit) {
        UnitConversionException e = assertThrows(UnitConversionException.class, () -> units.factor(unit, B2M_SERUM));
        assertTrue(e.getMessage().contains("control or invisible characters"), e.getMessage());
        assertTrue(e.getMessage().contains("\\u"), "the character is shown escaped: " + e.getMessage());
    }

    @Test
    void aFactorIsComputedOnceAndThenReused() {
        ConversionFactor first = units.factor("ng/mL", B2M_SERUM);
        ConversionFactor second = units.factor("ng/mL", B2M_SERUM);
        assertTrue(first == second, "the second look-up must come from the cache");
    }

    @Test
    void twoThousandFourHundredMicrogramsLandExactlyOnAnInclusiveBoundOfTwoPointFour() {
        double v =
                Numbers.roundSignificant(2400 * units.factor("ug/L", B2M_SERUM).factor());
        assertEquals(2.4, v);
        assertTrue(Interval.closed(0.6, 2.4).contains(v));
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mg/L      | mg/L",
                "MG/L      | mg/L",
                "mg/l      | mg/l",
                "MCG/ML    | ug/mL",
                "mcg/mL    | ug/mL",
                "µg/L      | ug/L",
                "μg/L      | ug/L",
                "' mg / dL ' | mg/dL",
                "mg/DL     | mg/dL",
                "NMOL/L    | nmol/l", // litre stays l here: "nmoL/L" is not UCUM, "nmol/l" is
                "ML        | mL",
                "furlongs  | furlongs",
            })
    void spellingsPeopleWriteAreReadAsUcum(String unit, String ucum) {
        assertEquals(ucum, units.toUcum(unit));
    }

    @ParameterizedTest(name = "''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "   "})
    void aMissingUnitIsRefused(String unit) {
        UnitConversionException e = assertThrows(UnitConversionException.class, () -> units.factor(unit, B2M_SERUM));
        assertTrue(e.getMessage().endsWith("a unit is required"), e.getMessage());
        assertEquals("mg/L", e.target());
    }

    @Test
    void aNullUnitIsRefused() {
        UnitConversionException e = assertThrows(UnitConversionException.class, () -> units.factor(null, B2M_SERUM));
        assertEquals("null", e.unit());
    }

    @Test
    void aFactorSaysWhatItConvertsAndHow() {
        ConversionFactor mass = units.factor("mcg/mL", B2M_SERUM);
        assertEquals("mcg/mL", mass.fromUnit());
        assertEquals("ug/mL", mass.ucumUnit());
        assertEquals("mg/L", mass.toUnit());
        assertEquals(1.0, mass.factor(), 1e-12);
        assertFalse(mass.viaMolarMass());
        ConversionFactor molar = units.factor("nmol/L", B2M_SERUM);
        assertEquals("nmol/L", molar.ucumUnit());
        assertEquals("mg/L", molar.toUnit());
        assertTrue(molar.viaMolarMass());
        assertEquals(0.0118, molar.factor(), 1e-12);
    }

    @Test
    void mgPerLitreBecomesMolarOnlyThroughTheMolarMass() {
        Analyte molar = new Analyte(
                "X",
                "x",
                List.of(),
                "SERUM_PLASMA",
                "umol/L",
                OptionalDouble.of(11800),
                OptionalDouble.empty(),
                OptionalDouble.empty());
        ConversionFactor f = units.factor("g/L", molar);
        assertTrue(f.viaMolarMass());
        assertEquals(1e6 / 11800, f.factor(), 1e-9);
        Analyte noMass = new Analyte(
                "Y",
                "y",
                List.of(),
                "SERUM_PLASMA",
                "umol/L",
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
        UnitConversionException e = assertThrows(UnitConversionException.class, () -> units.factor("g/L", noMass));
        assertTrue(e.getMessage().contains("analyte Y has no molar mass"), e.getMessage());
    }

    @Test
    void aUnitOfAnotherDimensionIsRefusedNamingBothDimensions() {
        UnitConversionException e = assertThrows(UnitConversionException.class, () -> units.factor("U/L", B2M_SERUM));
        assertTrue(
                e.getMessage()
                        .endsWith("'U/L' (catalytic activity concentration) cannot be converted to 'mg/L' (mass "
                                + "concentration)"),
                e.getMessage());
    }

    @Test
    void anInvisibleCharacterIsShownAsItsCodePoint() {
        UnitConversionException e =
                assertThrows(UnitConversionException.class, () -> units.factor("mg\u2060/L", B2M_SERUM));
        assertEquals("mg\\u2060/L", e.unit());
    }
}
