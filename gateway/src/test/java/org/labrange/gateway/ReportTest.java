package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;
import org.labrange.gateway.service.ServiceVersions;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class ReportTest {

    /** Matches interpretations-panel.request.json once reportId and patient.id are taken off. */
    private static final String PANEL = """
            {"reportId":"rep-42","patient":{"id":"patient-0042","sex":"FEMALE","birthDate":"1970-05-01"},
             "sources":["quest","labcorp","mosby-pagana-2022"],
             "results":[
               {"id":"s1","analyte":"B2M","specimen":"serum","value":"2.45","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z",
                "previous":[{"value":"1.9","unit":"mg/L","collectedAt":"2026-05-01T08:00:00Z"}]},
               {"id":"u1","analyte":"B2M","specimen":"urine","value":"0.25","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"}]}""";

    /** The panel compared with the two laboratories only (interpretations-panel-labs.request.json). */
    private static final String PANEL_LABS = PANEL.replace(",\"mosby-pagana-2022\"]", "]");

    /** Matches interpretations-serum.request.json. */
    private static final String SERUM_ONLY = """
            {"patient":{"sex":"FEMALE","age":"P56Y"},
             "results":[{"id":"s1","analyte":"B2M","specimen":"serum","value":"2.45","unit":"mg/L",
                         "collectedAt":"2026-11-20T08:00:00Z"}]}""";

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ServiceVersions versions;

    @BeforeEach
    void reset() {
        ranges.resetAll();
        interpretation.resetAll();
        versions.forget();
        Fixtures.json(
                interpretation,
                "/q/info",
                "{\"build\":{\"artifact\":\"interpretation-service\",\"version\":\"1.4.0\"}}");
        Fixtures.json(
                ranges, "/q/info", "{\"build\":{\"artifact\":\"reference-ranges-service\",\"version\":\"2.1.0\"}}");
    }

    @AfterEach
    void closeBreakers() {
        breakers.resetAll();
    }

    private void interpretationAnswers(String answer, int delayMillis) {
        Fixtures.interpretationAnswers(interpretation, answer, delayMillis);
    }

    @Test
    void panelReportShowsInterpretationsRangesSideBySideDisagreementsPatternsDeltasAndProvenance() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.json(
                ranges,
                "/api/v1/ranges/" + Fixtures.LABCORP_SERUM + "/revisions",
                Fixtures.revisedForLaterDate(
                        Fixtures.rangesAnswer("revisions-labcorp-serum.json"),
                        0.8,
                        2.34,
                        "Method change to turbidimetry"));
        interpretationAnswers("interpretations-panel.json", 0);
        String token = TestKeys.token("ida", "interpreter");

        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "report-req-1")
                .contentType(ContentType.JSON)
                .body(PANEL)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "report-req-1")
                .body("reportId", is("rep-42"))
                .body("patient.id", is("patient-0042"))
                .body("results.id", contains("s1", "u1"))
                .body("results[0].collectedAt", is("2026-11-20T08:00:00Z"))
                .body("results[0].interpretations.source", contains("quest", "labcorp", "mosby-pagana-2022"))
                .body("results[0].interpretations.flag", contains("N", "H", "H"))
                .body("results[0].ranges.find { it.source == 'labcorp' }.sourceName", is("Labcorp"))
                .body("results[0].ranges.find { it.source == 'labcorp' }.revisionUsed", is(1))
                .body("results[0].ranges.find { it.source == 'labcorp' }.latestRevision", is(2))
                .body("results[0].ranges.find { it.source == 'labcorp' }.usedRevisionIsLatest", is(false))
                .body(
                        "results[0].ranges.find { it.source == 'labcorp' }.revisions.reason",
                        contains("Initial load of published B2M ranges", "Method change to turbidimetry"))
                .body("results[0].ranges.find { it.source == 'quest' }.usedRevisionIsLatest", is(true))
                .body("disagreements[0].resultId", is("s1"))
                .body("disagreements[0].flags.labcorp", is("H"))
                .body("disagreements[0].flags.quest", is("N"))
                .body("patterns[0].id", is("b2m-glomerular-pattern"))
                .body("patterns[0].resultIds", contains("s1", "u1"))
                .body("results[0].delta.possible", is(false))
                .body("deltaChecks", empty())
                .body("provenance.rangesState.changeSequence", is(4))
                .body("provenance.requestId", is("report-req-1"))
                .body("provenance.rulesVersion", is("2026.12.1"))
                .body("provenance.evaluatedAt", is("2026-11-25T12:00:00Z"))
                .body("provenance.requestedAt", notNullValue())
                .body("provenance.completedAt", notNullValue())
                .body("provenance.services.find { it.name == 'interpretation-service' }.version", is("1.4.0"))
                .body("provenance.services.find { it.name == 'reference-ranges-service' }.version", is("2.1.0"))
                .body("provenance.services.name", hasItem("gateway"))
                .body(
                        "provenance.rangeRevisions.rangeId",
                        contains(
                                Fixtures.QUEST_SERUM,
                                Fixtures.LABCORP_SERUM,
                                Fixtures.MOSBY_SERUM,
                                Fixtures.MOSBY_URINE))
                .body(
                        "provenance.rangeRevisions.find { it.rangeId == '" + Fixtures.LABCORP_SERUM + "' }.recordedAt",
                        is("2026-11-01T10:00:00Z"));

        interpretation.verify(postRequestedFor(urlEqualTo("/api/v1/interpretations"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo("report-req-1")));
        String forwarded = interpretation
                .findAll(postRequestedFor(urlEqualTo("/api/v1/interpretations")))
                .get(0)
                .getBodyAsString();
        assertFalse(forwarded.contains("patient-0042"), "the patient id stays at the gateway");
        assertFalse(forwarded.contains("rep-42"), "the report id stays at the gateway");
        assertTrue(forwarded.contains("\"previous\""), "everything else of the batch is passed on");
        ranges.verify(getRequestedFor(urlEqualTo("/api/v1/ranges/" + Fixtures.LABCORP_SERUM
                        + "/revisions?knownAt=2026-11-25T08%3A00%3A00.123456Z"))
                .withHeader("X-Request-Id", equalTo("report-req-1")));
    }

    @Test
    void resultWithoutAnyRangeMakesTheReportIncompleteWithAWarning() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        interpretationAnswers("interpretations-panel-labs.json", 0);

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(PANEL_LABS)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .header("X-Report-Complete", "false")
                .body("complete", is(false))
                .body("warnings.code", hasItem("no-range"))
                .body("warnings.find { it.code == 'no-range' }.resultId", is("u1"))
                .body("warnings.find { it.code == 'no-range' }.severity", is("CLINICAL"));
    }

    @Test
    void fullyInterpretedPanelIsCompleteWithoutWarnings() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        interpretationAnswers("interpretations-serum.json", 0);

        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .body(SERUM_ONLY)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .header("X-Report-Complete", "true")
                .body("complete", is(true))
                .body("warnings", empty())
                .body("reportId", notNullValue())
                .body("patient.age", is("P56Y"));
    }

    @Test
    void unknownServiceVersionIsNotedWithoutHidingTheClinicalAnswer() {
        ranges.resetAll();
        Fixtures.rangesServiceKnowsB2m(ranges); // no /q/info on reference-ranges-service
        interpretationAnswers("interpretations-serum.json", 0);

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(SERUM_ONLY)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("complete", is(true))
                .body("provenance.services.find { it.name == 'reference-ranges-service' }.version", nullValue())
                .body("warnings.code", hasItems("service-version-unknown"))
                .body("warnings.find { it.code == 'service-version-unknown' }.severity", is("NOTICE"));
    }

    @Test
    void sourcesAreReadWhileTheInterpretationIsStillRunning() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        // 1 s leaves 2 s before the test profile's 3 s read timeout, however slow the machine
        interpretationAnswers("interpretations-serum.json", 1000);

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(SERUM_ONLY)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200);

        Date interpretationAsked = interpretation
                .findAll(postRequestedFor(urlEqualTo("/api/v1/interpretations")))
                .get(0)
                .getLoggedDate();
        Date sourcesAsked = ranges.findAll(getRequestedFor(urlEqualTo("/api/v1/sources")))
                .get(0)
                .getLoggedDate();
        Date interpretationAnswered = new Date(interpretationAsked.getTime() + 1000);
        assertTrue(
                sourcesAsked.before(interpretationAnswered),
                "the sources must be asked for before the interpretation has answered");
    }

    @Test
    void interpretationServiceDownGivesAServiceUnavailableProblemNotAPartialReport() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        interpretation.stubFor(
                post("/api/v1/interpretations").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(PANEL)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/upstream-unavailable"))
                .body("upstream", is("interpretation-service"))
                .body("results", nullValue());
    }

    @Test
    void rangesServiceDownGivesAServiceUnavailableProblemNamingIt() {
        ranges.stubFor(get("/api/v1/sources").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        interpretationAnswers("interpretations-panel.json", 0);

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(PANEL)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("upstream", is("reference-ranges-service"));
    }

    @Test
    void interpretationServiceValidationProblemIsPassedThrough() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        String problem =
                "{\"type\":\"https://labrange.dev/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\"1 field is invalid\",\"errors\":[{\"field\":\"patient.sex\",\"reason\":\"unknown value\"}]}";
        interpretation.stubFor(post("/api/v1/interpretations")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(PANEL)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("patient.sex"));
    }

    @Test
    void panelWithoutResultsIsRejectedBeforeAnyUpstreamCall() {
        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body("{\"patient\":{\"sex\":\"FEMALE\"},\"results\":[]}")
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/validation"))
                .body("errors[0].field", is("results"));

        interpretation.verify(0, postRequestedFor(urlEqualTo("/api/v1/interpretations")));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body("{\"results\":[")
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aReportAsKnownAtAMomentPassesItOnReadsEveryHistoryAsKnownThenAndStatesItsBasis() throws Exception {
        String knownAt = "2026-11-21T10:00:00Z";
        Fixtures.rangesServiceKnowsB2m(ranges);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode answer = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(Fixtures.read("contract/interpretation/interpretations-serum.json"));
        answer.putObject("basis").put("knownAt", knownAt).put("requested", true).put("changeFeedPosition", 3);
        interpretation.stubFor(post("/api/v1/interpretations")
                .withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.knownAt", equalTo(knownAt)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(json.writeValueAsString(answer))));

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(SERUM_ONLY.replace("\"patient\"", "\"knownAt\":\"" + knownAt + "\",\"patient\""))
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("basis.knownAt", is(knownAt))
                .body("basis.requested", is(true))
                .body("basis.changeFeedPosition", is(3))
                .body("provenance.basis.knownAt", is(knownAt));
        ranges.verify(
                3,
                getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                "/api/v1/ranges/[^/]+/revisions"))
                        .withQueryParam("knownAt", equalTo(knownAt)));
        ranges.verify(
                0,
                getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                "/api/v1/ranges/[^/]+/revisions"))
                        .withQueryParam("knownAt", com.github.tomakehurst.wiremock.client.WireMock.absent()));
    }

    @Test
    void aReportWithoutKnownAtReadsTheHistoriesAsKnownAtTheInterpretationsBasisSoItsReproductionMatches() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        interpretationAnswers("interpretations-serum.json", 0);

        given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(SERUM_ONLY)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .body("basis.knownAt", is("2026-11-25T08:00:00.123456Z"))
                .body("basis.requested", is(false))
                .body("provenance.basis.changeFeedPosition", is(4));
        ranges.verify(
                3,
                getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                "/api/v1/ranges/[^/]+/revisions"))
                        .withQueryParam("knownAt", equalTo("2026-11-25T08:00:00.123456Z")));
    }
}
