package org.labrange.ranges.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.domain.ChangeAction;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.domain.Population;
import org.labrange.ranges.domain.RangeContent;
import org.labrange.ranges.domain.RangeRevision;
import org.labrange.ranges.domain.RangeStatus;
import org.labrange.ranges.service.NewRange;

/**
 * The CSV import parser on generated input: whatever the bytes, it returns rows or refuses with a reason a
 * caller can act on (a 4xx), never an unexpected exception (a 5xx). Rows the API's checks accept keep the
 * API's promises and survive the export format unchanged. Seeded, so failures reproduce.
 */
class RangeCsvFuzzTest {

    private static final String HEADER =
            "analyte,source,category,low,lowInclusive,high,highInclusive,unit,sex,ageMin,ageMax,ageUnit\n";
    private static final String[] CELLS = {
        "1952-1",
        "labcorp",
        "REFERENCE",
        "CRITICAL",
        "0.6",
        "-1",
        "1e999999",
        "NaN",
        "true",
        "false",
        "maybe",
        "mg/L",
        "µg/L",
        "ANY",
        "FEMALE",
        "X",
        "18",
        "17.9",
        "YEARS",
        "DAYS",
        "",
        "\"",
        "\"\"",
        "\"a,b\"",
        "\u0000",
        "\u200b",
        "'; DROP TABLE range_revision; --",
        "\r",
        "\n",
        ",,,,"
    };

    /** Every import column, each with values that are plausible for it, so that many rows get through. */
    private static final String[][] COLUMNS = {
        {"analyte", "1952-1", "1953-9", " 1952-1 "},
        {"source", "labcorp", "quest", "x'y"},
        {"category", "REFERENCE", "critical", "OPTIMAL", "ABSOLUTE"},
        {"low", "0.6", "0.60", "0", "", "2", "3.000", "0.000000000001", "999999999"},
        {"lowInclusive", "true", "false", "", "TRUE"},
        {"high", "2.4", "2", "", "2.40", "999999999.5", "1000000000"},
        {"highInclusive", "true", "false", "", "False"},
        {"unit", "mg/L", "µg/L", " mg/L ", "nmol/L", ""},
        {"sex", "ANY", "female", "MALE", ""},
        {"ageMin", "", "0", "18", "-1", "65"},
        {"ageMax", "", "18", "65", "1", "0"},
        {"ageUnit", "YEARS", "days", "MONTHS", ""},
        {"condition", "", "pregnant", "\"a,b\"", "  spaced  ", "\"line\nbreak\""},
        {"method", "", "turbidimetry", "\"say \"\"what\"\"\"", "\u200b"},
        {"note", "", "note", "\"x, y\"", "'; DROP TABLE range_revision; --", "=1+1"},
    };

    private final Random random = new Random(424242L);

    @Test
    void plausibleCsvRowsThatTheApiAcceptsKeepItsRulesAndSurviveExport() {
        StringBuilder header = new StringBuilder();
        for (String[] column : COLUMNS) {
            header.append(header.isEmpty() ? "" : ",").append(column[0]);
        }
        int accepted = 0;
        for (int t = 0; t < 2_000; t++) {
            StringBuilder csv = new StringBuilder(header).append('\n');
            for (int r = 0; r < 1 + random.nextInt(3); r++) {
                for (int c = 0; c < COLUMNS.length; c++) {
                    String cell = random.nextInt(20) == 0
                            ? CELLS[random.nextInt(CELLS.length)]
                            : COLUMNS[c][1 + random.nextInt(COLUMNS[c].length - 1)];
                    csv.append(c == 0 ? "" : ",").append(cell);
                }
                csv.append('\n');
            }
            accepted += acceptedRows(csv.toString());
        }
        assertTrue(accepted > 100, "too few rows were acceptable to test anything: " + accepted);
    }

    @Test
    void arbitraryCsvIsEitherParsedOrRefusedWithAReason() {
        for (int t = 0; t < 5_000; t++) {
            StringBuilder csv = new StringBuilder(random.nextInt(5) == 0 ? "" : HEADER);
            int rows = random.nextInt(4);
            for (int r = 0; r < rows; r++) {
                int cells = 1 + random.nextInt(14);
                for (int c = 0; c < cells; c++) {
                    csv.append(c == 0 ? "" : ",").append(CELLS[random.nextInt(CELLS.length)]);
                }
                csv.append('\n');
            }
            acceptedRows(csv.toString());
        }
    }

