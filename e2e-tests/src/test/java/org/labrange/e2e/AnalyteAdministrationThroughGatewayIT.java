package org.labrange.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;

/**
 * A lab administers its own analyte through the gateway, with no migration: creates it, revises it with If-Match,
 * reads its history and diff, and sees the change in the change feed and the audit trail. The analyte is test
 * data (its name says so); no clinical figure is involved.
 */
@Order(2)
class AnalyteAdministrationThroughGatewayIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    @Test
    void anAdminCreatesRevisesAndReadsTheHistoryOfAnAnalyte() {
        String code = "e2e-ast-" + UUID.randomUUID().toString().substring(0, 8);
        String analyte = "{\"code\":\"" + code + "\",\"loinc\":\"1920-8\",\"displayName\":\"Test data: catalytic "
                + "activity analyte\",\"aliases\":[\"" + code + "\"],\"specimen\":\"SERUM\",\"unit\":\"U/L\","
                + "\"displayPrecision\":0,\"reason\":\"test data for the end-to-end suite\"}";
        long before = suite.request(suite.reader())
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("latestSequence");

        String createdAt = suite.request(suite.admin())
                .body(analyte)
                .post("/api/v1/analytes")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("code", equalTo(code))
                .body("dimension", equalTo("CATALYTIC_CONCENTRATION"))
                .body("specimenCode", equalTo("SER"))
                .extract()
                .path("recordedAt");

        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(analyte.replace("\"code\":\"" + code + "\",", "")
                        .replace("\"U/L\"", "\"ukat/L\"")
                        .replace("\"displayPrecision\":0", "\"displayPrecision\":2"))
                .put("/api/v1/analytes/" + code)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("unit", equalTo("ukat/L"))
                .body("revision", equalTo(2));

        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(analyte.replace("\"code\":\"" + code + "\",", ""))
                .put("/api/v1/analytes/" + code)
                .then()
                .statusCode(412)
                .body("type", equalTo("https://labrange.dev/problems/analyte-changed"))
                .body("currentAnalyte.revision", equalTo(2));

        suite.request(suite.reader())
                .get("/api/v1/analytes/" + code + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("unit", contains("U/L", "ukat/L"));
        suite.request(suite.reader())
                .queryParam("from", 1)
                .queryParam("to", 2)
                .get("/api/v1/analytes/" + code + "/diff")
                .then()
                .statusCode(200)
                .body("changes.field", hasItem("unit"))
                .body("changes.find { it.field == 'unit' }.to", equalTo("ukat/L"));
        suite.request(suite.reader())
                .queryParam("since", before)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("changes.findAll { it.analyteCode == '" + code + "' }.subject", contains("ANALYTE", "ANALYTE"));
        suite.request(suite.admin())
                .queryParam("since", createdAt)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body(
                        "findAll { it.subjectId.startsWith('" + code + "#') }.action",
                        contains("ANALYTE_CREATE", "ANALYTE_REVISE"));
    }
}
