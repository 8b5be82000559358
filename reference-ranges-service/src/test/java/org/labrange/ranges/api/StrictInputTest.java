package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labrange.ranges.support.Tokens;

/** Input that is almost right is refused by name, never half-applied or silently ignored. */
@QuarkusTest
class StrictInputTest {

    private static final String CHANGE =
            "{\"low\":0.7,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2026-01-01\",\"reason\":\"edit\"}";

    private static ValidatableResponse revise(String id, String ifMatch) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", ifMatch)
                .body(CHANGE)
                .put("/api/v1/ranges/" + id)
                .then();
    }

    private static void stillOneRevision(String id) {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @ParameterizedTest(name = "If-Match {0} is malformed")
    @CsvSource(
            delimiter = '|',
            value = {"'\"1 \"'", "1", "'\"1\", \"2\"'", "'\"1\" OR 1=1'", "'W/1'"})
    void anIfMatchThatIsNotExactlyOneEntityTagIsMalformed(String ifMatch) {
        String id = Admin.createRange(Admin.newSource(), "\"low\":0.6,\"high\":2.4", "2025-01-01");
        revise(id, ifMatch)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://labrange.dev/problems/validation"))
                .body("errors[0].field", equalTo("If-Match"));
        stillOneRevision(id);
    }

    @ParameterizedTest(name = "If-Match {0} never matches")
    @CsvSource(
            delimiter = '|',
            value = {"'W/\"1\"'", "'\"01\"'", "'\"abc\"'"})
    void aWeakOrForeignEntityTagNeverMatches(String ifMatch) {
        String id = Admin.createRange(Admin.newSource(), "\"low\":0.6,\"high\":2.4", "2025-01-01");
        revise(id, ifMatch)
                .statusCode(412)
                .header("ETag", "\"1\"")
                .body("type", equalTo("https://labrange.dev/problems/stale-revision"))
                .body("currentRevision.revision", equalTo(1));
        stillOneRevision(id);
    }

    @Test
    void ifMatchStarWouldOverwriteAnythingAndIsAnsweredLikeAMissingOne() {
        String id = Admin.createRange(Admin.newSource(), "\"low\":0.6,\"high\":2.4", "2025-01-01");
        revise(id, "*")
                .statusCode(428)
                .body("type", equalTo("https://labrange.dev/problems/revision-required"))
                .body("detail", containsString("If-Match: *"));
        stillOneRevision(id);
    }

    @Test
    void aQueryParameterTheEndpointDoesNotTakeIsRefusedByName() {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges?analyte=1952-1&effectiveOn=2026-01-01&asOf=2020-01-01")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://labrange.dev/problems/validation"))
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].reason", containsString("knownAt"));
    }

    @Test
    void aControlCharacterInATextIsRefusedByFieldNotDropped() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"code\":\"esc-src\",\"name\":\"Lab \\u001b[31m red\",\"kind\":\"LOCAL\","
                        + "\"citation\":\"x\",\"reason\":\"test\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://labrange.dev/problems/validation"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].reason", containsString("U+001B"));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/sources/esc-src")
                .then()
                .statusCode(404);
    }

    @Test
    void aCorrelationIdOfTheSharedSyntaxIsKeptAndAnyOtherReplaced() {
        given().auth()
                .oauth2(Tokens.reader())
                .header("X-Request-Id", "lis-7/run=2+b@host:1.a_B")
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "lis-7/run=2+b@host:1.a_B");
        String replaced = given().auth()
                .oauth2(Tokens.reader())
                .header("X-Request-Id", "a b<c>")
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertEquals(36, replaced.length(), replaced);
    }
}
