package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** A whole catalogue (analytes, sources, ranges) imported all or nothing, and exported in the same shape. */
@QuarkusTest
class CatalogueImportTest {

    @Test
    void oneBadRangeAmongGoodAnalytesAndSourcesWritesNothing() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        Map<String, Object> body = catalogue(
                List.of(analyte(analyte, "Test analyte (test data only)")),
                List.of(source(source, "Test source")),
                List.of(range(analyte, source, "REFERENCE", 1.0, 2.0), range(analyte, source, "CRITICAL", 9.0, 3.0)));
        importing(body, false)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("ranges[1].low"));
        analyte(analyte).statusCode(404);
        source(source).statusCode(404);
    }

    @Test
    void dryRunReportsWhatAnApplyWritesAndWritesNothing() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        Map<String, Object> body = catalogue(
                List.of(analyte(analyte, "Test analyte (test data only)")),
                List.of(source(source, "Test source")),
                List.of(range(analyte, source, "REFERENCE", 1.0, 2.0), range(analyte, source, "CRITICAL", null, 9.0)));
        ExtractableResponse<Response> dryRun = importing(body, true)
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("analytes.action", contains("CREATE"))
                .body("analytes[0].code", equalTo(analyte))
                .body("analytes[0].revision", equalTo(1))
                .body("sources.action", contains("CREATE"))
                .body("ranges.action", contains("CREATE", "CREATE"))
                .body("ranges.rangeId", everyItem(nullValue()))
                .body("rangeCounts.created", equalTo(2))
                .extract();
        analyte(analyte).statusCode(404);
        source(source).statusCode(404);

        String version = dryRun.path("catalogueVersion");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("analytes.action", contains("CREATE"))
                .body("analytes[0].revision", equalTo(1))
                .body("sources.action", contains("CREATE"))
                .body("ranges.action", contains("CREATE", "CREATE"))
                .body("ranges.rangeId", everyItem(notNullValue()));
        analyte(analyte).statusCode(200).body("displayName", equalTo("Test analyte (test data only)"));
        source(source).statusCode(200);
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("category", containsInAnyOrder("REFERENCE", "CRITICAL"));

        // the same catalogue again changes nothing; a changed display name revises only that analyte
        importing(body, false)
                .statusCode(200)
                .body("analytes.action", contains("UNCHANGED"))
                .body("sources.action", contains("UNCHANGED"))
                .body("ranges.action", contains("UNCHANGED", "UNCHANGED"));
        Map<String, Object> renamed = catalogue(
                List.of(analyte(analyte, "Test analyte, renamed (test data only)")),
                List.of(source(source, "Test source")),
                List.of(range(analyte, source, "REFERENCE", 1.0, 2.0), range(analyte, source, "CRITICAL", null, 9.0)));
        importing(renamed, false)
                .statusCode(200)
                .body("analytes.action", contains("REVISE"))
                .body("analytes[0].revision", equalTo(2))
                .body("ranges.action", contains("UNCHANGED", "UNCHANGED"));
        analyte(analyte).statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void applyBasedOnAStaleCatalogueVersionIsRefusedWith412() {
        String analyte = newAnalyteCode();
        Map<String, Object> body =
                catalogue(List.of(analyte(analyte, "Test analyte (test data only)")), List.of(), List.of());
        String version = importing(body, true).statusCode(200).extract().path("catalogueVersion");
        Admin.newSource(); // someone else writes between the dry run and the apply
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo(org.labrange.ranges.api.problem.Problem.TYPE_BASE + "catalogue-changed"))
                .header("ETag", org.hamcrest.Matchers.not(equalTo("\"" + version + "\"")));
        analyte(analyte).statusCode(404);
    }

    @Test
    void aBadLoincIsNamedWithItsPositionAndEveryOtherErrorToo() {
        String good = newAnalyteCode();
        String bad = newAnalyteCode();
        Map<String, Object> badLoinc = analyte(bad, "Test analyte (test data only)");
        badLoinc.put("loinc", "1952-2");
        Map<String, Object> body = catalogue(
                List.of(analyte(good, "Test analyte (test data only)"), badLoinc),
                List.of(Map.of("code", newSourceCode(), "kind", "LOCAL", "citation", "test fixture")),
                List.of());
        body.remove("reason");
        importing(body, false)
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("reason", "analytes[1].loinc", "sources[0].name"));
        analyte(good).statusCode(404);
    }

    @Test
    void exportImportedBackChangesNothing() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        importing(
                        catalogue(
                                List.of(analyte(analyte, "Test analyte (test data only)")),
                                List.of(source(source, "Test source")),
                                List.of(range(analyte, source, "REFERENCE", 1.0, 2.0))),
                        false)
                .statusCode(200);
        ExtractableResponse<Response> export = given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .body("analytes.code", hasItem(analyte))
                .body("sources.code", hasItem(source))
                .body("ranges.analyteCode", hasItem(analyte))
                .extract();
        Map<String, Object> back = new HashMap<>(export.jsonPath().getMap("$"));
        back.put("reason", "round trip");
        back.put("effectiveFrom", "2026-01-01");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", export.header("ETag"))
                .queryParam("dryRun", true)
                .body(back)
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(200)
                .body("analyteCounts.created", equalTo(0))
                .body("analyteCounts.revised", equalTo(0))
                .body("sourceCounts.created", equalTo(0))
                .body("sourceCounts.revised", equalTo(0))
                .body("rangeCounts.created", equalTo(0))
                .body("rangeCounts.revised", equalTo(0))
                .body("ranges", hasSize(((List<?>) back.get("ranges")).size()));
    }

    @Test
    void rangesThatLeaveAGapOrOverlapAreWrittenWithAWarningNamingIt() {
        String analyte = newAnalyteCode();
        String source = newSourceCode();
        Map<String, Object> women = range(analyte, source, "REFERENCE", 1.0, 2.0);
        women.put("population", Map.of("sex", "FEMALE"));
        importing(
                        catalogue(
                                List.of(analyte(analyte, "Test analyte (test data only)")),
                                List.of(source(source, "Test source")),
                                List.of(women)),
                        false)
                .statusCode(200)
                .body("warnings.kind", contains("GAP"))
                .body("warnings[0].analyteCode", equalTo(analyte))
                .body("warnings[0].sourceCode", equalTo(source))
                .body("warnings[0].sex", equalTo("MALE"));

        // a range for everyone on top of the women's range: women now match two ranges
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of(
                        "reason", "test catalogue",
                        "effectiveFrom", "2026-01-01",
                        "ranges", List.of(range(analyte, source, "REFERENCE", 1.0, 3.0))))
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("warnings.kind", contains("OVERLAP"))
                .body("warnings[0].sex", equalTo("FEMALE"))
                .body("warnings[0].rangeIds", hasSize(2));
    }

    @Test
    void readersMayExportButNotImport() {
        given().auth()
                .oauth2(Tokens.reader())
                .contentType("application/json")
                .body(catalogue(List.of(), List.of(), List.of()))
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(403);
    }

    static ValidatableResponse importing(Map<String, Object> body, boolean dryRun) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .queryParam("dryRun", dryRun)
                .body(body)
                .post("/api/v1/catalogue/import")
                .then();
    }

    private static ValidatableResponse analyte(String code) {
        return given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/" + code)
                .then();
    }

    private static ValidatableResponse source(String code) {
        return given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/sources/" + code)
                .then();
    }

    static String newAnalyteCode() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newSourceCode() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> catalogue(
            List<Map<String, Object>> analytes, List<Map<String, Object>> sources, List<Map<String, Object>> ranges) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "test catalogue");
        body.put("effectiveFrom", "2026-01-01");
        body.put("analytes", new ArrayList<>(analytes));
        body.put("sources", new ArrayList<>(sources));
        body.put("ranges", new ArrayList<>(ranges));
        return body;
    }

    static Map<String, Object> analyte(String code, String displayName) {
        Map<String, Object> a = new HashMap<>();
        a.put("code", code);
        a.put("displayName", displayName);
        a.put("specimen", "SERUM_PLASMA");
        a.put("unit", "mg/L");
        return a;
    }

    static Map<String, Object> source(String code, String name) {
        Map<String, Object> s = new HashMap<>();
        s.put("code", code);
        s.put("name", name);
        s.put("kind", "LOCAL");
        s.put("citation", "Test fixture, not a real publication");
        return s;
    }

    static Map<String, Object> range(String analyte, String source, String category, Double low, Double high) {
        Map<String, Object> r = new HashMap<>();
        r.put("analyteCode", analyte);
        r.put("sourceCode", source);
        r.put("category", category);
        if (low != null) {
            r.put("low", low);
        }
        if (high != null) {
            r.put("high", high);
        }
        r.put("unit", "mg/L");
        return r;
    }
}
