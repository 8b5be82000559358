package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labrange.interpretation.domain.Fixtures.ENGINE;
import static org.labrange.interpretation.domain.Fixtures.woman;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeltaCheckTest {

    private static ResultInterpretation.DeltaCheck delta(
            String analyte, AnalyteRanges ranges, String now, String unit, LabResult.PreviousResult... previous) {
        LabResult r = new LabResult(
                "x", analyte, Optional.empty(), now, unit, Fixtures.COLLECTED, Optional.empty(), List.of(previous));
        return ENGINE.interpret(r, woman(40), ranges, Optional.empty()).delta().orElseThrow();
    }

    private static LabResult.PreviousResult before(String value, String unit, String at) {
        return new LabResult.PreviousResult(value, unit, Instant.parse(at));
    }

    @ParameterizedTest(name = "CVa {0} %, CVi {1} % → RCV {2} %")
    @CsvSource({
        "2.0, 5.0, 14.93", // √2 · 1.96 · √29
        "0, 10, 27.72",
        "3, 4, 13.86", // √2 · 1.96 · 5
        "0, 0, 0",
    })
    void referenceChangeValueIsRootTwoTimesZTimesTheCombinedVariation(double cva, double cvi, double rcv) {
        assertEquals(rcv, DeltaChecker.referenceChangeValue(cva, cvi), 0.005);
    }

    @ParameterizedTest(name = "{0} → {1} mmol/L: {2}")
    @CsvSource({
        "1.00, 1.16, U", // +16 % > 14.93 %
        "1.00, 1.14, ''", // +14 % is within the RCV
        "1.00, 0.84, D",
        "1.00, 0.86, ''",
        "2.00, 2.20, ''", // +10 %: the change is relative to the earlier value, not scaled by it
        "2.00, 2.40, U", // +20 %
        "2.00, 1.60, D", // -20 %
    })
    void aChangeBeyondTheReferenceChangeValueIsFlaggedUpOrDown(String before, String now, String flag) {
        ResultInterpretation.DeltaCheck d =
                delta("TEST-CV", Fixtures.withCv(), now, "mmol/L", before(before, "mmol/L", "2026-05-01T08:00:00Z"));
        assertTrue(d.possible());
        assertEquals(14.93, d.rcvPercent().getAsDouble());
        assertEquals(!flag.isEmpty(), d.significant());
        assertEquals(flag, d.flag().map(Flag::code).orElse(""));
    }

    @Test
    void theMostRecentEarlierResultIsCompared() {
        ResultInterpretation.DeltaCheck d = delta(
                "TEST-CV",
                Fixtures.withCv(),
                "1.2",
                "mmol/L",
                before("0.5", "mmol/L", "2025-01-01T00:00:00Z"),
                before("1100", "umol/L", "2026-10-01T00:00:00Z"),
                before("9", "mmol/L", "2026-12-01T00:00:00Z")); // after this result: ignored
        assertEquals(1.1, d.previous().orElseThrow().value(), 1e-12);
        assertEquals(0.1, d.change().getAsDouble(), 1e-12);
        assertEquals(9.09, d.percentChange().getAsDouble());
        assertFalse(d.significant());
    }

    @Test
    void withoutPublishedBiologicalVariationTheDeltaCheckSaysItIsNotPossible() {
        ResultInterpretation.DeltaCheck d =
                delta("1952-1", Fixtures.serumSeed(), "2.45", "mg/L", before("1.9", "mg/L", "2026-05-01T08:00:00Z"));
        assertFalse(d.possible());
        assertTrue(d.reason().orElseThrow().startsWith("not possible"));
        assertTrue(d.rcvPercent().isEmpty());
        assertEquals(0.55, d.change().getAsDouble(), 1e-12);
        assertTrue(d.flag().isEmpty());
    }

    @Test
    void aCensoredValueHasNoDelta() {
        ResultInterpretation.DeltaCheck d =
                delta("TEST-CV", Fixtures.withCv(), "<0.9", "mmol/L", before("1.0", "mmol/L", "2026-05-01T08:00:00Z"));
        assertFalse(d.possible());
        assertTrue(d.reason().orElseThrow().contains("censored"));
    }

    @Test
    void anEarlierValueOfZeroGivesNoPercentageAndNoVerdict() {
        ResultInterpretation.DeltaCheck d =
                delta("TEST-CV", Fixtures.withCv(), "1.0", "mmol/L", before("0", "mmol/L", "2026-05-01T08:00:00Z"));
        assertFalse(d.possible());
        assertEquals(
                "not possible: the earlier value is not positive", d.reason().orElseThrow());
        assertTrue(d.percentChange().isEmpty());
        assertEquals(1.0, d.change().getAsDouble(), 1e-12);
        assertFalse(d.significant());
    }

    @Test
    void withoutAnEarlierCollectionThereIsNothingToCompare() {
        ResultInterpretation.DeltaCheck d =
                delta("TEST-CV", Fixtures.withCv(), "1.0", "mmol/L", before("1.0", "mmol/L", "2026-12-01T00:00:00Z"));
        assertFalse(d.possible());
        assertTrue(
                d.reason().orElseThrow().contains("no earlier result"),
                d.reason().orElseThrow());
        assertTrue(d.previous().isEmpty());
    }
}
