package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labrange.ranges.support.Tokens;

/** Every kind of bad input gets a 4xx problem document naming the field, and nothing is written. */
@QuarkusTest
class BadInputTest {

    static Stream<Arguments> badRanges() {
        String ok =
                "\"analyteCode\":\"1952-1\",\"sourceCode\":\"labcorp\",\"category\":\"REFERENCE\",\"unit\":\"mg/L\","
                        + "\"effectiveFrom\":\"2027-01-01\",\"reason\":\"test\"";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"low\": 0.6,", 400, "body"),
                Arguments.of("low as text", "{" + ok + ",\"low\":\"abc\",\"high\":2}", 400, "low"),
                Arguments.of("low above high", "{" + ok + ",\"low\":3,\"high\":2}", 400, "low"),
                Arguments.of(
                        "equal bounds, one exclusive",
                        "{" + ok + ",\"low\":2,\"high\":2,\"highInclusive\":false}",
                        400,
                        "low"),
                Arguments.of("no bound at all", "{" + ok + "}", 400, "low"),
                Arguments.of("unknown unit", "{" + ok.replace("mg/L", "furlongs") + ",\"high\":2}", 400, "unit"),
                Arguments.of(
                        "unknown category",
                        "{" + ok.replace("REFERENCE", "NORMALISH") + ",\"high\":2}",
                        400,
                        "category"),
                Arguments.of(
                        "unknown analyte", "{" + ok.replace("1952-1", "9999-9") + ",\"high\":2}", 400, "analyteCode"),
                Arguments.of(
                        "unknown source", "{" + ok.replace("labcorp", "nobody") + ",\"high\":2}", 400, "sourceCode"),
                Arguments.of(
                        "negative age",
                        "{" + ok + ",\"high\":2,\"population\":{\"ageMin\":-1}}",
                        400,
                        "population.ageMin"),
                Arguments.of(
                        "inverted age interval",
                        "{" + ok + ",\"high\":2,\"population\":{\"ageMin\":65,\"ageMax\":18}}",
                        400,
                        "population.ageMax"),
                Arguments.of(
                        "unknown sex", "{" + ok + ",\"high\":2,\"population\":{\"sex\":\"X\"}}", 400, "population.sex"),
                Arguments.of(
                        "missing reason", "{" + ok.replace(",\"reason\":\"test\"", "") + ",\"high\":2}", 400, "reason"),
                Arguments.of("blank reason", "{" + ok.replace("\"test\"", "\"  \"") + ",\"high\":2}", 400, "reason"),
                Arguments.of(
                        "missing effectiveFrom",
                        "{" + ok.replace("\"effectiveFrom\":\"2027-01-01\",", "") + ",\"high\":2}",
                        400,
                        "effectiveFrom"),
                Arguments.of(
                        "bad date",
                        "{" + ok.replace("2027-01-01", "2027-13-45") + ",\"high\":2}",
                        400,
                        "effectiveFrom"),
                Arguments.of("misspelt field", "{" + ok + ",\"hihg\":2}", 400, "hihg"),
                Arguments.of("bound given twice", "{" + ok + ",\"high\":2,\"high\":99}", 400, "high"),
                Arguments.of("array instead of object", "[1,2,3]", 400, "body"),
                Arguments.of(
                        "SQL-looking source",
                        "{" + ok.replace("labcorp", "x'; DROP TABLE range_revision; --") + ",\"high\":2}",
                        400,
                        "sourceCode"),
                Arguments.of(
                        "category as a number",
                        "{" + ok.replace("\"REFERENCE\"", "1") + ",\"high\":2}",
                        400,
                        "category"),
                Arguments.of(
                        "fractional age",
                        "{" + ok + ",\"high\":2,\"population\":{\"ageMin\":17.9}}",
                        400,
                        "population.ageMin"),
                Arguments.of(
                        "date as a number",
                        "{" + ok.replace("\"2027-01-01\"", "20270101") + ",\"high\":2}",
                        400,
                        "effectiveFrom"),
                Arguments.of("bound as a string", "{" + ok + ",\"high\":\"2.4\"}", 400, "high"),
                Arguments.of("negative bound", "{" + ok + ",\"low\":-1e400,\"high\":-1e399}", 400, "low"),
                Arguments.of(
                        "astronomical bound",
                        "{" + ok + ",\"high\":1234567890123456789012345678901234567890}",
                        400,
                        "high"),
                Arguments.of(
                        "reason with a NUL character",
                        "{" + ok.replace("\"test\"", "\"te\\u0000st\"") + ",\"high\":2}",
                        400,
                        "reason"),
                Arguments.of(
                        "molar unit fine but absurd text unit",
                        "{" + ok.replace("mg/L", "mg/L' OR 1=1") + ",\"high\":2}",
                        400,
                        "unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRanges")
    void badRangeIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten(
            String name, String body, int status, String field) {
        long before = latestSequence();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/ranges")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", startsWith("https://labrange.dev/problems/"))
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
        org.junit.jupiter.api.Assertions.assertEquals(before, latestSequence(), "nothing may be written");
    }

    @Test
    void hugePayloadIsRefusedWith413ProblemBeforeBeingRead() {
        String huge = "{\"note\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(huge)
                .post("/api/v1/ranges")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://labrange.dev/problems/too-large"));
    }

    @Test
    void badQueryParametersAreNamed() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("effectiveOn", "yesterday")
                .get("/api/v1/ranges")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveOn"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("knownAt", "noon")
                .get("/api/v1/ranges")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("knownAt"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("age", "-P3Y")
                .get("/api/v1/ranges")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("age"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("sex", "robot")
                .get("/api/v1/ranges")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sex"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("from", "x")
                .queryParam("to", 1)
                .get("/api/v1/ranges/" + SeededRangesTest.LABCORP + "/diff")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void unknownRangeIdIsA404Problem() {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void sqlLookingQueryValuesAreJustValues() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("analyte", "1952-1' OR '1'='1")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("q", "'; DROP TABLE analyte; --")
                .get("/api/v1/analytes")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void valuesPostgresCannotStoreAreA400ProblemNotAnOutage() {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/19%0052-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"analyteCode\":\"1952-1\",\"sourceCode\":\"labcorp\",\"category\":\"REFERENCE\",\"high\":2,"
                        + "\"unit\":\"mg/L\",\"effectiveFrom\":\"+999999999-01-01\",\"reason\":\"far future\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("includeRetired", "maybe")
                .get("/api/v1/ranges")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includeRetired"));
    }

    @Test
    void wrongMediaTypeIsA415Problem() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/xml")
                .body("<range/>")
                .post("/api/v1/ranges")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    private static long latestSequence() {
        return given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/changes/latest")
                .then()
                .extract()
                .jsonPath()
                .getLong("latestSequence");
    }
}
