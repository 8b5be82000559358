package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** Analytes as administered data: created, revised and retired through the API, with history and guards. */
@QuarkusTest
class AnalyteAdminTest {

    private static final String PROBLEMS = "https://labrange.dev/problems/";

    @Test
    void seededAnalytesAreRevisionOneFromTheSeed() {
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/1953-9")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("revision", equalTo(1))
                .body("status", equalTo("ACTIVE"))
                .body("recordedBy", equalTo("seed"))
                .body("reason", containsString("seed"))
                .body("specimen", equalTo("URINE"))
                .body("specimenCode", equalTo("UR"))
                .body("dimension", equalTo("MASS_CONCENTRATION"));
    }

    @Test
    void createdAnalyteIsRevisedWithIfMatchAndKeepsItsHistoryDiffAuditAndChangeFeedEntries() {
        long before = latestSequence();
        String code = code("glu");
        String createdAt = create(body(code, "2345-7", "SERUM", "mg/dL", "180.16", "[\"" + code + " glucose\"]"))
                .statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", containsString("/api/v1/analytes/" + code))
                .body("revision", equalTo(1))
                .body("specimenCode", equalTo("SER"))
                .body("dimension", equalTo("MASS_CONCENTRATION"))
                .body("recordedBy", equalTo("alice"))
                .extract()
                .path("recordedAt");
        revise(
                        code,
                        "\"1\"",
                        body(code, "2345-7", "SERUM", "mg/dL", "180.16", "[]")
                                .replace("\"displayPrecision\":0", "\"displayPrecision\":1"))
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("revision", equalTo(2))
                .body("displayPrecision", equalTo(1));

        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/" + code + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("from", 1)
                .queryParam("to", 2)
                .get("/api/v1/analytes/" + code + "/diff")
                .then()
                .statusCode(200)
                .body("changes.field", hasItem("displayPrecision"))
                .body("changes.field", hasItem("aliases"))
                .body("changes.find { it.field == 'displayPrecision' }.to", equalTo("1"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("since", createdAt)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("findAll { it.subjectId == '" + code + "#2' }.action", contains("ANALYTE_REVISE"));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("since", before)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("changes.findAll { it.analyteCode == '" + code + "' }.subject", contains("ANALYTE", "ANALYTE"))
                .body("changes.findAll { it.analyteCode == '" + code + "' }.revision", contains(1, 2));
        assertTrue(latestSequence() >= before + 2, "both analyte revisions advance the change sequence");
    }

    @Test
    void invalidLoincCheckDigitIsRefusedNamingTheField() {
        refusedWithNothingWritten(
                () -> create(body(code("loinc"), "1952-2", "SERUM", "mg/L", null, "[]")), 400, "validation", "loinc");
    }

    @Test
    void unknownUcumUnitIsRefusedNamingTheField() {
        refusedWithNothingWritten(
                () -> create(body(code("unit"), null, "SERUM", "blorps/L", null, "[]")), 400, "validation", "unit");
    }

    @Test
    void molarMassOnAUnitlessAnalyteIsRefused() {
        refusedWithNothingWritten(
                () -> create(body(code("pct"), null, "BLOOD", "%", "64500", "[]")),
                400,
                "validation",
                "molarMassGramsPerMole");
    }

    @Test
    void aNullAliasIsRefusedNamingIt() {
        refusedWithNothingWritten(
                () -> create(body(code("null"), null, "SERUM", "mg/L", null, "[\"ok\", null]")),
                400,
                "validation",
                "aliases[1]");
    }

    @Test
    void duplicateCodeIsAConflict() {
        long before = latestSequence();
        create(body("1952-1", null, "SERUM_PLASMA", "mg/L", null, "[]"))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "conflict"));
        assertEquals(before, latestSequence(), "nothing may be written");
    }

    @Test
    void anAliasMayBeSharedAcrossSpecimensButNotWithinOne() {
        String alias = code("alias");
        create(body(code("serum"), null, "SERUM_PLASMA", "mg/L", null, "[\"" + alias + "\"]"))
                .statusCode(201);
        create(body(code("csf"), null, "CSF", "mg/L", null, "[\"" + alias.toUpperCase() + "\"]"))
                .statusCode(201);
        refusedWithNothingWritten(
                () -> create(body(
                        code("again"), null, "SERUM_PLASMA", "mg/L", null, "[\"x\", \"" + alias.toUpperCase() + "\"]")),
                400,
                "validation",
                "aliases[1]");
        refusedWithNothingWritten(
                () -> create(body(code("b2m"), null, "URINE", "mg/L", null, "[\"B2M\"]")),
                400,
                "validation",
                "aliases[0]");
    }

