package org.labrange.interpretation.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.service.RangeCache;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.RangesServiceStub;
import org.labrange.interpretation.support.Tokens;

/** What callers get when reference-ranges-service misbehaves. */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RangesServiceStub.class)
class RangesServiceFailureTest {

    @Inject
    RangeCache cache;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    @AfterEach
    void healthyStubEmptyCacheClosedCircuits() {
        RangesServiceStub.warmUp(() -> interpret("1952-1"));
        RangesServiceStub.reset();
        cache.invalidateAll();
        circuitBreakers.resetAll();
    }

    private static ValidatableResponse interpret(String analyte) {
        return given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body("{\"results\": [{\"analyte\": \"" + analyte + "\", \"value\": \"2.45\", \"unit\": \"mg/L\"}]}")
                .when()
                .post("/api/v1/interpretations")
                .then();
    }

    private static void timelineAnswers(
            String analyte, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder r) {
        RangesServiceStub.client()
                .register(get(urlPathEqualTo("/api/v1/analytes/" + analyte + "/timeline"))
                        .willReturn(r));
    }

    private static void assertUnavailable(ValidatableResponse response, String why) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("type", is("https://labrange.dev/problems/ranges-unavailable"))
                .body("status", is(503))
                .body("detail", containsString("not safely cached"))
                .body("detail", containsString(why))
                .body("detail", containsString("never computed without its range"));
    }

    @Test
    void aServerErrorWithNothingCachedIsAnsweredServiceUnavailable() {
        timelineAnswers("1952-1", aResponse().withStatus(500));
        assertUnavailable(interpret("1952-1"), "HTTP 500");
        // reads are retried: one call and two retries
        RangesServiceStub.client().verifyThat(3, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline")));
    }

    @Test
    void aRangesServiceThatDoesNotAnswerInTimeIsAnsweredServiceUnavailable() {
        timelineAnswers(
                "1952-1",
                RangesServiceStub.json("contract/timeline-1952-1.json").withFixedDelay(3000));
        assertUnavailable(interpret("1952-1"), "did not answer");
    }

    @Test
    void anOpenCircuitAnswersServiceUnavailableWithoutCallingTheRangesService() {
        timelineAnswers("1952-1", aResponse().withStatus(502));
        String detail = "";
        for (int i = 0; i < 10 && !detail.contains("circuit breaker open"); i++) {
            detail = interpret("1952-1").statusCode(503).extract().path("detail");
        }
        WireMock stub = RangesServiceStub.client();
        int callsBefore = stub.find(getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline")))
                .size();
        assertUnavailable(interpret("1952-1"), "circuit breaker open");
        stub.verifyThat(callsBefore, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline")));
    }

    @Test
    void cachedRangesAreStillUsedWhenTheRangesServiceFailsWithinTheStalenessBound() {
        interpret("1952-1").statusCode(200);
        WireMock stub = RangesServiceStub.client();
        stub.register(get(urlPathEqualTo("/api/v1/changes/latest"))
                .willReturn(aResponse().withStatus(503)));
        timelineAnswers("1952-1", aResponse().withStatus(503));
        stub.register(
                get(urlPathEqualTo("/api/v1/analytes")).willReturn(aResponse().withStatus(503)));
        interpret("1952-1")
                .statusCode(200)
                .body("ranges.stale", is(true))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", is("H"));
    }

    @Test
    void withTheChangeMarkerAndTheRangesDownAndNothingCachedTheAnswerIsServiceUnavailable() {
        RangesServiceStub.client()
                .register(get(urlPathEqualTo("/api/v1/changes/latest"))
                        .willReturn(aResponse().withStatus(503)));
        RangesServiceStub.client()
                .register(get(urlPathEqualTo("/api/v1/analytes"))
                        .willReturn(aResponse().withStatus(503)));
        interpret("1952-1").statusCode(503).body("type", is("https://labrange.dev/problems/ranges-unavailable"));
    }

    @Test
    void credentialsRefusedByTheRangesServiceAreNotRetriedAndSaySo() {
        timelineAnswers("1952-1", aResponse().withStatus(401));
        interpret("1952-1").statusCode(503).body("detail", containsString("refused the forwarded credentials"));
        RangesServiceStub.client().verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline")));
    }
}
