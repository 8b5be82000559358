package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** The B2M ranges loaded by the migration, as readers see them. */
@QuarkusTest
class SeededRangesTest {

    static final String QUEST = "1952e001-0000-4000-8000-000000000001";
    static final String LABCORP = "1952e001-0000-4000-8000-000000000002";
    static final String MOSBY_SERUM = "1952e001-0000-4000-8000-000000000003";
    static final String MOSBY_URINE = "1953e009-0000-4000-8000-000000000001";

    /** Other test classes add ranges under their own "test-…" sources; these assertions look at the seed only. */
    private static final String SEEDED = "findAll { !it.sourceCode.startsWith('test-') }";

    @Test
    void analytesAreFoundByAliasCodeAndGreekSpelling() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("q", "B2M")
                .get("/api/v1/analytes")
                .then()
                .statusCode(200)
                .body("code", containsInAnyOrder("1952-1", "1953-9"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("q", "β2-Microglobulin")
                .get("/api/v1/analytes")
                .then()
                .statusCode(200)
                .body("code", containsInAnyOrder("1952-1", "1953-9"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("q", "1953-9")
                .get("/api/v1/analytes")
                .then()
                .statusCode(200)
                .body("code", equalTo(java.util.List.of("1953-9")));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("q", "cholesterol")
                .get("/api/v1/analytes")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void analyteCarriesCanonicalUnitSpecimenAndMolarMass() {
        given().auth()
                .oauth2(Tokens.interpreter())
                .get("/api/v1/analytes/1952-1")
                .then()
                .statusCode(200)
                .body("loinc", equalTo("1952-1"))
                .body("specimen", equalTo("SERUM_PLASMA"))
                .body("unit", equalTo("mg/L"))
                .body("molarMassGramsPerMole", equalTo(11800))
                .body("aliases", hasItem("B2M"));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://labrange.dev/problems/not-found"));
    }

    @Test
    void sourcesCarryCitations() {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/sources/mosby-pagana-2022")
                .then()
                .statusCode(200)
                .body("kind", equalTo("TEXTBOOK"))
                .body("citation", org.hamcrest.Matchers.containsString("16th ed"));
    }

    @Test
    void serumRangesOfTheThreeSourcesAreServedAsRevisionOne() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("analyte", "1952-1")
                .queryParam("age", "P45Y")
                .queryParam("sex", "FEMALE")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body(SEEDED + ".sourceCode", containsInAnyOrder("quest", "labcorp", "mosby-pagana-2022"))
                .body("find { it.sourceCode == 'quest' }.low", nullValue())
                .body("find { it.sourceCode == 'quest' }.high", equalTo(2.51f))
                .body("find { it.sourceCode == 'quest' }.population.ageMin", equalTo(18))
                .body("find { it.sourceCode == 'labcorp' }.low", equalTo(0.6f))
                .body("find { it.sourceCode == 'labcorp' }.high", equalTo(2.4f))
                .body("find { it.sourceCode == 'mosby-pagana-2022' }.low", equalTo(0.7f))
                .body("find { it.sourceCode == 'mosby-pagana-2022' }.high", equalTo(1.8f))
                .body(SEEDED + ".revision", everyItemIs(1))
                .body(SEEDED + ".recordedBy", everyItemIs("seed"));
    }

    @Test
    void urineRangeIsThreeHundredMicrogramsPerLitreStoredAsMilligrams() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("specimen", "URINE")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("rangeId", hasItem(MOSBY_URINE))
                .body("find { it.rangeId == '" + MOSBY_URINE + "' }.high", equalTo(0.3f))
                .body("find { it.rangeId == '" + MOSBY_URINE + "' }.unit", equalTo("mg/L"));
    }

    @Test
    void adultOnlyRangeDoesNotApplyToAChild() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("analyte", "1952-1")
                .queryParam("birthDate", "2020-03-01")
                .queryParam("effectiveOn", "2026-06-01")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body(SEEDED + ".sourceCode", containsInAnyOrder("labcorp", "mosby-pagana-2022"));
    }

    @Test
    void nothingWasInEffectBeforeTheSeedDate() {
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("analyte", "1952-1")
                .queryParam("effectiveOn", "2021-12-31")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body(SEEDED, hasSize(0));
    }

    @Test
    void timelineListsEveryRevisionOfAnAnalyteWithItsChangeSequence() {
        given().auth()
                .oauth2(Tokens.interpreter())
                .get("/api/v1/analytes/1953-9/timeline")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("analyte.code", equalTo("1953-9"))
                .body("changeSequence", notNullValue())
                .body("revisions.rangeId", hasItem(MOSBY_URINE));
    }

    @Test
    void singleRangeHasItsRevisionAsETag() {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + LABCORP)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("reason", notNullValue());
    }

    @Test
    void exportIsAvailableAsCsv() {
        String csv = given().auth()
                .oauth2(Tokens.reader())
                .accept("text/csv")
                .get("/api/v1/ranges/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("rangeId,revision,analyte,source,category"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(
                csv.contains(QUEST + ",1,1952-1,quest,REFERENCE,,true,2.51,true,mg/L"), csv);
    }

    @Test
    void openApiDocumentAndHealthAreServed() {
        given().get("/q/openapi").then().statusCode(200);
        int management = org.labrange.ranges.support.ManagementPort.port();
        given().port(management).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(management).get("/q/metrics").then().statusCode(200);
        given().port(management).get("/q/info").then().statusCode(200);
    }

    @Test
    void healthMetricsAndBuildInfoAreNotServedOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/info").then().statusCode(404);
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(Object value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
