package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;

/**
 * A report made again on the same basis reads nothing from reference-ranges-service: a history as known at a past
 * moment never changes, and the list of sources is reused for a while.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
@TestProfile(ReportHistoryCacheTest.HistoriesKept.class)
class ReportHistoryCacheTest {

    public static class HistoriesKept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "labrange.reports.history-cache-size", "1000",
                    // long enough that the test's reports all fall within it
                    "labrange.reports.sources-cache-ttl", "10m");
        }
    }

    private static final String SERUM_ONLY = """
            {"patient":{"sex":"FEMALE","age":"P56Y"},
             "results":[{"id":"s1","analyte":"B2M","specimen":"serum","value":"2.45","unit":"mg/L",
                         "collectedAt":"2026-11-20T08:00:00Z"}]}""";

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    private JsonPath report() {
        return report(SERUM_ONLY);
    }

    private JsonPath report(String body) {
        return given().auth()
                .oauth2(TestKeys.token("ida", "interpreter"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private int historyReads() {
        return ranges.countRequestsMatching(getRequestedFor(urlPathMatching("/api/v1/ranges/[^/]+/revisions"))
                        .build())
                .getCount();
    }

    @Test
    void aSourceCreatedAfterTheListWasKeptIsKnownToTheNextReport() {
        ranges.resetAll();
        interpretation.resetAll();
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.interpretationAnswers(interpretation, "interpretations-serum.json", 0);
        report(); // the list of sources is now kept, without the lab created next

        ranges.stubFor(get("/api/v1/sources")
                .atPriority(1)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"code\":\"labcorp\",\"name\":\"Labcorp\",\"kind\":\"LAB\"},"
                                + "{\"code\":\"new-lab\",\"name\":\"New lab\",\"kind\":\"LOCAL\"}]")));
        // the same answer for the request that also names the sources
        interpretation.stubFor(post("/api/v1/interpretations")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.interpretationAnswer("interpretations-serum.json"))));
        JsonPath next = report(SERUM_ONLY.replace("\"results\"", "\"sources\":[\"labcorp\",\"new-lab\"],\"results\""));

        List<String> warnings = next.getList("warnings.message");
        assertTrue(
                warnings.stream().noneMatch(w -> w.contains("new-lab")),
                "a source created a moment ago is not unknown: " + warnings);
        assertEquals(
                2,
                ranges.countRequestsMatching(getRequestedFor(urlPathMatching("/api/v1/sources"))
                                .build())
                        .getCount(),
                "the kept list did not know new-lab, so it was read again");
    }

    @Test
    void aReportMadeAgainOnTheSameBasisReadsNothingFromTheRangesServiceAndSaysTheSame() {
        ranges.resetAll();
        interpretation.resetAll();
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.interpretationAnswers(interpretation, "interpretations-serum.json", 0);

        JsonPath first = report();
        int reads = historyReads();
        assertTrue(reads > 0, "the first report reads the histories of the ranges it used");

        JsonPath again = report();
        assertEquals(reads, historyReads(), "the second report read histories again");
        assertEquals(
                1,
                ranges.countRequestsMatching(getRequestedFor(urlPathMatching("/api/v1/sources"))
                                .build())
                        .getCount(),
                "the sources were read once for both reports");
        assertEquals(first.getList("results"), again.getList("results"));
        assertEquals(first.getList("warnings"), again.getList("warnings"));
        assertTrue(!first.getList("results[0].ranges").isEmpty(), "the report shows the ranges with their histories");
    }
}
