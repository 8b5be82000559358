package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class BodyLimitTest {

    @InterpretationStub
    WireMockServer interpretation;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void reset() {
        interpretation.resetAll();
        interpretation.stubFor(post("/api/v1/interpretations")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        // what interpretation-service answers; the body limit does not depend on it
                        .withBody(Fixtures.interpretationAnswer("interpretations-serum.json"))));
    }

    @Test
    void batchOfTenThousandResultsIsForwardedWhole() {
        String batch = batch(10_000);
        assertTrue(batch.length() > 1_000_000, "the batch should be realistic in size");

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(batch)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200);

        assertEquals(
                batch.length(),
                interpretation.getAllServeEvents().get(0).getRequest().getBody().length);
    }

    @Test
    void bodyOverTheLimitIsAPayloadTooLargeProblem() {
        // the test profile limits bodies to 4 MB
        String oversize = batch(40_000);
        assertTrue(oversize.length() > 4 * 1024 * 1024, "the body must exceed the limit");

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(oversize)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/too-large"))
                .body("status", is(413));

        interpretation.verify(0, postRequestedFor(urlEqualTo("/api/v1/interpretations")));
    }

    @Test
    void streamedBodyOverTheLimitIsRefusedBeforeReachingTheService() throws Exception {
        HttpResponse<String> response = postStreamed(batch(40_000));

        // refused by the HTTP layer while reading, which answers without a problem document (see README)
        assertEquals(413, response.statusCode());
        interpretation.verify(0, postRequestedFor(urlEqualTo("/api/v1/interpretations")));
    }

    @Test
    void streamedBodyWithinTheLimitIsForwardedWhole() throws Exception {
        String batch = batch(100);

        HttpResponse<String> response = postStreamed(batch);

        assertEquals(200, response.statusCode());
        assertEquals(
                batch, interpretation.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    /** Sends the body without Content-Length (chunked), as a streaming client would. */
    private HttpResponse<String> postStreamed(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/interpretations"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + TestKeys.token("ida", "interpreter"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String batch(int size) {
        StringBuilder json =
                new StringBuilder("{\"patient\":{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"},\"results\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"r")
                    .append(i)
                    .append("\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"2.45\",\"unit\":\"mg/L\",")
                    .append("\"collectedAt\":\"2026-11-20T08:00:00Z\"}");
        }
        return json.append("]}").toString();
    }
}
