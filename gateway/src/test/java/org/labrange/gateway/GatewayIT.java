package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.UpstreamStubs.RangesStub;
import org.labrange.gateway.contract.DocumentedAnswers;

/** Smoke test of the packaged application (java -jar quarkus-run.jar) with stubbed upstreams. */
@QuarkusIntegrationTest
@QuarkusTestResource(UpstreamStubs.class)
@QuarkusTestResource(ManagementPort.class)
@QuarkusTestResource(value = ConsoleClientSettings.class, restrictToAnnotatedClass = true)
class GatewayIT {

    @RangesStub
    WireMockServer ranges;

    /** The packaged gateway's answers, too, must be the ones the public document describes. */
    @BeforeAll
    static void checkEveryAnswerAgainstThePublicDocument() {
        DocumentedAnswers.install();
    }

    @Test
    void packagedGatewayIsAliveAndDocumentsItsApi() {
        given().port(ManagementPort.port())
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", is("UP"));
        given().when().get("/q/health/live").then().statusCode(404);
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/reports"));
    }

    @Test
    void productionBuildLeavesOutTheSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(404);
    }

    @Test
    void packagedGatewayRejectsAnonymousCallsWithAProblemDocument() {
        given().when()
                .get("/api/v1/sources")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/unauthorized"));
    }

    @Test
    void packagedGatewayForwardsAnAuthorisedReadWithItsCorrelationId() {
        ranges.stubFor(get("/api/v1/sources")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.rangesAnswer("sources.json"))));

        given().auth()
                .oauth2(TestKeys.token("rita", "ranges-reader"))
                .header("X-Request-Id", "it-smoke-1")
                .when()
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "it-smoke-1")
                .body("[0].code", is("labcorp"));

        ranges.verify(getRequestedFor(urlEqualTo("/api/v1/sources")).withHeader("X-Request-Id", equalTo("it-smoke-1")));
    }
}
