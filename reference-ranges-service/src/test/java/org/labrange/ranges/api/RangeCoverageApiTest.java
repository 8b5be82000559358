package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** The coverage check on the seeded B2M ranges. */
@QuarkusTest
class RangeCoverageApiTest {

    @Test
    void questsAdultOnlyRangeLeavesChildrenWithoutAQuestRange() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("effectiveOn", "2025-01-01")
                .get("/api/v1/analytes/1952-1/coverage")
                .then()
                .statusCode(200)
                .body("analyteCode", equalTo("1952-1"))
                .body("effectiveOn", equalTo("2025-01-01"))
                .body("groups.find { it.sourceCode == 'quest' }.gaps.sex", hasItems("FEMALE", "MALE"))
                .body("groups.find { it.sourceCode == 'quest' }.gaps[0].to.value", equalTo(18))
                .body("groups.find { it.sourceCode == 'quest' }.gaps[0].to.unit", equalTo("YEARS"))
                .body(
                        "groups.find { it.sourceCode == 'quest' }.gaps[0].text",
                        equalTo("no range for female patients from 0 days to 18 years"))
                .body("groups.find { it.sourceCode == 'labcorp' }.gaps.size()", equalTo(0));
    }

    @Test
    void anUnknownAnalyteIsNotFound() {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/0000-0/coverage")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://labrange.dev/problems/not-found"));
    }

    @Test
    void aKnownAtInTheFutureIsRefused() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("knownAt", "2999-01-01T00:00:00Z")
                .get("/api/v1/analytes/1952-1/coverage")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://labrange.dev/problems/validation"));
    }
}
