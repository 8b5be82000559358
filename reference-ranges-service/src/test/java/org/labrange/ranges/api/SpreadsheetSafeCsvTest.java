package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** CSV that a lab opens in a spreadsheet, edits and loads again: no formula runs, nothing is lost. */
@QuarkusTest
class SpreadsheetSafeCsvTest {

    private static final String HEADER = "analyte,source,category,low,high,unit,note";

    private static List<CSVRecord> export() throws IOException {
        String csv = given().auth()
                .oauth2(Tokens.reader())
                .accept("text/csv")
                .get("/api/v1/ranges/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static ValidatableResponse importCsv(String csv, boolean dryRun) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .queryParam("dryRun", dryRun)
                .queryParam("reason", "spreadsheet")
                .queryParam("effectiveFrom", "2026-01-01")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/ranges/import")
                .then();
    }

    @Test
    void aNoteAFormulaWouldRunIsExportedAsTextAndImportsBackUnchanged() throws IOException {
        String source = Admin.newSource();
        String hyperlink = "=HYPERLINK(\"http://evil.example\",\"click\")";
        Admin.create(
                        source,
                        "REFERENCE",
                        "\"high\":2.4,\"note\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"",
                        "2025-01-01")
                .statusCode(201);
        Admin.create(source, "CRITICAL", "\"high\":9,\"note\":\"\\t=1+1\"", "2025-01-01")
                .statusCode(201);

        List<CSVRecord> mine =
                export().stream().filter(r -> r.get("source").equals(source)).toList();
        assertEquals(2, mine.size());
        for (CSVRecord row : export()) {
            for (String cell : row.values()) {
                assertFalse(
                        !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0,
                        "a spreadsheet would run the exported cell " + cell);
            }
        }
        assertTrue(mine.stream().anyMatch(r -> r.get("note").equals("'" + hyperlink)), mine.toString());
        // leading and trailing blanks of a note are not kept, so the tab is gone and the formula is left
        assertTrue(mine.stream().anyMatch(r -> r.get("note").equals("'=1+1")), mine.toString());

        // the export loads back as no change at all: the apostrophes are taken off again
        StringBuilder again =
                new StringBuilder(String.join(",", mine.get(0).getParser().getHeaderNames()));
        for (CSVRecord row : mine) {
            again.append('\n').append(CSVFormat.RFC4180.format(row.values()));
        }
        importCsv(again.append('\n').toString(), true)
                .statusCode(200)
                .body("created", equalTo(0))
                .body("revised", equalTo(0));
    }

    @Test
    void aFileSavedByExcelAsCsvUtf8WithByteOrderMarkAndCrlfIsAccepted() {
        String source = Admin.newSource();
        String csv = "\uFEFF" + HEADER + "\r\n1952-1," + source + ",REFERENCE,0.7,1.8,mg/L,from Excel\r\n";
        importCsv(csv, false).statusCode(200).body("created", equalTo(1));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("effectiveOn", "2026-06-01")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].note", equalTo("from Excel"));
    }

    @Test
    void aBrokenQuoteIsNamedByLineInOurOwnWords() {
        String source = Admin.newSource();
        String csv = HEADER + "\n1952-1," + source + ",REFERENCE,0.7,1.8,mg/L,ok\n1952-1," + source
                + ",REFERENCE,0.7,1.8,mg/L,\"never closed\n";
        importCsv(csv, false)
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("line 3"))
                .body("errors[0].reason", containsString("quoted cell is not closed"))
                .body("detail", not(containsString("org.apache")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aControlCharacterInACellIsRefusedWithItsLine() {
        String source = Admin.newSource();
        String csv = HEADER + "\n1952-1," + source + ",REFERENCE,0.7,1.8,mg/L,bell\u0007\n";
        importCsv(csv, false)
                .statusCode(400)
                .body("errors[0].field", equalTo("ranges[0].note"))
                .body("errors[0].reason", containsString("line 2"))
                .body("errors[0].reason", containsString("U+0007"));
    }
}
