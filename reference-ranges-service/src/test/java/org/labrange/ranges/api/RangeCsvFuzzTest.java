package org.labrange.ranges.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.domain.DomainException;
import org.labrange.ranges.service.NewRange;

/**
 * The CSV import parser on generated input: whatever the bytes, it returns rows or refuses with a reason a
 * caller can act on (a 4xx), never an unexpected exception (a 5xx). Seeded, so failures reproduce.
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

    private final Random random = new Random(424242L);

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
            String input = csv.toString();
            try {
                List<NewRange> parsed = RangeCsv.parse(input, 10_000);
                assertEquals(
                        parsed.size(),
                        parsed.stream().filter(java.util.Objects::nonNull).count());
            } catch (DomainException.Invalid | DomainException.TooLarge refused) {
                assertFalse(refused.getMessage().isBlank(), "no reason for " + input);
            }
        }
    }

    @Test
    void importRowLimitIsEnforcedWhileReading() {
        String csv = HEADER + "1952-1,labcorp,REFERENCE,0.6,true,2.4,true,mg/L,ANY,,,YEARS\n".repeat(3);
        org.junit.jupiter.api.Assertions.assertThrows(DomainException.TooLarge.class, () -> RangeCsv.parse(csv, 2));
    }
}
