package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labrange.interpretation.domain.Fixtures.ENGINE;
import static org.labrange.interpretation.domain.Fixtures.result;
import static org.labrange.interpretation.domain.Fixtures.woman;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labrange.interpretation.domain.ResultInterpretation.SourceInterpretation;
import org.labrange.interpretation.domain.ResultInterpretation.Status;

class InterpretationEngineTest {

    private static Map<String, String> flags(ResultInterpretation r) {
        return r.interpretations().stream()
                .collect(Collectors.toMap(
                        SourceInterpretation::source, i -> i.flag().code()));
    }

    @ParameterizedTest(name = "serum {0} {1}: quest {2}, labcorp {3}, mosby {4}")
    @CsvSource({
        "2.45, mg/L, N, H, H",
        "2.51, mg/L, N, H, H", // on Quest's inclusive upper bound
        "2.52, mg/L, H, H, H",
        "2.4, mg/L, N, N, H", // on Labcorp's inclusive upper bound
        "0.6, mg/L, N, N, L", // on Labcorp's inclusive lower bound
        "0.59, mg/L, N, L, L",
        "1.8, mg/L, N, N, N",
        "2400, ug/L, N, N, H", // converted, lands exactly on 2.4
        "2400, mcg/L, N, N, H",
        "0.24, mg/dL, N, N, H",
        "203.389830508, nmol/L, N, N, H", // 2.4 mg/L through 11,800 g/mol
        "<0.2, mg/L, N, L, L", // censored below every lower limit; Quest has none
        "<1.0, mg/L, N, <, <", // cannot be placed against 0.6 or 0.7
        ">100, mg/L, H, H, H",
        ">2.0, mg/L, >, >, H",
    })
    void serumB2mIsFlaggedPerSource(String value, String unit, String quest, String labcorp, String mosby) {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", value, unit), woman(56), Fixtures.serumSeed(), Optional.empty());
        assertEquals(Status.INTERPRETED, r.status(), () -> r.problems().toString());
        assertEquals(Map.of("quest", quest, "labcorp", labcorp, "mosby-pagana-2022", mosby), flags(r));
    }

