package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;

/** Beyond the calls in flight an upstream may have, a request is turned away at once, never queued. */
@QuarkusTest
@TestProfile(LoadSheddingTest.OneCallInFlight.class)
@QuarkusTestResource(UpstreamStubs.class)
class LoadSheddingTest {

    public static class OneCallInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "labrange.upstream.max-in-flight",
                    "1",
                    // the held answer takes 10 s; a busy test machine must not turn it into a timeout
                    "labrange.upstream.read-timeout",
                    "20s",
                    "labrange.upstream.answer-timeout",
                    "25s");
        }
    }

    @InterpretationStub
    WireMockServer interpretation;

    @Inject
    MeterRegistry meters;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void reset() {
        interpretation.resetAll();
    }

    @Test
    void requestBeyondTheCallsInFlightIsATooBusyProblemWithoutReachingTheService() {
        CompletableFuture<HttpResponse<String>> first = HeldInterpretation.start(interpretation, gateway, meters);
        String body = HeldInterpretation.BODY;

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .header("X-Request-Id", "busy-1")
                .body(body)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", is("https://labrange.dev/problems/overloaded"))
                .body("upstream", is("interpretation-service"))
                .body("requestId", is("busy-1"));

        assertEquals(200, first.join().statusCode());
        // the place is free again once the first answer is out
        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200);
        interpretation.verify(2, postRequestedFor(urlEqualTo("/api/v1/interpretations")));
    }
}
