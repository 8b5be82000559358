package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.labrange.ranges.api.CatalogueImportTest.analyte;
import static org.labrange.ranges.api.CatalogueImportTest.catalogue;
import static org.labrange.ranges.api.CatalogueImportTest.importing;
import static org.labrange.ranges.api.CatalogueImportTest.newAnalyteCode;
import static org.labrange.ranges.api.CatalogueImportTest.newSourceCode;
import static org.labrange.ranges.api.CatalogueImportTest.range;
import static org.labrange.ranges.api.CatalogueImportTest.source;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** The catalogue in its CSV form: exported and imported back unchanged, spreadsheet files accepted, errors located. */
@QuarkusTest
class CatalogueCsvTest {

    private static final String HEADER = String.join(",", CatalogueCsv.COLUMNS);

    @Test
    void csvExportImportedBackChangesNothingAndKeepsFormulaLookingTextAsText() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        Map<String, Object> a = analyte(analyte, "Test analyte (test data only)");
        a.put("aliases", List.of("=alias one", "alias two"));
        Map<String, Object> s = source(source, "Test source");
        s.put("citation", "=HYPERLINK(\"http://example.invalid\") test fixture");
        Map<String, Object> r = range(analyte, source, "REFERENCE", 1.0, 2.0);
        r.put("note", "-5 means nothing here, @see the fixture");
        importing(catalogue(List.of(a), List.of(s), List.of(r)), false).statusCode(200);

        ExtractableResponse<Response> export = given().auth()
                .oauth2(Tokens.reader())
                .accept("text/csv")
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("kind,code,"))
                .body(containsString("'=HYPERLINK"))
                .body(containsString("'-5 means nothing"))
                .extract();

        importingCsv(export.asString(), export.header("ETag"), true)
                .statusCode(200)
                .body("analyteCounts.created", equalTo(0))
                .body("analyteCounts.revised", equalTo(0))
                .body("sourceCounts.created", equalTo(0))
                .body("sourceCounts.revised", equalTo(0))
                .body("rangeCounts.created", equalTo(0))
                .body("rangeCounts.revised", equalTo(0));
        importingCsv(export.asString(), export.header("ETag"), false)
                .statusCode(200)
                .body("analyteCounts.revised", equalTo(0))
                .body("sourceCounts.revised", equalTo(0))
                .body("rangeCounts.revised", equalTo(0));

        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .body("analytes.find { it.code == '" + analyte + "' }.aliases", contains("=alias one", "alias two"))
                .body(
                        "sources.find { it.code == '" + source + "' }.citation",
                        equalTo("=HYPERLINK(\"http://example.invalid\") test fixture"))
                .body("ranges.note", hasItem("-5 means nothing here, @see the fixture"));
    }

    @Test
    void anExcelFileWithByteOrderMarkAndCrlfImports() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        String csv =
                "\uFEFFkind,code,displayName,specimen,unit,name,sourceKind,citation,analyte,source,category,low,high\r\n"
                        + "analyte," + analyte + ",Test analyte (test data only),SERUM_PLASMA,mg/L,,,,,,,,\r\n"
                        + "source," + source + ",,,,Test source,LOCAL,Test fixture,,,,,\r\n"
                        + "range,,,,mg/L,,,," + analyte + "," + source + ",REFERENCE,1.5,3\r\n";
        importingCsv(csv, null, false)
                .statusCode(200)
                .body("analyteCounts.created", equalTo(1))
                .body("sourceCounts.created", equalTo(1))
                .body("rangeCounts.created", equalTo(1));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/" + analyte)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Test analyte (test data only)"));
    }

    @Test
    void errorsNameTheLineTheyAreOnAndNothingIsWritten() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        String csv = HEADER.replace(",", ",") + "\n"
                + row(Map.of("kind", "analyte", "code", analyte, "displayName", "Test analyte", "unit", "mg/L"))
                + row(Map.of(
                        "kind",
                        "range",
                        "analyte",
                        analyte,
                        "source",
                        source,
                        "category",
                        "REFERENCE",
                        "low",
                        "abc",
                        "high",
                        "3",
                        "unit",
                        "mg/L"));
        importingCsv(csv, null, false)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("ranges[0].low"))
                .body("errors[0].reason", startsWith("line 3: "));

        // rules checked by the import itself (no specimen) are placed on their line too
        String noSpecimen = HEADER + "\n"
                + row(Map.of(
                        "kind",
                        "source",
                        "code",
                        source,
                        "name",
                        "Test source",
                        "sourceKind",
                        "LOCAL",
                        "citation",
                        "Test fixture"))
                + row(Map.of("kind", "analyte", "code", analyte, "displayName", "Test analyte", "unit", "mg/L"));
        importingCsv(noSpecimen, null, false)
                .statusCode(400)
                .body("errors.field", hasItem("analytes[0].specimen"))
                .body("errors.find { it.field == 'analytes[0].specimen' }.reason", startsWith("line 3: "));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/sources/" + source)
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownKindIsNamedWithItsLine() {
        importingCsv("kind,code\nanalyte,\nthing,x\n", null, true)
                .statusCode(400)
                .body("errors.find { it.field == 'kind' }.reason", startsWith("line 3: 'thing' is not one of"));
    }

    private static String row(Map<String, String> cells) {
        return String.join(
                        ",",
                        CatalogueCsv.COLUMNS.stream()
                                .map(c -> cells.getOrDefault(c, ""))
                                .toList())
                + "\n";
    }

    private static ValidatableResponse importingCsv(String csv, String ifMatch, boolean dryRun) {
        var request = given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .queryParam("dryRun", dryRun)
                .queryParam("reason", "test catalogue (CSV)")
                .queryParam("effectiveFrom", "2026-01-01");
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/catalogue/import")
                .then();
    }
}
