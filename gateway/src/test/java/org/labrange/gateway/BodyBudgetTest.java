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
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;

/** Request bodies are read whole; beyond the bytes the gateway holds at once, a request is turned away unread. */
@QuarkusTest
@TestProfile(BodyBudgetTest.SmallBudget.class)
@QuarkusTestResource(UpstreamStubs.class)
class BodyBudgetTest {

    /** Room for one contract request body (222 bytes), not two. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "labrange.edge.max-body-bytes-in-flight",
                    "300",
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

    @Test
    void bodyBeyondTheBytesHeldIsATooBusyProblemWhileALoneBodyGoesThrough() {
        interpretation.resetAll();
        CompletableFuture<HttpResponse<String>> first = HeldInterpretation.start(interpretation, gateway, meters);
        String body = HeldInterpretation.BODY;

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .header("X-Request-Id", "bytes-1")
                .body(body)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", is("https://labrange.dev/problems/overloaded"))
                .body("requestId", is("bytes-1"));

        assertEquals(200, first.join().statusCode());
        interpretation.verify(1, postRequestedFor(urlEqualTo("/api/v1/interpretations")));
    }
}
