package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.RangesStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class OverviewTest {

    @RangesStub
    WireMockServer ranges;

    @BeforeEach
    void reset() {
        ranges.resetAll();
    }

    @Test
    void overviewShowsEachSourcesCurrentRangeWithItsLastRevisionDateAndReason() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.rangesAnswers(ranges, "analyte-1952-1.json", "ranges-1952-1-female.json");
        Fixtures.json(
                ranges,
                "/api/v1/ranges/" + Fixtures.LABCORP_SERUM + "/revisions",
                Fixtures.revisedForLaterDate(
                        Fixtures.rangesAnswer("revisions-labcorp-serum.json"),
                        0.8,
                        2.34,
                        "Method change to turbidimetry"));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/analytes/1952-1/overview?sex=FEMALE")
                .then()
                .statusCode(200)
                .body("analyte.code", is("1952-1"))
                .body("sources.sourceCode", contains("labcorp", "mosby-pagana-2022", "quest"))
                .body("sources[0].name", is("Labcorp"))
                .body("sources[0].ranges[0].current.rangeId", is(Fixtures.LABCORP_SERUM))
                .body("sources[0].ranges[0].current.high", is(2.4f))
                .body("sources[0].ranges[0].revisionCount", is(2))
                .body("sources[0].ranges[0].lastRevision.revision", is(2))
                .body("sources[0].ranges[0].lastRevision.recordedAt", is("2026-11-24T09:30:00Z"))
                .body("sources[0].ranges[0].lastRevision.reason", is("Method change to turbidimetry"))
                .body("sources[0].ranges[0].lastRevision.scheduled", is(true))
                .body("sources[2].ranges[0].lastRevision.reason", is("Initial load of published B2M ranges"))
                .body("sources[2].ranges[0].lastRevision.scheduled", is(false))
                .body("sourcesWithoutRanges", empty())
                .body("warnings", empty());

        ranges.verify(getRequestedFor(urlEqualTo("/api/v1/ranges?analyte=1952-1&sex=FEMALE")));
    }

    @Test
    void overviewListsTheSourcesThatPublishNoRangeForTheAnalyte() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.rangesAnswers(ranges, "analyte-1953-9.json", "ranges-1953-9.json");

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/analytes/1953-9/overview")
                .then()
                .statusCode(200)
                .body("sources.sourceCode", contains("mosby-pagana-2022"))
                .body("sources[0].ranges[0].current.high", is(0.3f))
                .body("sourcesWithoutRanges", contains("labcorp", "quest"));
    }

    @Test
    void overviewOfAnUnknownAnalyteKeepsTheUpstreamNotFoundProblem() {
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.json(ranges, "/api/v1/ranges?analyte=9999-9", "[]");
        ranges.stubFor(
                get("/api/v1/analytes/9999-9")
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"type\":\"https://labrange.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No analyte 9999-9\"}")));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/analytes/9999-9/overview")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("No analyte 9999-9"));
    }
}
