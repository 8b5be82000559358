package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
@QuarkusTestResource(ManagementPort.class)
class HealthAndDocsTest {

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
    void readinessReportsEachUpstreamWithoutFailingWhenOneIsDown() {
        ranges.stubFor(
                get("/q/health/ready").willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        interpretation.stubFor(
                get("/q/health/ready").willReturn(aResponse().withStatus(503).withBody("{\"status\":\"DOWN\"}")));

        given().port(ManagementPort.port())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'reference-ranges-service'", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'interpretation-service'", is("DOWN"));
    }

    @Test
    void healthMetricsAndBuildInfoAreNotServedOnThePublicPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health/live").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/info").then().statusCode(404);
    }

    @Test
    void livenessIgnoresTheUpstreams() {
        given().port(ManagementPort.port())
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", is("UP"));
    }

    @Test
    void openApiDocumentDescribesThePublicApiWithB2mExamples() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/reports"))
                .body("paths.keySet()", hasItem("/api/v1/analytes/{code}/overview"))
                .body("paths.keySet()", hasItem("/api/v1/ranges/{id}/revisions/{n}"))
                .body("paths.'/api/v1/reports'.post.responses.'503'.description", containsString("unavailable"))
                .body("paths.'/api/v1/reports'.post.operationId", is("createReport"))
                .body(
                        "paths.'/api/v1/interpretations'.post.requestBody.content.'application/json'.examples.keySet()",
                        hasItem("serum-urine-panel"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsIncludeCallsToTheUpstreams() {
        Fixtures.rangesAnswers(ranges, "sources.json");
        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(200);

        given().port(ManagementPort.port())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_"))
                .body(containsString("labrange_upstream_requests_seconds_count{"))
                .body(containsString("upstream=\"reference-ranges-service\""));
    }
}
