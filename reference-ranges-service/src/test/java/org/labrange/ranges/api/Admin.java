package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.labrange.ranges.support.Tokens;

/** Small write helpers so each test can own its ranges and never touches another test's data. */
final class Admin {

    private Admin() {}

    /** Creates a new LOCAL source with a unique code, so tests do not see each other's ranges. */
    static String newSource() {
        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"Test lab " + code + "\",\"kind\":\"LOCAL\","
                        + "\"citation\":\"Internal validation study\",\"reason\":\"test fixture\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        return code;
    }

    static String createRange(String source, String boundsJson, String effectiveFrom) {
        return create(source, "REFERENCE", boundsJson, effectiveFrom)
                .statusCode(201)
                .extract()
                .path("rangeId");
    }

    static ValidatableResponse create(String source, String category, String boundsJson, String effectiveFrom) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"analyteCode\":\"1952-1\",\"sourceCode\":\"" + source + "\",\"category\":\"" + category + "\","
                        + boundsJson + ",\"unit\":\"mg/L\",\"effectiveFrom\":\"" + effectiveFrom + "\","
                        + "\"reason\":\"initial\"}")
                .post("/api/v1/ranges")
                .then();
    }

    static ValidatableResponse revise(
            String rangeId, int ifMatch, String boundsJson, String effectiveFrom, String reason) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"" + ifMatch + "\"")
                .body("{" + boundsJson + ",\"unit\":\"mg/L\",\"effectiveFrom\":\"" + effectiveFrom + "\",\"reason\":\""
                        + reason + "\"}")
                .put("/api/v1/ranges/" + rangeId)
                .then();
    }
}