    @Test
    void retireIsRefusedWhileRangesAreLiveAndAllowedOnceTheyAreRetired() {
        String code = code("ast");
        create(body(code, null, "SERUM_PLASMA", "U/L", null, "[]")).statusCode(201);
        String source = Admin.newSource();
        String rangeId = given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(
                        "{\"analyteCode\":\"" + code + "\",\"sourceCode\":\"" + source
                                + "\",\"category\":\"REFERENCE\","
                                + "\"low\":10,\"high\":40,\"unit\":\"U/L\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"test data\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(201)
                .extract()
                .path("rangeId");

        long before = latestSequence();
        retire(code, "\"1\"")
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "analyte-in-use"))
                .body("liveRanges", contains(rangeId));
        assertEquals(before, latestSequence(), "nothing may be written");

        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"1\"")
                .body("{\"effectiveFrom\":\"2025-06-01\",\"reason\":\"test data withdrawn\"}")
                .post("/api/v1/ranges/" + rangeId + "/retire")
                .then()
                .statusCode(200);
        retire(code, "\"1\"").statusCode(200).body("status", equalTo("RETIRED")).body("revision", equalTo(2));

        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(
                        "{\"analyteCode\":\"" + code + "\",\"sourceCode\":\"" + source + "\",\"category\":\"OPTIMAL\","
                                + "\"low\":10,\"high\":40,\"unit\":\"U/L\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"test data\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("analyteCode"));
    }

    @Test
    void staleIfMatchGets412WithTheCurrentRevisionAndNoIfMatchGets428() {
        String code = code("wbc");
        String first = body(code, "6690-2", "BLOOD", "10*9/L", null, "[]");
        create(first).statusCode(201).body("dimension", equalTo("NUMBER_CONCENTRATION"));
        revise(code, "\"1\"", first.replace("\"reason\":\"test data\"", "\"reason\":\"first edit\""))
                .statusCode(200);
        long before = latestSequence();
        revise(code, "\"1\"", first)
                .statusCode(412)
                .header("ETag", "\"2\"")
                .body("type", equalTo(PROBLEMS + "analyte-changed"))
                .body("currentAnalyte.revision", equalTo(2));
        revise(code, "W/\"2\"", first).statusCode(412);
        revise(code, null, first).statusCode(428).body("type", equalTo(PROBLEMS + "revision-required"));
        assertEquals(before, latestSequence(), "nothing may be written");
    }

    @Test
    void aRangeUnitMustConvertToTheAnalytesCanonicalUnit() {
        String code = code("alt");
        create(body(code, null, "SERUM_PLASMA", "U/L", null, "[]")).statusCode(201);
        String source = Admin.newSource();
        String range = "{\"analyteCode\":\"" + code + "\",\"sourceCode\":\"" + source + "\",\"category\":\"REFERENCE\","
                + "\"low\":0.1,\"high\":0.6,\"unit\":\"%s\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"test data\"}";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(range.formatted("mg/L"))
                .post("/api/v1/ranges")
                .then()
                .statusCode(400)
                .body("errors.field", contains("unit"))
                .body("errors[0].reason", containsString("catalytic"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(range.formatted("ukat/L"))
                .post("/api/v1/ranges")
                .then()
                .statusCode(201);
    }

    @Test
    void timelineAsKnownBeforeARevisionShowsTheAnalyteAsItWasThen() {
        String code = code("crea");
        String recordedAt = create(body(code, null, "SERUM_PLASMA", "mg/dL", "113.12", "[]"))
                .statusCode(201)
                .extract()
                .path("recordedAt");
        revise(code, "\"1\"", body(code, null, "SERUM_PLASMA", "umol/L", "113.12", "[]"))
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("knownAt", recordedAt)
                .get("/api/v1/analytes/" + code + "/timeline")
                .then()
                .statusCode(200)
                .body("analyte.unit", equalTo("mg/dL"))
                .body("analyte.revision", equalTo(1));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/" + code + "/timeline")
                .then()
                .statusCode(200)
                .body("analyte.unit", equalTo("umol/L"))
                .body("analyte.revision", equalTo(2));
    }

    private static void refusedWithNothingWritten(
            Supplier<ValidatableResponse> request, int status, String type, String field) {
        long before = latestSequence();
        request.get().statusCode(status).body("type", equalTo(PROBLEMS + type)).body("errors.field", hasItem(field));
        assertEquals(before, latestSequence(), "nothing may be written");
    }

    static String code(String stem) {
        return "t-" + stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String code, String loinc, String specimen, String unit, String molarMass, String aliases) {
        return "{\"code\":\"" + code + "\"," + (loinc == null ? "" : "\"loinc\":\"" + loinc + "\",")
                + "\"displayName\":\"Test analyte " + code + "\",\"aliases\":" + aliases + ",\"specimen\":\"" + specimen
                + "\",\"unit\":\"" + unit + "\","
                + (molarMass == null ? "" : "\"molarMassGramsPerMole\":" + molarMass + ",")
                + "\"displayPrecision\":0,\"reason\":\"test data\"}";
    }

    static ValidatableResponse create(String json) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(json)
                .post("/api/v1/analytes")
                .then();
    }

    static ValidatableResponse revise(String code, String ifMatch, String json) {
        var request = given().auth().oauth2(Tokens.admin()).contentType("application/json");
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(json).put("/api/v1/analytes/" + code).then();
    }

    static ValidatableResponse retire(String code, String ifMatch) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", ifMatch)
                .body("{\"reason\":\"test data withdrawn\"}")
                .post("/api/v1/analytes/" + code + "/retire")
                .then();
    }

    private static long latestSequence() {
        return given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("latestSequence");
    }
}
