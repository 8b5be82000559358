package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labrange.interpretation.domain.Fixtures.ENGINE;
import static org.labrange.interpretation.domain.Fixtures.RULES;
import static org.labrange.interpretation.domain.Fixtures.result;
import static org.labrange.interpretation.domain.Fixtures.woman;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeAndPatternsTest {

    private static ResultInterpretation serum(String value) {
        return ENGINE.interpret(
                result("s1", "1952-1", value, "mg/L"), woman(56), Fixtures.serumSeed(), Optional.empty());
    }

    private static ResultInterpretation urine(String value, String unit) {
        return ENGINE.interpret(result("u1", "1953-9", value, unit), woman(56), Fixtures.urineSeed(), Optional.empty());
    }

    private static List<String> patterns(ResultInterpretation... results) {
        return ENGINE.patterns(List.of(results)).stream().map(PatternMatch::id).toList();
    }

    @Test
    void everyRuleCitesPagana2022OrArgyropoulos2017AndSpeaksOfAssociationsOnly() {
        assertFalse(RULES.version().isBlank());
        assertEquals(3, RULES.associations().size());
        assertEquals(2, RULES.patterns().size());
        RULES.associations().forEach(a -> {
            assertFalse(a.citations().isEmpty());
            assertTrue(a.text().contains("associated with"), a.id());
            assertFalse(a.text().toLowerCase(Locale.ROOT).contains("diagnos"), a.id());
        });
        RULES.patterns().forEach(p -> {
            assertFalse(p.citations().isEmpty());
            assertTrue(p.text().contains("associated with"), p.id());
        });
        assertTrue(
                RULES.citations().get("argyropoulos-2017").doi().orElseThrow().equals("10.3389/fmed.2017.00073"));
        assertTrue(RULES.citations().get("pagana-2022").text().contains("16th"));
    }

    @Test
    void elevatedSerumB2mListsItsAssociatedConditionsWithTheSourcesThatFlaggedIt() {
        ResultInterpretation r = serum("2.45");
        assertEquals(1, r.associations().size());
        ResultInterpretation.Association a = r.associations().get(0);
        assertEquals("b2m-serum-elevated", a.id());
        assertEquals(9, a.conditions().size());
        assertTrue(a.conditions().stream().anyMatch(c -> c.contains("HIV")));
        assertTrue(a.conditions().stream().anyMatch(c -> c.contains("Sjögren")));
        assertEquals("high by labcorp, mosby-pagana-2022 (not high by quest N)", a.basis());
    }

    @Test
    void elevatedUrineB2mListsItsAssociatedConditions() {
        ResultInterpretation r = urine("0.5", "mg/L");
        assertEquals("b2m-urine-elevated", r.associations().get(0).id());
        assertTrue(r.associations().get(0).conditions().contains("renal tubular disease"));
    }

    @Test
    void aNormalResultCarriesNoAssociation() {
        assertTrue(serum("1.2").associations().isEmpty());
        assertTrue(urine("0.1", "mg/L").associations().isEmpty());
    }

    @ParameterizedTest(name = "serum {0}, urine {1} {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2.45 | 250  | ug/L | b2m-glomerular-pattern",
                "2.45 | 300  | ug/L | b2m-glomerular-pattern", // urine exactly on its inclusive limit is not high
                "1.2  | 0.9  | mg/L | b2m-tubular-pattern",
                "0.5  | 0.9  | mg/L | b2m-tubular-pattern", // serum low counts as not high
                "1.2  | 30   | mg/L | b2m-tubular-pattern",
                "1.2  | 29.9 | mg/L | b2m-tubular-pattern", // 99.7 × the upper limit: below 100 ×
                "2.45 | 0.9  | mg/L | ''", // both high: neither pattern
                "1.2  | 0.25 | mg/L | ''",
                "2.45 | <0.5 | mg/L | ''", // urine cannot be placed: not 'not high'
            })
    void patternsAcrossSerumAndUrineOfOnePatient(String serum, String urine, String unit, String expected) {
        List<String> found = patterns(serum(serum), urine(urine, unit));
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), found);
    }

    @Test
    void aPatternNamesItsResultsAndTheFlagsItRestsOn() {
        PatternMatch m =
                ENGINE.patterns(List.of(serum("2.45"), urine("250", "ug/L"))).get(0);
        assertEquals(List.of("s1", "u1"), m.resultIds());
        assertTrue(m.basis().contains("s1 (SERUM_PLASMA) high by labcorp"), m.basis());
        assertTrue(m.basis().contains("u1 (URINE) not high by mosby-pagana-2022 N"), m.basis());
        assertEquals(2, m.citations().size());
    }

    @ParameterizedTest(name = "urine {0} mg/L → toxic-exposure hint {1}")
    @CsvSource({"45, true", "30, true", "29.9, false", "0.5, false", "<40, false"})
    void aUrineAtLeast100TimesItsUpperLimitCarriesTheToxicExposureHintOnItsOwn(String value, boolean hinted) {
        ResultInterpretation r = urine(value, "mg/L");
        List<String> ids = r.associations().stream()
                .map(ResultInterpretation.Association::id)
                .toList();
        assertEquals(hinted, ids.contains("b2m-urine-toxic-excess"), ids.toString());
        if (hinted) {
            ResultInterpretation.Association hint = r.associations().get(ids.indexOf("b2m-urine-toxic-excess"));
            assertTrue(hint.basis().startsWith("at least 100 × the upper limit: mosby-pagana-2022 "), hint.basis());
            assertEquals(2, hint.citations().size());
        }
        assertTrue(patterns(r).isEmpty(), "a hint about one result is not a pattern across results");
    }

    @Test
    void theSameRangeAndFlagWithADifferentSizeOfValueGetTheirOwnHints() {
        // Flag-only conclusions are remembered per range revision and flag; the size hint must not be.
        assertTrue(urine("45", "mg/L").associations().stream().anyMatch(a -> a.id().equals("b2m-urine-toxic-excess")));
        assertTrue(urine("1", "mg/L").associations().stream().noneMatch(a -> a.id().equals("b2m-urine-toxic-excess")));
        assertTrue(urine("45", "mg/L").associations().stream().anyMatch(a -> a.id().equals("b2m-urine-toxic-excess")));
    }

    @Test
    void aPatternNeedsEveryResultItDescribes() {
        assertTrue(patterns(serum("2.45")).isEmpty());
    }
}
