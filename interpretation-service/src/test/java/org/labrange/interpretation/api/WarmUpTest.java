package org.labrange.interpretation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.service.RangeCache;
import org.labrange.interpretation.support.JwtKeys;
import org.labrange.interpretation.support.Tokens;

/**
 * The warm-up runs the whole request path on ranges held in memory, with no ranges service at all (the client points
 * at a closed port), and leaves nothing behind that a caller could be answered from.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
@TestProfile(WarmUpTest.NoRangesService.class)
class WarmUpTest {

    public static class NoRangesService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.reference-ranges.url", "http://127.0.0.1:9");
        }
    }

    @Inject
    WarmUp warmUp;

    @Inject
    RangeCache cache;

    @Test
    void everyResultOfTheWorkloadIsEvaluatedWithoutTheRangesService() {
        WarmUp.Summary summary = warmUp.run(3);

        // eight results in the batch and one single result per round, none turned away before the engine
        assertEquals(27, summary.evaluated());
        assertEquals(0, summary.rejected());
    }

    @Test
    void aCallerIsNeverAnsweredFromTheWarmUpRanges() {
        warmUp.run(1);

        assertTrue(cache.cachedAnalytes().isEmpty(), "the warm-up must not fill the range cache");
        given().header("Authorization", Tokens.bearer("interpreter"))
                .contentType("application/json")
                .body(InterpretationResource.PANEL_EXAMPLE)
                .when()
                .post("/api/v1/interpretations")
                .then()
                .statusCode(503)
                .body("type", is("https://labrange.dev/problems/ranges-unavailable"));
    }
}
