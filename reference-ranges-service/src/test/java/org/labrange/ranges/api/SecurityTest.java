package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.TestKeys;
import org.labrange.ranges.support.Tokens;

/** Reading needs a token with a reading role; writing needs ranges-admin; failures are problem documents. */
@QuarkusTest
class SecurityTest {

    private static final String RANGE =
            "{\"analyteCode\":\"1952-1\",\"sourceCode\":\"labcorp\",\"category\":\"REFERENCE\","
                    + "\"high\":2,\"unit\":\"mg/L\",\"effectiveFrom\":\"2027-01-01\",\"reason\":\"test\"}";

    @Test
    void noTokenIsA401Problem() {
        given().get("/api/v1/ranges")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"labrange\"")
                .body("type", equalTo("https://labrange.dev/problems/unauthorized"));
        given().contentType("application/json")
                .body(RANGE)
                .post("/api/v1/ranges")
                .then()
                .statusCode(401);
    }

    @Test
    void expiredTokenIsA401Problem() {
        given().auth()
                .oauth2(Tokens.expired())
                .get("/api/v1/ranges")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenSignedByAnotherKeyIsA401Problem() {
        given().auth()
                .oauth2(Tokens.signedWith(TestKeys.generate().getPrivate()))
                .get("/api/v1/ranges")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.signedWith(TestKeys.generate().getPrivate()))
                .contentType("application/json")
                .body(RANGE)
                .post("/api/v1/ranges")
                .then()
                .statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsA401Problem() {
        given().auth().oauth2(Tokens.wrongIssuer()).get("/api/v1/ranges").then().statusCode(401);
    }

    @Test
    void garbageTokenIsA401Problem() {
        given().auth()
                .oauth2("not.a.jwt")
                .get("/api/v1/ranges")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void readerCannotWriteAndNothingIsWritten() {
        long before = latest();
        String sourcesBefore = sources();
        String auditBefore = auditTrail();
        given().auth()
                .oauth2(Tokens.reader())
                .contentType("application/json")
                .body(RANGE)
                .post("/api/v1/ranges")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://labrange.dev/problems/forbidden"));
        given().auth()
                .oauth2(Tokens.interpreter())
                .contentType("application/json")
                .header("If-Match", "\"1\"")
                .body(RANGE)
                .put("/api/v1/ranges/" + SeededRangesTest.LABCORP)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.reader())
                .contentType("application/json")
                .body("{\"code\":\"sneaky\",\"name\":\"n\",\"kind\":\"LAB\",\"citation\":\"c\",\"reason\":\"r\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(before, latest(), "range change sequence moved");
        // source writes never move the range change sequence: look at the sources and the audit trail
        org.junit.jupiter.api.Assertions.assertEquals(sourcesBefore, sources(), "sources changed");
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/sources/sneaky")
                .then()
                .statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(auditBefore, auditTrail(), "audit trail changed");
    }

    private static String sources() {
        return given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The whole audit trail (the largest page the service serves). */
    private static String auditTrail() {
        String trail = given().auth()
                .oauth2(Tokens.admin())
                .queryParam("limit", 10_000)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(trail.startsWith("[{"), "the audit trail is empty: " + trail);
        return trail;
    }

    @Test
    void tokenWithoutAnyLabrangeRoleCannotRead() {
        given().auth()
                .oauth2(Tokens.token("bob", "billing"))
                .get("/api/v1/ranges")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static long latest() {
        return given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/changes/latest")
                .then()
                .extract()
                .jsonPath()
                .getLong("latestSequence");
    }
}
