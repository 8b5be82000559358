package org.labrange.interpretation.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.service.RangeCache;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.RangesServiceStub;
import org.labrange.interpretation.support.Tokens;

/**
 * Answers as known at a moment: what they are computed from (basis), reproducing one by sending its basis back,
 * a past moment read from the ranges service's history, and the current knowledge still served from the cache.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RangesServiceStub.class)
class KnownAtTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the stubbed ranges service recorded its latest change (contract/changes-latest.json). */
    private static final String LATEST_RECORDED_AT = "2026-11-25T08:00:00.123456Z";

    private static final String PANEL = """
            {"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
             "results": [
               {"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z"},
               {"id": "u1", "analyte": "B2M", "specimen": "urine", "value": "250", "unit": "mcg/L",
                "collectedAt": "2026-11-20T08:00:00Z"}]%s}""";

    private static final String SERUM = """
            {"patient": {"sex": "FEMALE", "age": "P56Y"},
             "result": {"id": "s1", "analyte": "1952-1", "value": "2.45", "unit": "mg/L",
                        "collectedAt": "2026-11-20T08:00:00Z"}%s}""";

    @Inject
    RangeCache cache;

    @BeforeEach
    void freshStubAndCache() {
        RangesServiceStub.warmUp(() -> post("/api/v1/interpretations", PANEL.formatted("")));
        RangesServiceStub.reset();
        cache.invalidateAll();
    }

    private static ValidatableResponse post(String path, String body) {
        return given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static String knownAt(String instant) {
        return ", \"knownAt\": \"" + instant + "\"";
    }

    /** The stubbed ranges service answers a timeline read as known at {@code knownAt} with {@code body}. */
    private static void timelineKnownAt(String analyte, String knownAt, String body) {
        RangesServiceStub.client()
                .register(get(urlPathEqualTo("/api/v1/analytes/" + analyte + "/timeline"))
                        .withQueryParam("knownAt", WireMock.equalTo(knownAt))
                        .atPriority(1)
                        .willReturn(RangesServiceStub.json("contract/timeline-" + analyte + ".json")
                                .withBody(body)));
    }

    private static String asKnownAt(String analyte, String knownAt) throws Exception {
        ObjectNode timeline =
                (ObjectNode) JSON.readTree(RangesServiceStub.read("contract/timeline-" + analyte + ".json"));
        timeline.put("knownAt", knownAt);
        return JSON.writeValueAsString(timeline);
    }

    @Test
    void anAnswerStatesItsBasisAndSendingItsKnownAtBackReproducesItFieldByField() throws Exception {
        String first = post("/api/v1/interpretations", PANEL.formatted(""))
                .statusCode(200)
                .body("basis.knownAt", is(LATEST_RECORDED_AT))
                .body("basis.requested", is(false))
                .body("basis.changeFeedPosition", is(4))
                .extract()
                .asString();
        timelineKnownAt("1952-1", LATEST_RECORDED_AT, asKnownAt("1952-1", LATEST_RECORDED_AT));
        timelineKnownAt("1953-9", LATEST_RECORDED_AT, asKnownAt("1953-9", LATEST_RECORDED_AT));

        String again = post("/api/v1/interpretations", PANEL.formatted(knownAt(LATEST_RECORDED_AT)))
                .statusCode(200)
                .body("basis.knownAt", is(LATEST_RECORDED_AT))
                .body("basis.requested", is(true))
                .body("basis.changeFeedPosition", is(4))
                .extract()
                .asString();
        assertEquals(JSON.readTree(first).get("results"), JSON.readTree(again).get("results"));
        assertEquals(JSON.readTree(first).get("patterns"), JSON.readTree(again).get("patterns"));
        RangesServiceStub.client()
                .verifyThat(
                        1,
                        getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline"))
                                .withQueryParam("knownAt", WireMock.equalTo(LATEST_RECORDED_AT)));
    }

    @Test
    void aPastKnownAtUsesOnlyTheRangesRecordedByThen() throws Exception {
        String then = "2026-11-10T00:00:00Z";
        ObjectNode timeline = (ObjectNode) JSON.readTree(asKnownAt("1952-1", then));
        ArrayNode questOnly = JSON.createArrayNode();
        timeline.get("revisions").forEach(r -> {
            if (r.get("sourceCode").asText().equals("quest")) {
                questOnly.add(r);
            }
        });
        timeline.set("revisions", questOnly);
        timeline.put("changeSequence", 2);
        timeline.put("changeRecordedAt", "2026-11-01T09:30:00.5Z");
        timelineKnownAt("1952-1", then, JSON.writeValueAsString(timeline));

        post("/api/v1/interpretations/single", SERUM.formatted(knownAt(then)))
                .statusCode(200)
                .body("status", is("INTERPRETED"))
                .body("interpretations.source", contains("quest"))
                .body("basis.knownAt", is(then))
                .body("basis.requested", is(true))
                .body("basis.changeFeedPosition", is(2));
        // without knownAt, every current source again
        post("/api/v1/interpretations/single", SERUM.formatted(""))
                .statusCode(200)
                .body("interpretations.source", containsInAnyOrder("quest", "labcorp", "mosby-pagana-2022"))
                .body("basis.requested", is(false));
    }

    @Test
    void beforeAnyRangeWasRecordedTheAnswerSaysSoAndCarriesNoFlag() {
        String before = "2000-01-01T00:00:00Z";
        timelineKnownAt("1952-1", before, RangesServiceStub.read("contract/timeline-1952-1-before-any-range.json"));

        post("/api/v1/interpretations/single", SERUM.formatted(knownAt(before)))
                .statusCode(200)
                .body("status", is("NO_RANGE"))
                .body("interpretations", empty())
                .body("problems[0].field", is("knownAt"))
                .body("problems[0].reason", containsString("no range of analyte 1952-1 had been recorded"))
                .body("basis.knownAt", is(before))
                .body("basis.changeFeedPosition", nullValue());
        post(
                        "/api/v1/interpretations?view=compact",
                        PANEL.formatted(knownAt(before)).replace("mcg/L", "mg/L"))
                .statusCode(200)
                .body("results[0].status", is("NO_RANGE"))
                .body("basis.requested", is(true));
    }

    @Test
    void aKnownAtInTheFutureOrWithoutAnOffsetIsRefusedByName() {
        String future = Instant.now().plusSeconds(3600).toString();
        for (String bad : new String[] {future, "2026-11-21T10:00:00", "yesterday"}) {
            post("/api/v1/interpretations/single", SERUM.formatted(knownAt(bad)))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", is("knownAt"));
        }
        post("/api/v1/interpretations", PANEL.formatted(knownAt(future)))
                .statusCode(400)
                .body("errors[0].field", is("knownAt"))
                .body("errors[0].reason", containsString("future"));
    }

    @Test
    void pastViewsAreReadOnceWhileCurrentKnowledgeCostsNoUpstreamCall() throws Exception {
        String then = "2026-11-24T00:00:00Z";
        timelineKnownAt("1952-1", then, asKnownAt("1952-1", then));
        timelineKnownAt("1953-9", then, asKnownAt("1953-9", then));
        post("/api/v1/interpretations", PANEL.formatted("")).statusCode(200);
        WireMock stub = RangesServiceStub.client();
        stub.resetRequests();

        for (int i = 0; i < 5; i++) {
            post("/api/v1/interpretations", PANEL.formatted("")).statusCode(200);
            post("/api/v1/interpretations", PANEL.formatted(knownAt(then)))
                    .statusCode(200)
                    .body("basis.knownAt", is(then));
        }
        stub.verifyThat(
                0,
                getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline"))
                        .withQueryParam("knownAt", WireMock.absent()));
        stub.verifyThat(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/timeline"))
                        .withQueryParam("knownAt", WireMock.equalTo(then)));
        stub.verifyThat(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/analytes/1953-9/timeline"))
                        .withQueryParam("knownAt", WireMock.equalTo(then)));
    }

    @Test
    void theCompactViewStatesTheBasisToo() {
        JsonNode basis = given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(PANEL.formatted(""))
                .post("/api/v1/interpretations?view=compact")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class)
                .get("basis");
        assertEquals(LATEST_RECORDED_AT, basis.get("knownAt").asText());
        assertEquals(4, basis.get("changeFeedPosition").asInt());
    }
}
