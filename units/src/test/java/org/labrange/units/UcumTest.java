package org.labrange.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UcumTest {

    /** Beta-2 microglobulin, about 11.8 kDa. */
    private static final OptionalDouble B2M = OptionalDouble.of(11_800);

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private final Ucum ucum = Ucum.bundled();

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mg/L       | mg/L",
                "MG/L       | mg/L",
                "MCG/ML     | ug/mL",
                "µg/L       | ug/L",
                "μg/L       | ug/L",
                "' mg / dL '| mg/dL",
                "mg/DL      | mg/dL",
                "10^9/L     | 10*9/L",
                "x10^9/L    | 10*9/L",
                "IU/L       | [IU]/L",
                "mIU/mL     | m[IU]/mL",
                "U/L        | U/L",
                "MU/ML      | mU/mL",
                "MEQ/L      | meq/L",
                "%          | %",
                "furlongs   | furlongs",
            })
    void spellingsPeopleWriteAreReadAsUcum(String spelling, String code) {
        assertEquals(code, ucum.toUcum(spelling));
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mg/L       | MASS_CONCENTRATION",
                "mg/dL      | MASS_CONCENTRATION",
                "nmol/L     | SUBSTANCE_CONCENTRATION",
                "umol/L     | SUBSTANCE_CONCENTRATION",
                "U/L        | CATALYTIC_CONCENTRATION",
                "ukat/L     | CATALYTIC_CONCENTRATION",
                "10*9/L     | NUMBER_CONCENTRATION",
                "10*3/uL    | NUMBER_CONCENTRATION",
                "%          | DIMENSIONLESS",
                "1          | DIMENSIONLESS",
                "{ratio}    | DIMENSIONLESS",
                "mm[Hg]     | PRESSURE",
                "kPa        | PRESSURE",
                "s          | TIME",
                "min        | TIME",
                "fL         | VOLUME",
                "mL/min     | VOLUME_RATE",
                "mg/(24.h)  | MASS_RATE",
                "mmol/d     | SUBSTANCE_RATE",
                "[IU]/L     | OTHER",
                "Cel        | OTHER",
            })
    void everyValidUnitHasANamedDimension(String unit, Dimension dimension) {
        assertEquals(dimension, ucum.dimensionOf(unit));
    }

    @Test
    void anInvalidUnitIsNamedWithUcumsReason() {
        assertTrue(ucum.invalid("furlongs").isPresent());
        assertTrue(ucum.invalid("").isPresent());
        assertTrue(ucum.invalid("mg/L").isEmpty());
        UnitException e = assertThrows(UnitException.class, () -> ucum.dimensionOf("furlongs"));
        assertTrue(e.reason().startsWith("'furlongs' is not a UCUM unit"), e.reason());
    }

    @Test
    void unitsOfOneDimensionConvertByUcum() {
        assertEquals(0.1, ucum.conversion("mg/L", "mg/dL", NONE).factor(), 1e-12);
        assertEquals(1.0, ucum.conversion("mcg/mL", "mg/L", NONE).factor(), 1e-12);
        // one U is one micromole per minute: 1 U/L = 1/60 ukat/L
        assertEquals(1.0 / 60, ucum.conversion("U/L", "ukat/L", NONE).factor(), 1e-12);
        assertEquals(1.0, ucum.conversion("10*3/uL", "10*9/L", NONE).factor(), 1e-9);
        assertEquals(0.133322, ucum.conversion("mm[Hg]", "kPa", NONE).factor(), 1e-6);
        assertEquals(1.0, ucum.conversion("[IU]/L", "m[IU]/mL", NONE).factor(), 1e-12);
        assertFalse(ucum.conversion("mg/L", "g/L", NONE).viaMolarMass());
    }

    @Test
    void massAndSubstanceConvertThroughTheMolarMass() {
        Conversion toMolar = ucum.conversion("mg/L", "nmol/L", B2M);
        assertTrue(toMolar.viaMolarMass());
        // 1 mg/L of an 11.8 kDa protein is about 84.7 nmol/L
        assertEquals(84.746, toMolar.factor(), 0.001);
        assertEquals(
                1.0, toMolar.factor() * ucum.conversion("nmol/L", "mg/L", B2M).factor(), 1e-12);
        // creatinine, 113.12 g/mol: 1 mg/dL is 88.4 umol/L
        assertEquals(
                88.40,
                ucum.conversion("mg/dL", "umol/L", OptionalDouble.of(113.12)).factor(),
                0.01);
        assertEquals(
                1000 / 113.12,
                ucum.conversion("g/d", "mmol/d", OptionalDouble.of(113.12)).factor(),
                1e-9);
    }

    @Test
    void massAndSubstanceWithoutAMolarMassAreRefusedSayingWhy() {
        UnitException e = assertThrows(UnitException.class, () -> ucum.conversion("mg/L", "nmol/L", NONE));
        assertTrue(e.reason().contains("molar mass"), e.reason());
        assertEquals(Dimension.MASS_CONCENTRATION, e.fromDimension().orElseThrow());
        assertEquals(Dimension.SUBSTANCE_CONCENTRATION, e.toDimension().orElseThrow());
    }

    @Test
    void incommensurableUnitsNameBothDimensions() {
        UnitException e = assertThrows(UnitException.class, () -> ucum.conversion("U/L", "mg/L", B2M));
        assertEquals(
                "'U/L' (catalytic activity concentration) cannot be converted to 'mg/L' (mass concentration)",
                e.reason());
        assertEquals(Dimension.CATALYTIC_CONCENTRATION, e.fromDimension().orElseThrow());
        assertEquals(Dimension.MASS_CONCENTRATION, e.toDimension().orElseThrow());
        assertFalse(ucum.commensurable("10*9/L", "%", NONE));
        assertFalse(ucum.commensurable("[IU]/L", "mg/L", B2M));
    }

    @Test
    void temperatureScalesAreNotMistakenForFactors() {
        assertThrows(UnitException.class, () -> ucum.conversion("Cel", "K", NONE));
        assertThrows(UnitException.class, () -> ucum.conversion("[degF]", "Cel", NONE));
    }

    @Test
    void aMolarMassMeansSomethingOnlyForMassAndSubstance() {
        assertTrue(Dimension.MASS_CONCENTRATION.molarMassApplies());
        assertTrue(Dimension.SUBSTANCE_RATE.molarMassApplies());
        assertFalse(Dimension.DIMENSIONLESS.molarMassApplies());
        assertFalse(Dimension.CATALYTIC_CONCENTRATION.molarMassApplies());
        assertFalse(Dimension.NUMBER_CONCENTRATION.molarMassApplies());
    }

    /** Every pair of units from a few families: within a family there and back is identity, across never (each unit against one of every other family). */
    @Test
    void convertingThereAndBackGivesTheValueForEveryCommensurablePair() {
        List<List<String>> families = List.of(
                List.of("g/L", "mg/L", "mg/dL", "ug/mL", "ng/mL", "mmol/L", "umol/L", "nmol/L", "pmol/mL"),
                List.of("U/L", "ukat/L", "nkat/L", "mU/mL"),
                List.of("10*9/L", "10*3/uL", "/nL", "/mm3"),
                List.of("%", "1", "10*-3"),
                List.of("mm[Hg]", "kPa", "Pa"));
        for (List<String> family : families) {
            for (String a : family) {
                for (String b : family) {
                    double there = ucum.conversion(a, b, B2M).factor();
                    double back = ucum.conversion(b, a, B2M).factor();
                    assertEquals(1.0, there * back, 1e-12, a + " -> " + b + " -> " + a);
                }
                for (List<String> other : families) {
                    if (other != family) {
                        String c = other.get(family.indexOf(a) % other.size());
                        assertFalse(ucum.commensurable(a, c, B2M), a + " must not convert to " + c);
                    }
                }
            }
        }
    }
}