    /**
     * Parses {@code input}: a refusal must give a reason; every row the API's checks accept must keep the API's
     * rules and survive the export format. Returns how many rows were accepted.
     */
    private static int acceptedRows(String input) {
        int accepted = 0;
        try {
            List<NewRange> parsed = RangeCsv.parse(input, 10_000);
            for (NewRange row : parsed) {
                assertNotNull(row, input);
                if (row.content().validate("").isEmpty()) {
                    assertSatisfiesTheApiRules(row.content(), input);
                    assertRoundTrips(row, input);
                    accepted++;
                }
            }
        } catch (DomainException.Invalid | DomainException.TooLarge refused) {
            assertFalse(refused.getMessage().isBlank(), "no reason for " + input);
        }
        return accepted;
    }

    /** What the API's own rules promise of a row it accepts, checked without its validation code. */
    private static void assertSatisfiesTheApiRules(RangeContent content, String input) {
        assertTrue(content.low().isPresent() || content.high().isPresent(), input);
        if (content.low().isPresent() && content.high().isPresent()) {
            int order = content.low().get().compareTo(content.high().get());
            assertTrue(order < 0 || (order == 0 && content.lowInclusive() && content.highInclusive()), input);
        }
        content.low().ifPresent(low -> assertTrue(low.signum() >= 0, input));
        content.high().ifPresent(high -> assertTrue(high.signum() >= 0, input));
        assertNotNull(content.unit(), input);
        assertFalse(content.unit().isBlank(), input);
        assertEquals(content.unit().strip(), content.unit(), input);
        assertTrue(content.population().validate("").isEmpty(), input);
        Population population = content.population();
        population.ageMin().ifPresent(min -> assertTrue(min >= 0, input));
        population.ageMax().ifPresent(max -> assertTrue(max > 0, input));
        population.ageMin().ifPresent(min -> population.ageMax().ifPresent(max -> assertTrue(min < max, input)));
    }

    /** A parsed row, exported in the CSV export format and parsed again, is the same row. */
    private static void assertRoundTrips(NewRange row, String input) {
        RangeRevision exported = new RangeRevision(
                UUID.randomUUID(),
                1,
                1L,
                row.analyteCode(),
                row.sourceCode(),
                row.category(),
                ChangeAction.CREATE,
                RangeStatus.ACTIVE,
                row.content(),
                LocalDate.of(2026, 1, 1),
                Optional.empty(),
                Instant.EPOCH,
                "fuzz",
                "fuzz");
        List<NewRange> again = RangeCsv.parse(RangeCsv.write(List.of(exported)), 10);
        assertEquals(1, again.size(), input);
        NewRange back = again.get(0);
        assertEquals(row.analyteCode(), back.analyteCode(), input);
        assertEquals(row.sourceCode(), back.sourceCode(), input);
        assertEquals(row.category(), back.category(), input);
        assertEquals(row.content().unit(), back.content().unit(), input);
        assertEquals(row.content().population(), back.content().population(), input);
        assertEquals(row.content().note(), back.content().note(), input);
        assertEquals(
                row.content().low().map(BigDecimal::stripTrailingZeros),
                back.content().low().map(BigDecimal::stripTrailingZeros),
                input);
        assertEquals(
                row.content().high().map(BigDecimal::stripTrailingZeros),
                back.content().high().map(BigDecimal::stripTrailingZeros),
                input);
        assertEquals(row.content().lowInclusive(), back.content().lowInclusive(), input);
        assertEquals(row.content().highInclusive(), back.content().highInclusive(), input);
    }

    @Test
    void importRowLimitIsEnforcedWhileReading() {
        String csv = HEADER + "1952-1,labcorp,REFERENCE,0.6,true,2.4,true,mg/L,ANY,,,YEARS\n".repeat(3);
        org.junit.jupiter.api.Assertions.assertThrows(DomainException.TooLarge.class, () -> RangeCsv.parse(csv, 2));
    }
}
