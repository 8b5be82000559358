package org.labrange.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;

/** An admin revises a range; results keep the revision in effect on their collection date. */
@Order(2)
class RangeRevisionThroughGatewayIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    private static String newSourceWithRange() {
        String source = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        suite.request(suite.admin())
                .body("{\"code\":\"" + source + "\",\"name\":\"E2E lab\",\"kind\":\"LOCAL\","
                        + "\"citation\":\"Validation report 2024\",\"reason\":\"new lab\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        return source;
    }

    private static String createRange(String source) {
        return suite.request(suite.admin())
                .body(
                        "{\"analyteCode\":\"1952-1\",\"sourceCode\":\"" + source + "\",\"category\":\"REFERENCE\","
                                + "\"low\":0.6,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2024-01-01\",\"reason\":\"validation\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .extract()
                .path("rangeId");
    }

    private static io.restassured.response.ValidatableResponse interpret(String source, String collectedAt) {
        return suite.request(suite.interpreter())
                .body("{\"patient\":{\"sex\":\"MALE\",\"age\":\"P50Y\"},\"sources\":[\"" + source + "\"],"
                        + "\"results\":[{\"id\":\"r\",\"analyte\":\"1952-1\",\"value\":\"2.45\",\"unit\":\"mg/L\",\"collectedAt\":\""
                        + collectedAt + "\"}]}")
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200);
    }

    @Test
    void resultBeforeTheChangeKeepsTheOldRevisionAndOneAfterUsesTheNew() {
        String source = newSourceWithRange();
        String rangeId = createRange(source);
        await("new range visible")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> interpret(source, "2025-07-01T08:00:00Z")
                        .body("results[0].interpretations[0].range.revision", equalTo(1))
                        .body("results[0].interpretations[0].flag", equalTo("H")));

        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(
                        "{\"low\":0.8,\"high\":2.6,\"unit\":\"mg/L\",\"effectiveFrom\":\"2025-06-01\",\"reason\":\"new method\"}")
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");

        await("revision 2 used for results after 2025-06-01")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> interpret(source, "2025-07-01T08:00:00Z")
                        .body("results[0].interpretations[0].range.revision", equalTo(2))
                        .body("results[0].interpretations[0].flag", equalTo("N")));
        interpret(source, "2025-05-31T08:00:00Z")
                .body("results[0].interpretations[0].range.revision", equalTo(1))
                .body("results[0].interpretations[0].range.rangeId", equalTo(rangeId))
                .body("results[0].interpretations[0].flag", equalTo("H"));

        // One report with both results says which revision each one used, and that the old one is not the latest.
        suite.request(suite.interpreter())
                .body("{\"patient\":{\"sex\":\"MALE\",\"age\":\"P50Y\"},\"sources\":[\"" + source + "\"],"
                        + "\"results\":[{\"id\":\"before\",\"analyte\":\"1952-1\",\"value\":\"2.45\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2025-05-31T08:00:00Z\"},{\"id\":\"after\",\"analyte\":\"1952-1\",\"value\":\"2.45\","
                        + "\"unit\":\"mg/L\",\"collectedAt\":\"2025-07-01T08:00:00Z\"}]}")
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("results.find { it.id == 'before' }.interpretations[0].range.revision", equalTo(1))
                .body("results.find { it.id == 'after' }.interpretations[0].range.revision", equalTo(2))
                .body("results.find { it.id == 'before' }.ranges[0].usedRevisionIsLatest", equalTo(false))
                .body("results.find { it.id == 'after' }.ranges[0].usedRevisionIsLatest", equalTo(true))
                .body("provenance", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void staleIfMatchIsRefusedAndReadersCannotWriteAndAnonymousCallersAreTurnedAway() {
        String source = newSourceWithRange();
        String rangeId = createRange(source);
        String change =
                "{\"low\":0.7,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"edit\"}";
        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(change)
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(200);
        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(change)
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("currentRevision.revision", equalTo(2));
        suite.request(suite.reader())
                .header("If-Match", "\"2\"")
                .body(change)
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().baseUri(suite.gatewayUrl())
                .get("/api/v1/ranges?analyte=1952-1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        suite.request(suite.reader())
                .get("/api/v1/ranges/" + rangeId + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", org.hamcrest.Matchers.contains(1, 2));
    }
}
