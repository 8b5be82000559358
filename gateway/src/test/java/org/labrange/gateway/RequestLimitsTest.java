package org.labrange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A request too long in its target or its headers is refused with a problem document, not a bare status. */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class RequestLimitsTest {

    @Test
    void aRequestTargetOverFourThousandCharactersIsAUriTooLongProblem() {
        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/analytes?q=" + "q".repeat(5000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/uri-too-long"))
                .body("requestId", notNullValue());
    }

    @Test
    void headersOverTwentyKibibytesAreAHeadersTooLargeProblem() {
        given().header("X-Padding", "p".repeat(25 * 1024))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/headers-too-large"));
    }

    @Test
    void headersJustUnderTheLimitAreServed() {
        // no token: the answer is the ordinary 401, proving the request went past the limits
        given().header("X-Padding", "p".repeat(19 * 1024))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .body("type", is("https://labrange.dev/problems/unauthorized"));
    }
}
