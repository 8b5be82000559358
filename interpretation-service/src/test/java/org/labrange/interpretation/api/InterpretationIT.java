package org.labrange.interpretation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.ManagementPort;
import org.labrange.interpretation.support.RangesServiceStub;
import org.labrange.interpretation.support.Tokens;

/** Smoke test of the packaged application against a stubbed ranges service. */
@QuarkusIntegrationTest
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(RangesServiceStub.class)
@QuarkusTestResource(ManagementPort.class)
class InterpretationIT {

    @Test
    void thePackagedServiceInterpretsAB2mPanel() {
        given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(InterpretationResourceTest.PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200)
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", is("H"))
                .body("results[1].interpretations[0].flag", is("N"))
                .body("patterns.id", hasItem("b2m-glomerular-pattern"));
    }

    @Test
    void thePackagedServiceIsLiveReadyAndDocumented() {
        int management = ManagementPort.port();
        given().port(management).when().get("/q/health/live").then().statusCode(200);
        given().port(management)
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("reference-ranges cache"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/interpretations"));
        given().port(management).when().get("/q/metrics").then().statusCode(200);
        // health, metrics and build info live on the management port only
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/info").then().statusCode(404);
    }

    @Test
    void thePackagedServiceRefusesAnonymousCallers() {
        given().contentType("application/json")
                .body(InterpretationResourceTest.PANEL)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(401);
    }
}
