package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class ResilienceTest {

    private static final String UNAVAILABLE = "https://labrange.dev/problems/upstream-unavailable";

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void reset() {
        ranges.resetAll();
        interpretation.resetAll();
    }

    @AfterEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void readThatLosesItsConnectionOnceIsRetried() {
        ranges.stubFor(get("/api/v1/sources")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("recovered"));
        ranges.stubFor(get("/api/v1/sources")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.rangesAnswer("sources.json"))));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(200);

        ranges.verify(2, getRequestedFor(urlEqualTo("/api/v1/sources")));
    }

    @Test
    void writeThatLosesItsConnectionIsNeverRepeated() {
        ranges.stubFor(post("/api/v1/ranges").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/ranges")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", is(UNAVAILABLE))
                .body("upstream", is("reference-ranges-service"));

        ranges.verify(1, postRequestedFor(urlEqualTo("/api/v1/ranges")));
    }

    @Test
    void interpretationServiceDownIsAServiceUnavailableProblemNamingIt() {
        interpretation.stubFor(
                post("/api/v1/interpretations").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body("{\"results\":[]}")
                .header("X-Request-Id", "down-1")
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", is(UNAVAILABLE))
                .body("upstream", is("interpretation-service"))
                .body("requestId", is("down-1"));

        // interpretation-service changes nothing: a call whose connection broke is sent again (twice), then given up
        interpretation.verify(3, postRequestedFor(urlEqualTo("/api/v1/interpretations")));
    }

    @Test
    void upstreamThatStaysSilentBeyondTheReadTimeoutIsAServiceUnavailableProblem() {
        // the test profile's read timeout is 3 s
        ranges.stubFor(get("/api/v1/changes/latest")
                .willReturn(aResponse()
                        .withFixedDelay(6000)
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.rangesAnswer("changes-latest.json"))));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("upstream", is("reference-ranges-service"));

        // a timed-out call may still be running upstream, so it is not repeated
        ranges.verify(1, getRequestedFor(urlEqualTo("/api/v1/changes/latest")));
    }

    @Test
    void upstreamThatTricklesItsAnswerPastTheAnswerTimeoutIsCutOff() {
        // a byte every second keeps the connection busy, so only the answer's deadline can end it: the status has
        // gone out with the first bytes, so the client's answer is cut off (test profile: 5 s) rather than
        // completed after the 20 s the upstream would take
        ranges.stubFor(get("/api/v1/changes/latest")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.rangesAnswer("changes-latest.json"))
                        .withChunkedDribbleDelay(20, 20_000)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/changes/latest"))
                .header("Authorization", "Bearer " + TestKeys.token("rita", "ranges-reader"))
                .build();

        assertThrows(
                IOException.class,
                () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void openBreakerOfOneUpstreamDoesNotSuspendCallsToTheOther() {
        ranges.stubFor(get("/api/v1/analytes").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Fixtures.interpretationAnswers(interpretation, "interpretations-serum.json", 0);
        String reader = TestKeys.token("rita", "ranges-reader");
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(reader).when().get("/api/v1/analytes").then().statusCode(503);
        }
        given().auth()
                .oauth2(reader)
                .when()
                .get("/api/v1/analytes")
                .then()
                .body("detail", org.hamcrest.Matchers.containsString("circuit breaker"));

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(Fixtures.interpretationRequest("interpretations-serum.json"))
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200);
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndLaterCallsFailFastWithoutReachingTheUpstream() {
        ranges.stubFor(get("/api/v1/analytes").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String token = TestKeys.token("rita", "ranges-reader");
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(token).when().get("/api/v1/analytes").then().statusCode(503);
        }
        int reached = ranges.getAllServeEvents().size();

        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/analytes")
                .then()
                .statusCode(503)
                .body("upstream", is("reference-ranges-service"))
                .body("detail", org.hamcrest.Matchers.containsString("circuit breaker"));

        org.junit.jupiter.api.Assertions.assertEquals(
                reached, ranges.getAllServeEvents().size());
    }
}
