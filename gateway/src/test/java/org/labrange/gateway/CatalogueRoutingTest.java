package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.RangesStub;

/** The catalogue export and import are forwarded to reference-ranges-service with their roles, query and headers. */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class CatalogueRoutingTest {

    private static final String IMPORT = """
            {"reason":"Annual review","effectiveFrom":"2027-01-01","analytes":[],"sources":[],"ranges":[]}""";

    private static final String DRY_RUN_REPORT = """
            {"dryRun":true,"catalogueVersion":"17-0a1b2c3d",
             "analyteCounts":{"created":0,"revised":0,"unchanged":1},
             "sourceCounts":{"created":0,"revised":0,"unchanged":0},
             "rangeCounts":{"created":0,"revised":0,"unchanged":0},
             "analytes":[{"index":0,"code":"1952-1","action":"UNCHANGED","revision":1}],
             "sources":[],"ranges":[],"warnings":[]}""";

    @RangesStub
    WireMockServer ranges;

    @BeforeEach
    void reset() {
        ranges.resetAll();
    }

    @Test
    void exportIsForwardedToReadersAndKeepsTheCatalogueVersion() {
        ranges.stubFor(get("/api/v1/catalogue/export")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"17-0a1b2c3d\"")
                        .withBody(Fixtures.rangesAnswer("catalogue-export.json"))));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .header("ETag", "\"17-0a1b2c3d\"")
                .body("analytes.code", hasItem("1952-1"))
                .body("ranges.analyteCode", hasItem("1953-9"));
    }

    @Test
    void importIsForwardedWithItsDryRunAndIfMatch() {
        ranges.stubFor(post(urlPathEqualTo("/api/v1/catalogue/import"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"17-0a1b2c3d\"")
                        .withBody(DRY_RUN_REPORT)));

        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"17-0a1b2c3d\"")
                .body(IMPORT)
                .when()
                .post("/api/v1/catalogue/import?dryRun=true")
                .then()
                .statusCode(200)
                .header("ETag", "\"17-0a1b2c3d\"")
                .body("dryRun", is(true))
                .body("analytes[0].action", is("UNCHANGED"));

        ranges.verify(postRequestedFor(urlEqualTo("/api/v1/catalogue/import?dryRun=true"))
                .withHeader("If-Match", equalTo("\"17-0a1b2c3d\""))
                .withRequestBody(equalToJson(IMPORT)));
    }

    @Test
    void csvExportIsForwardedAsCsv() {
        String csv = "kind,code,displayName\r\nanalyte,1952-1,'=Bilirubin\r\n";
        ranges.stubFor(get("/api/v1/catalogue/export")
                .withHeader("Accept", WireMock.containing("text/csv"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv")
                        .withHeader("ETag", "\"17-0a1b2c3d\"")
                        .withBody(csv)));

        String body = given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .accept("text/csv")
                .when()
                .get("/api/v1/catalogue/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("ETag", "\"17-0a1b2c3d\"")
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertEquals(csv, body);
    }

    @Test
    void csvImportIsForwardedWithItsQueryAndBody() {
        String csv = "\uFEFFkind,code,displayName\r\nanalyte,1952-1,Bilirubin\r\n";
        ranges.stubFor(post(urlPathEqualTo("/api/v1/catalogue/import"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"17-0a1b2c3d\"")
                        .withBody(DRY_RUN_REPORT)));

        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when()
                .queryParam("dryRun", true)
                .queryParam("reason", "Annual review")
                .queryParam("effectiveFrom", "2027-01-01")
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(200)
                .body("dryRun", is(true));

        ranges.verify(postRequestedFor(urlPathEqualTo("/api/v1/catalogue/import"))
                .withQueryParam("dryRun", equalTo("true"))
                .withQueryParam("reason", equalTo("Annual review"))
                .withQueryParam("effectiveFrom", equalTo("2027-01-01"))
                .withHeader("Content-Type", WireMock.containing("text/csv"))
                .withRequestBody(WireMock.binaryEqualTo(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aStaleCatalogueVersionProblemIsPassedThrough() {
        String problem = "{\"type\":\"https://labrange.dev/problems/catalogue-changed\","
                + "\"title\":\"Catalogue changed since the dry run\",\"status\":412,\"detail\":\"now at 18-0a1b2c3d\"}";
        ranges.stubFor(post(urlPathEqualTo("/api/v1/catalogue/import"))
                .willReturn(aResponse()
                        .withStatus(412)
                        .withHeader("Content-Type", "application/problem+json")
                        .withHeader("ETag", "\"18-0a1b2c3d\"")
                        .withBody(problem)));

        given().auth()
                .oauth2(TestKeys.token("adam", "ranges-admin"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"17-0a1b2c3d\"")
                .body(IMPORT)
                .when()
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", "\"18-0a1b2c3d\"")
                .body("type", is("https://labrange.dev/problems/catalogue-changed"));
    }

    @Test
    void readersCannotImportAndNothingIsForwarded() {
        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .contentType(ContentType.JSON)
                .body(IMPORT)
                .when()
                .post("/api/v1/catalogue/import")
                .then()
                .statusCode(403);

        ranges.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/catalogue/import")));
    }
}
