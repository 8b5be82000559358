package org.labrange.ranges.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.ManagementPort;
import org.labrange.ranges.support.Tokens;

/** The packaged application (JVM jar here, native executable where GraalVM exists) on a fresh database. */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void packagedServiceServesTheSeededRangesAndRefusesAnonymousCallers() {
        given().port(ManagementPort.port()).get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/api/v1/ranges").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("analyte", "1952-1")
                .queryParam("age", "P40Y")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("sourceCode", containsInAnyOrder("quest", "labcorp", "mosby-pagana-2022"));
    }

    @Test
    void packagedServiceAcceptsAnAdminRevision() {
        String etag = given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/1953e009-0000-4000-8000-000000000001")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", etag)
                .body(
                        "{\"high\":0.3,\"unit\":\"mg/L\",\"note\":\"checked\",\"effectiveFrom\":\"2030-01-01\",\"reason\":\"IT\"}")
                .put("/api/v1/ranges/1953e009-0000-4000-8000-000000000001")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
    }
}
