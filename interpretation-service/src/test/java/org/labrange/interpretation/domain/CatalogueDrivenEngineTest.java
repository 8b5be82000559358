package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labrange.interpretation.domain.Fixtures.ENGINE;
import static org.labrange.interpretation.domain.Fixtures.result;
import static org.labrange.interpretation.domain.Fixtures.woman;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The engine follows whatever the catalogue says about an analyte: its canonical unit of any dimension, its molar
 * mass, its LOINC code as the key of clinical knowledge. The analytes and bounds here are test data, not reference
 * values.
 */
class CatalogueDrivenEngineTest {

    /** A catalytic activity measured in U/L (test data). */
    private static final Analyte ENZYME = new Analyte(
            "TEST-ENZYME",
            "Test enzyme activity",
            List.of(),
            "SER",
            "U/L",
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            Optional.of("0000-0"));

    /** A number concentration in 10*9/L (test data). */
    private static final Analyte CELLS = new Analyte(
            "TEST-CELLS",
            "Test cell count",
            List.of(),
            "BLD",
            "10*9/L",
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());

    private static AnalyteRanges ranges(Analyte analyte, Interval interval) {
        return AnalyteRanges.compile(
                analyte,
                List.of(Fixtures.range(
                        "test-1",
                        analyte.code(),
                        "test-lab",
                        RangeCategory.REFERENCE,
                        interval,
                        analyte.unit(),
                        Fixtures.adults())),
                1,
                Fixtures.UNITS);
    }

    private static ResultInterpretation interpret(Analyte analyte, Interval interval, String value, String unit) {
        return ENGINE.interpret(
                result("r1", analyte.code(), value, unit), woman(40), ranges(analyte, interval), Optional.empty());
    }

    @Test
    void aCatalyticActivityIsFlaggedFromAnyCommensurableUnit() {
        // 1 ukat/L = 60 U/L: 0.5 ukat/L is 30 U/L, inside 10–40 U/L; 1 ukat/L is 60 U/L, above it
        ResultInterpretation inside = interpret(ENZYME, Interval.closed(10, 40), "0.5", "ukat/L");
        assertEquals(ResultInterpretation.Status.INTERPRETED, inside.status());
        assertEquals(Flag.N, inside.interpretations().get(0).flag());
        assertEquals(30.0, inside.value().orElseThrow().normalised().value(), 1e-9);
        ResultInterpretation above = interpret(ENZYME, Interval.closed(10, 40), "1", "ukat/L");
        assertEquals(Flag.H, above.interpretations().get(0).flag());
    }

    @Test
    void aNumberConcentrationIsFlaggedFromAnotherSpellingOfTheSameCount() {
        ResultInterpretation r = interpret(CELLS, Interval.closed(4, 11), "12.5", "10^3/uL");
        assertEquals(Flag.H, r.interpretations().get(0).flag());
        assertEquals(12.5, r.value().orElseThrow().normalised().value(), 1e-9);
    }

    @Test
    void aUnitOfAnotherDimensionIsRejectedNamingBothDimensions() {
        ResultInterpretation r = interpret(CELLS, Interval.closed(4, 11), "5", "mmol/L");
        assertEquals(ResultInterpretation.Status.REJECTED, r.status());
        String reason = r.problems().get(0).reason();
        assertTrue(reason.contains("(substance (molar) concentration)"), reason);
        assertTrue(reason.contains("(number concentration)"), reason);
    }

    @Test
    void anAnalyteWithoutKnowledgeSaysNoAssociationsAreOnFile() {
        ResultInterpretation r = interpret(ENZYME, Interval.closed(10, 40), "400", "U/L");
        assertEquals(Flag.H, r.interpretations().get(0).flag());
        assertTrue(r.associations().isEmpty());
        assertFalse(r.associationsOnFile());
        ResultInterpretation b2m = ENGINE.interpret(
                result("s1", "1952-1", "1.0", "mg/L"), woman(40), Fixtures.serumSeed(), Optional.empty());
        assertTrue(b2m.associations().isEmpty(), "a normal B2M triggers nothing");
        assertTrue(b2m.associationsOnFile(), "but B2M has associations on file");
    }

    @Test
    void knowledgeIsFiledUnderTheLoincCodeWhenTheAnalyteHasOne() {
        assertEquals("0000-0", ENZYME.knowledgeKey());
        assertEquals("TEST-CELLS", CELLS.knowledgeKey());
    }
}
