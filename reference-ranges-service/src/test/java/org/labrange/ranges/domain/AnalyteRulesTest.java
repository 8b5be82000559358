package org.labrange.ranges.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labrange.units.Dimension;

class AnalyteRulesTest {

    private static Analyte analyte(
            String code, Specimen specimen, String unit, BigDecimal molarMass, String... aliases) {
        return new Analyte(
                code,
                Optional.empty(),
                "Test analyte " + code,
                List.of(aliases),
                specimen,
                unit,
                Optional.ofNullable(molarMass),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "mg/L, MASS_CONCENTRATION",
        "umol/L, SUBSTANCE_CONCENTRATION",
        "U/L, CATALYTIC_CONCENTRATION",
        "10*9/L, NUMBER_CONCENTRATION",
        "%, DIMENSIONLESS"
    })
    void theDimensionOfTheCanonicalUnitComesFromUcum(String unit, Dimension dimension) {
        Analyte a = analyte("t", Specimen.SERUM, unit, null);
        assertTrue(AnalyteRules.check(a).isEmpty(), () -> AnalyteRules.check(a).toString());
        assertEquals(dimension, AnalyteRules.dimension(a));
    }

    @ParameterizedTest
    @CsvSource({"%", "U/L", "10*9/L"})
    void aMolarMassIsRefusedWhereItMeansNothing(String unit) {
        assertEquals(
                List.of("molarMassGramsPerMole"),
                fields(AnalyteRules.check(analyte("t", Specimen.BLOOD, unit, new BigDecimal("100")))));
    }

    @Test
    void userSpellingsOfTheCanonicalUnitAreWrittenAsUcum() {
        assertEquals(
                "ug/L",
                AnalyteRules.normalised(analyte("t", Specimen.URINE, "mcg/L", null))
                        .unit());
        assertEquals(
                "ug/L",
                AnalyteRules.normalised(analyte("t", Specimen.URINE, "µg/L", null))
                        .unit());
    }

    @Test
    void aCvNeedsACitation() {
        Analyte a = new Analyte(
                "t",
                Optional.empty(),
                "Test",
                List.of(),
                Specimen.SERUM,
                "mg/L",
                Optional.empty(),
                Optional.empty(),
                Optional.of(new BigDecimal("3.1")),
                Optional.empty(),
                Optional.empty());
        assertEquals(List.of("cvCitation"), fields(AnalyteRules.check(a)));
    }

    @Test
    void rangeUnitsConvertThroughTheMolarMassOnlyWhenTheAnalyteHasOne() {
        Analyte withMass = analyte("b2m", Specimen.SERUM_PLASMA, "mg/L", new BigDecimal("11800"));
        Analyte withoutMass = analyte("x", Specimen.SERUM_PLASMA, "mg/L", null);
        assertTrue(AnalyteRules.rangeUnitProblem("nmol/L", withMass).isEmpty());
        assertTrue(AnalyteRules.rangeUnitProblem("ug/mL", withoutMass).isEmpty());
        assertTrue(AnalyteRules.rangeUnitProblem("nmol/L", withoutMass)
                .orElseThrow()
                .contains("no molar mass"));
        String catalytic = AnalyteRules.rangeUnitProblem("U/L", withMass).orElseThrow();
        assertTrue(catalytic.contains("catalytic") && catalytic.contains("mass concentration"), catalytic);
    }

    @Test
    void anAliasMayBeSharedAcrossSpecimensOnly() {
        Analyte serum = analyte("serum", Specimen.SERUM_PLASMA, "mg/L", null, "B2M");
        Analyte urine = analyte("urine", Specimen.URINE, "mg/L", null, "b2m");
        Analyte serumAgain = analyte("again", Specimen.SERUM_PLASMA, "mg/L", null, "other", "b2M");
        assertTrue(AnalyteRules.aliasCollisions(urine, List.of(serum)).isEmpty());
        assertEquals(List.of("aliases[1]"), fields(AnalyteRules.aliasCollisions(serumAgain, List.of(serum, urine))));
    }
}
