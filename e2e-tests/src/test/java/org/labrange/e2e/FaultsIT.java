package org.labrange.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;

/** Upstreams and the database fail and come back; answers are right or clearly refused, writes are exact. */
@Order(3)
class FaultsIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    private static Response interpretSerum() {
        return suite.request(suite.interpreter())
                .body("{\"patient\":{\"sex\":\"FEMALE\",\"age\":\"P45Y\"},\"sources\":[\"labcorp\"],"
                        + "\"results\":[{\"id\":\"s\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"2.45\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2026-11-20T08:00:00Z\"}]}")
                .post("/api/v1/interpretations");
    }

    @Test
    void rangesServiceDownGives503ProblemsAndAnswersRecoverWhenItReturns() {
        interpretSerum().then().statusCode(200).body("results[0].interpretations[0].flag", equalTo("H"));
        suite.ranges.stop();
        try {
            suite.request(suite.reader())
                    .get("/api/v1/ranges?analyte=1952-1")
                    .then()
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"));
            // Cached ranges may serve for the documented staleness bound; every answer given must still be right.
            await("interpretations refused once the cache is too stale")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Response response = interpretSerum();
                        if (response.statusCode() == 200) {
                            response.then().body("results[0].interpretations[0].flag", equalTo("H"));
                            return false;
                        }
                        response.then().statusCode(503).contentType(startsWith("application/problem+json"));
                        return true;
                    });
        } finally {
            suite.ranges.start();
        }
        await("interpretations recover without restarting anything else")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> interpretSerum()
                        .then()
                        .statusCode(200)
                        .body("results[0].interpretations[0].flag", equalTo("H")));
    }

    @Test
    void databaseLostAndBackLosesAndDuplicatesNothing() {
        String source = "e2e-db-" + UUID.randomUUID().toString().substring(0, 8);
        suite.request(suite.admin())
                .body("{\"code\":\"" + source + "\",\"name\":\"Fault lab\",\"kind\":\"LOCAL\",\"citation\":\"c\","
                        + "\"reason\":\"fault test\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        String rangeId = suite.request(suite.admin())
                .body("{\"analyteCode\":\"1952-1\",\"sourceCode\":\"" + source + "\","
                        + "\"category\":\"REFERENCE\",\"low\":0.6,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2024-01-01\","
                        + "\"reason\":\"before the fault\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(201)
                .extract()
                .path("rangeId");
        String revision =
                "{\"low\":0.7,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"during the fault\"}";

        suite.stopDatabase();
        try {
            suite.request(suite.admin())
                    .header("If-Match", "\"1\"")
                    .body(revision)
                    .put("/api/v1/ranges/" + rangeId)
                    .then()
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"));
            suite.request(suite.reader())
                    .get("/api/v1/ranges/" + rangeId)
                    .then()
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"));
        } finally {
            suite.startDatabase();
        }
        // The admin retries the same change until it lands once; a retry after success is refused as stale.
        await("write accepted after the database returns")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> suite.request(suite.admin())
                        .header("If-Match", "\"1\"")
                        .body(revision)
                        .put("/api/v1/ranges/" + rangeId)
                        .then()
                        .statusCode(anyOf(equalTo(200), equalTo(412))));
        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(revision)
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(412);
        suite.request(suite.reader())
                .get("/api/v1/ranges/" + rangeId + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("reason", contains("before the fault", "during the fault"));
    }
}