    @Test
    void theRangeAppliedIsNamedWithItsIdRevisionAndSelectionRule() {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", "2.45", "mg/L"),
                woman(56),
                Fixtures.serumSeed(),
                Optional.of(List.of("labcorp")));
        SourceInterpretation labcorp = r.interpretations().get(0);
        assertEquals("labcorp-1", labcorp.range().revision().rangeId());
        assertEquals(1, labcorp.range().revision().revision());
        assertEquals("only applicable range", labcorp.selectionRule());
        assertEquals(1.021, labcorp.position().multipleOfUpperLimit().getAsDouble());
        assertEquals(102.8, labcorp.position().percentThroughRange().getAsDouble());
    }

    @Test
    void withoutAnAgeQuestsAdultRangeDoesNotApplyAndTheResultSaysWhy() {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", "2.45", "mg/L"), Patient.unknown(), Fixtures.serumSeed(), Optional.empty());
        assertEquals(Map.of("labcorp", "H", "mosby-pagana-2022", "H"), flags(r));
        assertEquals("quest", r.notEvaluated().get(0).source());
        assertTrue(
                r.notEvaluated().get(0).reason().contains("age is unknown"),
                r.notEvaluated().get(0).reason());
    }

    @Test
    void aChildIsNotEvaluatedAgainstAnAdultRange() {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", "2.45", "mg/L"), woman(12), Fixtures.serumSeed(), Optional.of(List.of("quest")));
        assertEquals(Status.NO_RANGE, r.status());
        assertTrue(r.interpretations().isEmpty());
        assertTrue(r.notEvaluated().get(0).reason().contains("the patient is 12 years"));
    }

    @Test
    void aResultCollectedBeforeAnyRangeWasInEffectHasNoFlagNeverNormal() {
        LabResult old = new LabResult(
                "s1",
                "1952-1",
                Optional.empty(),
                "2.0",
                "mg/L",
                Instant.parse("2019-06-01T00:00:00Z"),
                Optional.empty(),
                List.of());
        ResultInterpretation r = ENGINE.interpret(old, woman(56), Fixtures.serumSeed(), Optional.empty());
        assertEquals(Status.NO_RANGE, r.status());
        assertTrue(r.agreement().isEmpty());
        assertTrue(r.notEvaluated().stream().allMatch(n -> n.reason().contains("in effect on 2019-06-01")));
    }

    @Test
    void aRequestedSourceWithoutRangesForTheAnalyteIsReportedAsNotEvaluated() {
        ResultInterpretation r = ENGINE.interpret(
                result("u1", "1953-9", "0.25", "mg/L"),
                woman(56),
                Fixtures.urineSeed(),
                Optional.of(List.of("quest", "mosby-pagana-2022")));
        assertEquals(Map.of("mosby-pagana-2022", "N"), flags(r));
        assertEquals(
                "quest publishes no reference range for this analyte",
                r.notEvaluated().get(0).reason());
        assertEquals(
                "Only mosby-pagana-2022 evaluated: Normal (range ≤ 0.3 mg/L). Evaluated by 1 of the 2 sources asked; "
                        + "not evaluated: quest (quest publishes no reference range for this analyte).",
                r.agreement().orElseThrow().summary());
    }

    @Test
    void aChildEvaluatedAgainstRangesWithoutAgeLimitsIsToldSoPerSource() {
        ResultInterpretation child = ENGINE.interpret(
                result("s1", "1952-1", "2.45", "mg/L"), woman(9), Fixtures.serumSeed(), Optional.empty());
        // Quest's serum range is for adults only: the child is evaluated by the two sources without age limits.
        assertEquals(
                List.of("labcorp", "mosby-pagana-2022"),
                child.interpretations().stream()
                        .map(ResultInterpretation.SourceInterpretation::source)
                        .toList());
        assertTrue(
                child.agreement()
                        .orElseThrow()
                        .summary()
                        .contains("Evaluated by 2 of the 3 sources asked; not evaluated: quest ("),
                child.agreement().orElseThrow().summary());
        child.interpretations()
                .forEach(i -> assertTrue(
                        i.note().orElse("").contains("under 18 (9 years) and this range states no age limits"),
                        i.source() + ": " + i.note()));
        assertEquals(
                "H",
                child.interpretations().stream()
                        .filter(i -> i.source().equals("labcorp"))
                        .findFirst()
                        .orElseThrow()
                        .flag()
                        .code(),
                "the remark does not change the flag");
        ResultInterpretation adult = ENGINE.interpret(
                result("s1", "1952-1", "2.45", "mg/L"), woman(18), Fixtures.serumSeed(), Optional.empty());
        adult.interpretations().forEach(i -> assertTrue(i.note().isEmpty(), i.source() + ": " + i.note()));
    }

    @Test
    void sourcesThatDisagreeAreSummarised() {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", "2.45", "mg/L"), woman(56), Fixtures.serumSeed(), Optional.empty());
        assertFalse(r.agreement().orElseThrow().unanimous());
        assertEquals(
                "Sources disagree: High by labcorp (range 0.6–2.4 mg/L), mosby-pagana-2022 (range 0.7–1.8 mg/L); "
                        + "Normal by quest (range ≤ 2.51 mg/L).",
                r.agreement().orElseThrow().summary());
    }

    @Test
    void sourcesThatAgreeAreSaidToAgree() {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", "1.2", "mg/L"), woman(56), Fixtures.serumSeed(), Optional.empty());
        assertTrue(r.agreement().orElseThrow().unanimous());
        assertEquals("All 3 sources agree: Normal.", r.agreement().orElseThrow().summary());
    }

    @ParameterizedTest(name = "{0} mmol/L → {1}")
    @CsvSource({
        "0.4, LL, BELOW_OPTIMAL",
        "0.5, L, BELOW_OPTIMAL", // on the inclusive critical bound: low, not critical
        "0.99, L, BELOW_OPTIMAL",
        "1.0, N, BELOW_OPTIMAL",
        "1.4, N, OPTIMAL",
        "1.99, N, ABOVE_OPTIMAL",
        "2.0, H, ABOVE_OPTIMAL", // exclusive upper bound
        "5.0, H, ABOVE_OPTIMAL",
        "5.01, HH, ABOVE_OPTIMAL",
        ">6, HH, ABOVE_OPTIMAL", // censored but certainly beyond the critical limit
        "<0.3, LL, BELOW_OPTIMAL",
    })
    void criticalAndOptimalRangesAreAppliedAlongsideTheReferenceRange(String value, String flag, String optimal) {
        ResultInterpretation r = ENGINE.interpret(
                result("x", "TEST-CV", value, "mmol/L"), woman(40), Fixtures.withCv(), Optional.empty());
        SourceInterpretation i = r.interpretations().get(0);
        assertEquals(flag, i.flag().code());
        assertEquals(optimal, i.optimal().orElseThrow().status());
        assertEquals(flag.length() == 2, i.critical().orElseThrow().flag().isPresent());
    }

    @Test
    void aValueOutsideTheAbsoluteRangeIsRejectedAsImpossible() {
        ResultInterpretation r = ENGINE.interpret(
                result("x", "TEST-CV", "150", "mmol/L"), woman(40), Fixtures.withCv(), Optional.empty());
        assertEquals(Status.REJECTED, r.status());
        assertEquals(ResultProblem.IMPOSSIBLE_VALUE, r.problems().get(0).kind());
        assertTrue(r.problems().get(0).reason().contains("impossible"));
    }

    @Test
    void aRangeWithoutBoundsGivesIndeterminate() {
        AnalyteRanges ranges = Fixtures.withCv(Fixtures.range(
                "open",
                "TEST-CV",
                "quest",
                RangeCategory.REFERENCE,
                new Interval(java.util.OptionalDouble.empty(), true, java.util.OptionalDouble.empty(), true),
                "mmol/L",
                Population.everyone()));
        ResultInterpretation r = ENGINE.interpret(
                result("x", "TEST-CV", "1.5", "mmol/L"), woman(40), ranges, Optional.of(List.of("quest")));
        assertEquals("IND", r.interpretations().get(0).flag().code());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "abc    | mg/L   | value",
                "2.0    | mmHg   | unit",
                "2.0    | furlong| unit",
                "''     | mg/L   | value",
            })
    void aBadValueOrUnitRejectsTheResultNamingTheField(String value, String unit, String field) {
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", value, unit), woman(56), Fixtures.serumSeed(), Optional.empty());
        assertEquals(Status.REJECTED, r.status());
        assertEquals(field, r.problems().get(0).field());
    }

    @Test
    void aSpecimenThatContradictsTheAnalyteIsRejected() {
        LabResult urineAsSerum = new LabResult(
                "s1", "1952-1", Optional.of("urine"), "2.0", "mg/L", Fixtures.COLLECTED, Optional.empty(), List.of());
        ResultInterpretation r = ENGINE.interpret(urineAsSerum, woman(56), Fixtures.serumSeed(), Optional.empty());
        assertEquals("specimen", r.problems().get(0).field());
    }

    @Test
    void aBirthDateAfterTheCollectionDateIsRejected() {
        Patient unborn =
                new Patient(Optional.empty(), Optional.of(java.time.LocalDate.parse("2027-01-01")), Optional.empty());
        ResultInterpretation r =
                ENGINE.interpret(result("s1", "1952-1", "2.0", "mg/L"), unborn, Fixtures.serumSeed(), Optional.empty());
        assertEquals(Status.REJECTED, r.status());
    }

    @Test
    void ageIsTakenAtTheCollectionDateNotToday() {
        // 17 at collection in 2026, 18 at some later date: Quest's adult range must not apply
        Patient teen = new Patient(
                Optional.of(Sex.FEMALE), Optional.of(java.time.LocalDate.parse("2008-12-01")), Optional.empty());
        ResultInterpretation r = ENGINE.interpret(
                result("s1", "1952-1", "2.0", "mg/L"), teen, Fixtures.serumSeed(), Optional.of(List.of("quest")));
        assertEquals(Status.NO_RANGE, r.status());
        assertTrue(r.notEvaluated().get(0).reason().contains("the patient is 17 years"));
    }
}
