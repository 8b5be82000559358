package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;

/** Forwarded answers are passed on as they arrive, whole and unchanged, however large. */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class StreamingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        ranges.resetAll();
        interpretation.resetAll();
    }

    @Test
    void largeBatchAnswerIsPassedOnWholeAndUnchanged() throws Exception {
        byte[] answer = batchAnswer(3_000);
        assertTrue(answer.length > 10_000_000, "the answer should be of the size a large batch gets");
        interpretation.stubFor(post("/api/v1/interpretations")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer)));

        Response response = given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .header("X-Request-Id", "large-1")
                .body(Fixtures.interpretationRequest("interpretations-serum.json"))
                .when()
                .post("/api/v1/interpretations");

        response.then().statusCode(200).header("X-Request-Id", "large-1").contentType("application/json");
        assertArrayEquals(answer, response.asByteArray());
        assertEquals(0.0, inFlight("interpretation-service"), "the answer's place is given back once it is sent");
    }

    @Test
    void answerSentWithoutLengthIsPassedOnWhole() {
        // chunked upstream answers (no Content-Length) are passed on chunked
        String export = "analyte,source\n" + "1952-1,labcorp\n".repeat(200_000);
        ranges.stubFor(get("/api/v1/ranges/export")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv")
                        .withHeader("ETag", "W/\"42\"")
                        .withHeader("Transfer-Encoding", "chunked")
                        .withBody(export)));

        Response response = given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .accept("text/csv")
                .when()
                .get("/api/v1/ranges/export");

        response.then().statusCode(200).header("ETag", is("W/\"42\"")).contentType("text/csv");
        assertEquals(export, new String(response.asByteArray(), StandardCharsets.UTF_8));
    }

    private double inFlight(String upstream) {
        return meters.get("labrange.upstream.in-flight")
                .tag("upstream", upstream)
                .gauge()
                .value();
    }

    /** The contract answer for one serum result, its result repeated to make a batch of the given size. */
    private static byte[] batchAnswer(int results) throws Exception {
        ObjectNode single = (ObjectNode) MAPPER.readTree(Fixtures.interpretationAnswer("interpretations-serum.json"));
        ObjectNode result = (ObjectNode) single.withArray("results").get(0);
        ArrayNode many = MAPPER.createArrayNode();
        for (int i = 0; i < results; i++) {
            many.add(result.deepCopy().put("id", "s" + i));
        }
        single.set("results", many);
        return MAPPER.writeValueAsBytes(single);
    }
}
