package org.labrange.interpretation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyteCatalogTest {

    private static final AnalyteCatalog CATALOG = new AnalyteCatalog(List.of(Fixtures.SERUM, Fixtures.URINE));

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1952-1 | ''            | 1952-1",
                "1953-9 | urine         | 1953-9",
                "B2M    | serum         | 1952-1",
                "b2m    | Plasma        | 1952-1",
                "B2M    | serum/plasma  | 1952-1",
                "B2M    | URINE         | 1953-9",
                "Beta-2 microglobulin, urine | '' | 1953-9",
                "9999-9 | ''            | 9999-9", // unknown here: asked of the ranges service by code
            })
    void analytesAreFoundByCodeOrByAliasAndSpecimen(String text, String specimen, String code) {
        assertEquals(
                Optional.of(code), CATALOG.resolve(text, Optional.of(specimen)).code());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "B2M    | ''    | ambiguous",
                "B2M    | csf   | not measured in CSF",
                "1952-1 | urine | is measured in SERUM_PLASMA",
                "B2M    | blood | not measured in BLOOD", // whole blood is not serum
                "''     | ''    | required",
                "beta two micro glob | '' | no analyte with code, name or alias",
                "Β2M    | serum | no analyte with code, name or alias", // Greek capital beta is not B, nor the alias
                // β2M
                "В2M    | serum | no analyte with code, name or alias", // Cyrillic ve
            })
    void anAmbiguousOrContradictoryAnalyteIsAProblemNotAGuess(String text, String specimen, String reason) {
        AnalyteCatalog.Resolution r = CATALOG.resolve(text, Optional.of(specimen));
        assertEquals(Optional.empty(), r.code());
        assertEquals(
                true, r.problem().orElseThrow().contains(reason), r.problem().orElseThrow());
    }

    @Test
    void wholeBloodIsItsOwnSpecimenAsInTheRangesServiceNotSerumOrPlasma() {
        assertEquals("BLOOD", Specimens.normalise(" Blood "));
        assertTrue(Specimens.matches("plasma", "SERUM_PLASMA"));
        assertTrue(Specimens.matches("BLD", "BLOOD"));
        assertFalse(Specimens.matches("blood", "SERUM_PLASMA"));
        assertEquals(
                "analyte 1952-1 is measured in SERUM_PLASMA, not in BLOOD",
                CATALOG.resolve("1952-1", Optional.of("blood")).problem().orElseThrow());
    }

    @ParameterizedTest(name = "{0} names {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "serum           | SERUM_PLASMA | true",
                "SER             | SERUM        | true",
                "plasma          | SERUM        | false",
                "24-hour urine   | URINE_24H    | true",
                "UR 24H          | URINE_24H    | true",
                "urine           | URINE_24H    | false",
                "spot urine      | URINE        | true",
                "24h urine       | URINE        | false",
                "arterial blood  | BLOOD_ARTERIAL | true",
                "BLDA            | BLOOD        | false",
                "CSF             | CSF          | true",
                "cerebrospinal fluid | CSF      | true",
            })
    void aSpecimenIsNamedByItsValueItsHl7CodeOrACommonName(String written, String specimen, boolean matches) {
        assertEquals(matches, Specimens.matches(written, specimen));
    }
}
