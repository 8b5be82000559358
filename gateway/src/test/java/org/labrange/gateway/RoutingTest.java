package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class RoutingTest {

    private static final String PROBLEM_404 = """
            {"type":"https://labrange.dev/problems/not-found","title":"Not found","status":404,"detail":"No range 42"}""";

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    @BeforeEach
    void reset() {
        ranges.resetAll();
        interpretation.resetAll();
    }

    @Test
    void rangeReadIsForwardedWithTokenAndRequestIdAndKeepsTheEtag() {
        String path = Fixtures.rangesRequest("range-labcorp-serum.json");
        ranges.stubFor(get(path)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"1\"")
                        .withBody(Fixtures.rangesAnswer("range-labcorp-serum.json"))));
        String token = TestKeys.token("rita", "ranges-reader");

        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "lab-req-77")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .header("X-Request-Id", "lab-req-77")
                .body("rangeId", is(Fixtures.LABCORP_SERUM))
                .body("revision", is(1));

        ranges.verify(getRequestedFor(urlEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo("lab-req-77")));
    }

    @Test
    void requestIdIsCreatedWhenAbsentAndPassedToTheUpstream() {
        Fixtures.rangesAnswers(ranges, "sources.json");

        String requestId = given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract()
                .header("X-Request-Id");

        ranges.verify(getRequestedFor(urlEqualTo("/api/v1/sources")).withHeader("X-Request-Id", equalTo(requestId)));
    }

    @Test
    void rangeQueryParametersArePassedOnUnchanged() {
        String query =
                "analyte=1952-1&sex=FEMALE&age=P45Y&effectiveOn=2026-01-01&knownAt=2026-11-24T00%3A00%3A00Z&includeRetired=true";
        ranges.stubFor(get("/api/v1/ranges?" + query)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));

        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .when()
                .get("/api/v1/ranges?" + query)
                .then()
                .statusCode(200);

        ranges.verify(getRequestedFor(urlEqualTo("/api/v1/ranges?" + query)));
    }

    @Test
    void createdRangeKeepsEtagAndItsLocationPointsAtTheGateway() {
        String created = "5f0c2a9e-7d41-4c8b-9a36-2b8e1f7c4d10";
        ranges.stubFor(post("/api/v1/ranges")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"1\"")
                        .withHeader("Location", ranges.baseUrl() + "/api/v1/ranges/" + created)
                        // the shape of the seeded revision, as a new range would have it
                        .withBody(Fixtures.rangesAnswer("range-labcorp-serum.json")
                                .replace(Fixtures.LABCORP_SERUM, created))));

        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .body("{\"analyteCode\":\"1952-1\",\"sourceCode\":\"labcorp\",\"high\":2.4}")
                .when()
                .post("/api/v1/ranges")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", matchesPattern("http://localhost:\\d+/api/v1/ranges/" + created))
                .header("Location", org.hamcrest.Matchers.not(startsWith(ranges.baseUrl())))
                .body("rangeId", is(created));

        ranges.verify(postRequestedFor(urlEqualTo("/api/v1/ranges"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalTo("{\"analyteCode\":\"1952-1\",\"sourceCode\":\"labcorp\",\"high\":2.4}")));
    }

    @Test
    void revisionForwardsIfMatchAndPassesThePreconditionProblemThrough() {
        String problem =
                "{\"type\":\"https://labrange.dev/problems/stale-revision\",\"title\":\"Range changed since you read it\",\"status\":412,\"detail\":\"now at 2\"}";
        ranges.stubFor(put("/api/v1/ranges/r-1")
                .withHeader("If-Match", equalTo("\"1\""))
                .willReturn(aResponse()
                        .withStatus(412)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        String body = given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"high\":2.5}")
                .when()
                .put("/api/v1/ranges/r-1")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .extract()
                .asString();

        assertEquals(problem, body);
        ranges.verify(putRequestedFor(urlEqualTo("/api/v1/ranges/r-1")).withHeader("If-Match", equalTo("\"1\"")));
    }

    @Test
    void upstreamNotFoundProblemIsPassedThroughUnchanged() {
        ranges.stubFor(get("/api/v1/ranges/42")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(PROBLEM_404)));

        String body = given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/ranges/42")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();

        assertEquals(PROBLEM_404, body);
    }

    @Test
    void csvImportIsForwardedAsCsvWithItsQuery() {
        ranges.stubFor(post(urlPathEqualTo("/api/v1/ranges/import"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        // the dry run finds the seeded urine range unchanged
                        .withBody(
                                "{\"dryRun\":true,\"created\":0,\"revised\":0,\"unchanged\":1,\"warnings\":[],\"items\":[{\"index\":0,"
                                        + "\"action\":\"UNCHANGED\",\"rangeId\":\"" + Fixtures.MOSBY_URINE
                                        + "\",\"revision\":1}]}")));
        String csv = "analyteCode,sourceCode,high,unit\n1953-9,mosby-pagana-2022,300,ug/L\n";

        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/v1/ranges/import?dryRun=true&reason=annual%20review&effectiveFrom=2027-01-01")
                .then()
                .statusCode(200)
                .body("unchanged", is(1));

        ranges.verify(postRequestedFor(
                        urlEqualTo("/api/v1/ranges/import?dryRun=true&reason=annual%20review&effectiveFrom=2027-01-01"))
                .withHeader("Content-Type", matching("text/csv.*"))
                .withRequestBody(equalTo(csv)));
    }

    @Test
    void csvExportKeepsTheUpstreamContentType() {
        ranges.stubFor(get("/api/v1/ranges/export")
                .withHeader("Accept", equalTo("text/csv"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv")
                        .withBody("a,b\n1,2\n")));

        String body = given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .accept("text/csv")
                .when()
                .get("/api/v1/ranges/export")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();

        assertEquals("a,b\n1,2\n", body);
    }

    @Test
    void notModifiedChangeFeedIsPassedThrough() {
        ranges.stubFor(get("/api/v1/changes/latest")
                .withHeader("If-None-Match", equalTo("\"7\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"7\"")));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .header("If-None-Match", "\"7\"")
                .when()
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(304)
                .header("ETag", "\"7\"");
    }

    @Test
    void interpretationBatchGoesToTheInterpretationService() {
        Fixtures.interpretationAnswers(interpretation, "interpretations-serum.json", 0);
        String token = TestKeys.token("ida", "interpreter");

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Fixtures.interpretationRequest("interpretations-serum.json"))
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200)
                .body("rulesVersion", is("2026.12.1"))
                .body("results[0].interpretations.range.rangeId", hasItem(Fixtures.LABCORP_SERUM));

        interpretation.verify(postRequestedFor(urlEqualTo("/api/v1/interpretations"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalTo(Fixtures.interpretationRequest("interpretations-serum.json"))));
        assertEquals(0, ranges.getAllServeEvents().size());
    }

    @Test
    void uninterpretableSingleResultKeepsItsUnprocessableProblem() {
        String problem =
                "{\"type\":\"https://labrange.dev/problems/unit-not-convertible\",\"title\":\"Unit not convertible\",\"status\":422,\"detail\":\"kg cannot be converted to mg/L\"}";
        interpretation.stubFor(post("/api/v1/interpretations/single")
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        String body = given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .body("{\"result\":{\"id\":\"s1\",\"analyte\":\"B2M\",\"value\":\"1\",\"unit\":\"kg\"}}")
                .when()
                .post("/api/v1/interpretations/single")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .extract()
                .asString();

        assertEquals(problem, body);
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
    }
}
