package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** GET /ranges with a patient's age: a stated age is a birth date that far back, judged like a birth date. */
@QuarkusTest
class PatientAgeQueryTest {

    private String source;
    private String neonatal;
    private String infant;

    @BeforeEach
    void dayBoundedRanges() {
        source = Admin.newSource();
        neonatal = Admin.createRange(
                source,
                "\"low\":1,\"high\":3,\"population\":{\"ageMin\":0,\"ageMax\":28,\"ageUnit\":\"DAYS\"}",
                "2026-01-01");
        infant = Admin.createRange(
                source,
                "\"low\":0.5,\"high\":2,\"population\":{\"ageMin\":28,\"ageMax\":365,\"ageUnit\":\"DAYS\"}",
                "2026-01-01");
    }

    @Test
    void statedAgeOfOneMonthAppliesTheDayBoundedRangeForTwentyEightDaysOld() {
        // collected 2026-03-15, P1M means born 2026-02-15: 28 days old
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("age", "P1M")
                .queryParam("effectiveOn", "2026-03-15")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("rangeId", contains(infant));
    }

    @Test
    void statedAgeOfZeroDaysAppliesTheNeonatalRange() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("age", "P0D")
                .queryParam("effectiveOn", "2026-03-15")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("rangeId", contains(neonatal));
    }

    @Test
    void birthDateWinsOverAStatedAge() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("age", "P1M")
                .queryParam("birthDate", "2026-03-10")
                .queryParam("effectiveOn", "2026-03-15")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("rangeId", contains(neonatal));
    }

    @Test
    void birthDateAfterTheCollectionDateIsA400ProblemNamingBirthDate() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("birthDate", "2026-03-16")
                .queryParam("effectiveOn", "2026-03-15")
                .get("/api/v1/ranges")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("birthDate"))
                .body("detail", containsString("after the collection date"));
    }
}
