package org.labrange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;
import org.labrange.tokencache.VerifiedTokenCache;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class SecurityTest {

    private static final String UNAUTHORIZED = "https://labrange.dev/problems/unauthorized";
    private static final String FORBIDDEN = "https://labrange.dev/problems/forbidden";

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    @Inject
    JWTParser tokenParser;

    @BeforeEach
    void reset() {
        ranges.resetAll();
        interpretation.resetAll();
        Fixtures.rangesAnswers(ranges, "sources.json");
    }

    @Test
    void requestWithoutTokenIsAnUnauthorizedProblemAndNeverReachesAnUpstream() {
        given().header("X-Request-Id", "no-token-1")
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue())
                .header("X-Request-Id", "no-token-1")
                .body("type", is(UNAUTHORIZED))
                .body("status", is(401))
                .body("instance", is("/api/v1/sources"))
                .body("requestId", is("no-token-1"));

        assertEquals(0, ranges.getAllServeEvents().size());
    }

    @Test
    void expiredTokenIsAnUnauthorizedProblem() {
        given().auth()
                .oauth2(TestKeys.expiredToken("rita", "ranges-reader"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is(UNAUTHORIZED));

        assertEquals(0, ranges.getAllServeEvents().size());
    }

    @Test
    void aTokenValidForLongerThanTheConfiguredMaximumIsRefused() {
        // smallrye.jwt.time-to-live is 24 h: a token minted for a year is a leaked or forged credential
        given().auth()
                .oauth2(TestKeys.tokenValidFor(365L * 24 * 3600, "rita", "ranges-reader"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is(UNAUTHORIZED));
        assertEquals(0, ranges.getAllServeEvents().size());

        ranges.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/sources")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")));
        given().auth()
                .oauth2(TestKeys.tokenValidFor(23L * 3600, "rita", "ranges-reader"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(200);
    }

    @Test
    void tokenSignedByAnUntrustedKeyIsAnUnauthorizedProblem() {
        given().auth()
                .oauth2(TestKeys.foreignToken("mallory", "ranges-admin"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is(UNAUTHORIZED));

        assertEquals(0, ranges.getAllServeEvents().size());
    }

    @Test
    void garbageBearerValueIsAnUnauthorizedProblem() {
        given().header("Authorization", "Bearer not-a-jwt")
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is(UNAUTHORIZED));
    }

    @Test
    void readerCannotWriteRanges() {
        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/ranges")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", is(FORBIDDEN))
                .body("status", is(403));

        assertEquals(0, ranges.getAllServeEvents().size());
    }

    @Test
    void readerCannotInterpretOrBuildReports() {
        String token = TestKeys.token("rita", "ranges-reader");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"results\":[]}")
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", is(FORBIDDEN));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"results\":[{\"id\":\"s1\"}]}")
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", is(FORBIDDEN));

        assertEquals(0, interpretation.getAllServeEvents().size());
    }

    @Test
    void interpreterCannotReadTheAuditTrailButAnAdminCan() {
        Fixtures.rangesAnswers(ranges, "audit.json");

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(403)
                .body("type", is(FORBIDDEN));
        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("[0].action", is("SEED"));
    }

    @Test
    void aRememberedTokenDoesNotVouchForACopyWithAnAlteredSignature() {
        String token = TestKeys.token("rita", "ranges-reader");
        given().auth().oauth2(token).when().get("/api/v1/sources").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/sources").then().statusCode(200);
        String altered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth()
                .oauth2(altered)
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is(UNAUTHORIZED));
        assertTrue(tokenParser instanceof VerifiedTokenCache, "verified tokens are remembered");
    }

    @Test
    void everyRoleMayRead() {
        for (String role : new String[] {"ranges-reader", "ranges-admin", "interpreter"}) {
            given().auth()
                    .oauth2(TestKeys.token("someone", role))
                    .when()
                    .get("/api/v1/sources")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void tokenWithoutAnyLabrangeRoleIsForbidden() {
        given().auth()
                .oauth2(TestKeys.token("guest", "visitor"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", is(FORBIDDEN));
    }
}
