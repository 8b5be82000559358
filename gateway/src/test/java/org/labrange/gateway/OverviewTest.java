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
        Fixtures.rangesServiceKnowsSerumB2m(ranges);
        Fixtures.json(ranges, "/api/v1/analytes/1952-1", Fixtures.SERUM_ANALYTE);
        Fixtures.json(ranges, "/api/v1/ranges?analyte=1952-1&sex=FEMALE", Fixtures.SERUM_RANGES_IN_EFFECT);

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/analytes/1952-1/overview?sex=FEMALE")
                .then()
                .statusCode(200)
                .body("analyte.code", is("1952-1"))
                .body("sources.sourceCode", contains("labcorp", "quest"))
                .body("sources[0].name", is("Labcorp"))
                .body("sources[0].ranges[0].current.high", is(2.4f))
                .body("sources[0].ranges[0].revisionCount", is(2))
                .body("sources[0].ranges[0].lastRevision.revision", is(2))
                .body("sources[0].ranges[0].lastRevision.recordedAt", is("2026-11-24T09:30:00Z"))
                .body("sources[0].ranges[0].lastRevision.reason", is("Method change to turbidimetry"))
                .body("sources[0].ranges[0].lastRevision.scheduled", is(true))
                .body("sources[1].ranges[0].lastRevision.reason", is("Initial load"))
                .body("sources[1].ranges[0].lastRevision.scheduled", is(false))
                .body("sourcesWithoutRanges", contains("mosby-pagana-2022"))
                .body("warnings", empty());

        ranges.verify(getRequestedFor(urlEqualTo("/api/v1/ranges?analyte=1952-1&sex=FEMALE")));
    }

    @Test
    void overviewOfAnUnknownAnalyteKeepsTheUpstreamNotFoundProblem() {
        Fixtures.rangesServiceKnowsSerumB2m(ranges);
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
