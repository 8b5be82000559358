package org.labrange.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;

/**
 * A lab loads a small catalogue through the gateway in one step (a new analyte, a source and two ranges of it):
 * a dry run that writes nothing, then the apply with the dry run's catalogue version, then a result interpreted
 * against it. Everything here is test data (names, citation and reason say so): the bounds are round numbers, not
 * reference values.
 */
@Order(2)
class CatalogueImportThroughGatewayIT {

    private static final String TEST_DATA = "test data for the end-to-end suite, not a clinical reference value";

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    @Test
    void aCatalogueIsCheckedByADryRunThenAppliedAndUsedForInterpretation() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String analyte = "TEST-cat-" + run;
        String source = "e2e-cat-" + run;
        String catalogue = "{\"reason\":\"" + TEST_DATA + "\",\"effectiveFrom\":\"2024-01-01\","
                + "\"analytes\":[{\"code\":\"" + analyte + "\",\"displayName\":\"Test data: catalogue import analyte\","
                + "\"aliases\":[],\"specimen\":\"SERUM\",\"unit\":\"mg/L\",\"displayPrecision\":1}],"
                + "\"sources\":[{\"code\":\"" + source + "\",\"name\":\"Test data laboratory\",\"kind\":\"LOCAL\","
                + "\"citation\":\"" + TEST_DATA + "\"}],"
                + "\"ranges\":["
                + range(analyte, source, "FEMALE", 10, 20) + ","
                + range(analyte, source, "MALE", 12, 24) + "]}";

        String version = suite.request(suite.admin())
                .queryParam("dryRun", true)
                .body(catalogue)
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("analytes.action", contains("CREATE"))
                .body("sources.action", contains("CREATE"))
                .body("ranges.action", contains("CREATE", "CREATE"))
                .extract()
                .path("catalogueVersion");
        suite.request(suite.reader()).get("/api/v1/analytes/" + analyte).then().statusCode(404);

        suite.request(suite.admin())
                .header("If-Match", "\"" + version + "\"")
                .body(catalogue)
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("analytes[0].revision", equalTo(1))
                .body("rangeCounts.created", equalTo(2));
        // the same version again is stale now: the apply moved the catalogue on
        suite.request(suite.admin())
                .header("If-Match", "\"" + version + "\"")
                .body(catalogue)
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(412)
                .body("type", equalTo("https://labrange.dev/problems/catalogue-changed"));
        suite.request(suite.reader())
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .body("analytes.code", hasItem(analyte))
                .body(
                        "ranges.findAll { it.sourceCode == '" + source + "' }.population.sex",
                        contains("FEMALE", "MALE"));

        // interpretation-service sees the new analyte and ranges within its change-check interval
        await("the imported catalogue in use")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        interpret(analyte, source, "22").statusCode(200).body("interpretations[0].flag", equalTo("H")));
        interpret(analyte, source, "15").statusCode(200).body("interpretations[0].flag", equalTo("N"));
    }

    @Test
    void theCsvExportThroughTheGatewayImportsBackUnchanged() {
        var export = suite.request(suite.reader())
                .accept("text/csv")
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract();
        suite.request(suite.admin())
                .contentType("text/csv; charset=UTF-8")
                .header("If-Match", export.header("ETag"))
                .queryParam("dryRun", true)
                .queryParam("reason", TEST_DATA)
                .queryParam("effectiveFrom", "2024-01-01")
                .body(export.asByteArray())
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(200)
                .body("analyteCounts.created", equalTo(0))
                .body("analyteCounts.revised", equalTo(0))
                .body("sourceCounts.created", equalTo(0))
                .body("sourceCounts.revised", equalTo(0))
                .body("rangeCounts.created", equalTo(0))
                .body("rangeCounts.revised", equalTo(0));
    }

    private static String range(String analyte, String source, String sex, int low, int high) {
        return "{\"analyteCode\":\"" + analyte + "\",\"sourceCode\":\"" + source + "\",\"category\":\"REFERENCE\","
                + "\"low\":" + low + ",\"high\":" + high + ",\"unit\":\"mg/L\",\"population\":{\"sex\":\"" + sex
                + "\"},\"note\":\"" + TEST_DATA + "\"}";
    }

    private static ValidatableResponse interpret(String analyte, String source, String value) {
        return suite.request(suite.interpreter())
                .body("{\"patient\":{\"sex\":\"FEMALE\",\"age\":\"P45Y\"},\"sources\":[\"" + source + "\"],"
                        + "\"result\":{\"id\":\"r1\",\"analyte\":\"" + analyte + "\",\"value\":\"" + value
                        + "\",\"unit\":\"mg/L\",\"collectedAt\":\"2026-11-20T08:00:00Z\"}}")
                .post("/api/v1/interpretations/single")
                .then();
    }
}
