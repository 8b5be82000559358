package org.labrange.interpretation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.Tokens;

/**
 * The benchmark-only no-op build (profile noop-benchmark): same authentication and request checks, no interpretation. The ranges
 * service is pointed at a closed port, so any attempt to fetch ranges would surface as a 503.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@TestProfile(NoOpModeTest.NoOp.class)
class NoOpModeTest {

    public static class NoOp implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            // keeps the test profile settings (keys, timeouts) and adds the benchmark build profile
            return "test," + NoOpInterpretationResource.PROFILE;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.reference-ranges.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void everyResultIsAnsweredAsNotEvaluatedWithoutAskingForRanges() {
        given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(InterpretationResource.PANEL_EXAMPLE)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200)
                .body("results.id", contains("s1", "u1"))
                .body(
                        "results.status",
                        contains(NoOpInterpretationResource.NO_OP_STATUS, NoOpInterpretationResource.NO_OP_STATUS))
                .body("results[0].interpretations.size()", is(0));
        given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(InterpretationResource.URINE_EXAMPLE)
                .when()
                .post("/api/v1/interpretations/single")
                .then()
                .statusCode(200)
                .body("status", is(NoOpInterpretationResource.NO_OP_STATUS));
    }

    @Test
    void requestsAreStillAuthenticatedAndChecked() {
        given().contentType("application/json")
                .body(InterpretationResource.URINE_EXAMPLE)
                .when()
                .post("/api/v1/interpretations/single")
                .then()
                .statusCode(401);
        given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body("{\"patient\": {}, ")
                .when()
                .post("/api/v1/interpretations/single")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
