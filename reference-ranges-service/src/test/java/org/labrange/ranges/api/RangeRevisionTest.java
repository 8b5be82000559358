package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** Creating, revising and retiring ranges, and the bitemporal answers that follow. */
@QuarkusTest
class RangeRevisionTest {

    @Test
    void createdRangeStartsAtRevisionOneWithAuthorReasonAndServerTime() {
        String source = Admin.newSource();
        Instant before = Instant.now().minusSeconds(5);
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("revision", equalTo(1))
                .body("action", equalTo("CREATE"))
                .body("recordedBy", equalTo("alice"))
                .body("reason", equalTo("initial"))
                .body("recordedAt", org.hamcrest.Matchers.greaterThan(before.toString()));
    }

    @Test
    void revisionKeepsHistoryAndTheDiffNamesWhatChanged() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        Admin.revise(id, 1, "\"low\":0.8,\"high\":2.34", "2026-03-01", "Method change to turbidimetry")
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("revision", equalTo(2))
                .body("action", equalTo("REVISE"));

        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("[0].effectiveTo", equalTo("2026-03-01"))
                .body("[1].effectiveTo", nullValue());
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions/1")
                .then()
                .statusCode(200)
                .body("high", equalTo(2.4f));
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("from", 1)
                .queryParam("to", 2)
                .get("/api/v1/ranges/" + id + "/diff")
                .then()
                .statusCode(200)
                .body("changes.field", hasItem("low"))
                .body("changes.field", hasItem("high"))
                .body("changes.find { it.field == 'high' }.from", equalTo("2.4"))
                .body("changes.find { it.field == 'high' }.to", equalTo("2.34"));
    }

    @Test
    void resultBeforeTheChangeDateKeepsTheOldRevisionAndOneAfterGetsTheNew() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        Admin.revise(id, 1, "\"low\":0.8,\"high\":2.34", "2026-03-01", "new method")
                .statusCode(200);

        inEffect(source, "2026-02-28", null).body("revision", contains(1));
        inEffect(source, "2026-03-01", null).body("revision", contains(2));
        inEffect(source, "2024-12-31", null).body("$", hasSize(0));
    }

    @Test
    void correctionRecordedTodayChangesLastYearForNewQueriesButNotWhatWasKnownBefore() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        Instant beforeCorrection = Instant.now();
        // A typo found today in the range used since 2025: corrected retroactively from the same date.
        Admin.revise(id, 1, "\"low\":0.6,\"high\":2.5", "2025-01-01", "Typo: upper limit is 2.5")
                .statusCode(200);

        inEffect(source, "2025-06-01", null).body("revision", contains(2)).body("[0].high", equalTo(2.5f));
        inEffect(source, "2025-06-01", beforeCorrection.toString())
                .body("revision", contains(1))
                .body("[0].high", equalTo(2.4f));
        // The wholly replaced revision has an empty valid period and drops out of the timeline.
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .body("[0].effectiveTo", equalTo("2025-01-01"));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/analytes/1952-1/timeline")
                .then()
                .body("revisions.findAll { it.rangeId == '" + id + "' }.revision", contains(2));
    }

    @Test
    void laterRevisionWithAnEarlierStartWinsFromItsStart() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":1.0,\"high\":2.0", "2020-01-01");
        Admin.revise(id, 1, "\"low\":1.1,\"high\":2.1", "2025-01-01", "second").statusCode(200);
        Admin.revise(id, 2, "\"low\":1.2,\"high\":2.2", "2024-01-01", "start earlier")
                .statusCode(200);

        inEffect(source, "2023-12-31", null).body("revision", contains(1));
        inEffect(source, "2024-06-01", null).body("revision", contains(3));
        inEffect(source, "2026-01-01", null).body("revision", contains(3));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .body("effectiveTo", contains("2024-01-01", "2024-01-01", null));
    }

    @Test
    void retiredRangeStopsApplyingFromItsRetirementDate() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"high\":2.51", "2025-01-01");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"1\"")
                .body("{\"effectiveFrom\":\"2026-01-01\",\"reason\":\"Test discontinued\"}")
                .post("/api/v1/ranges/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("revision", equalTo(2));

        inEffect(source, "2025-12-31", null).body("revision", contains(1));
        inEffect(source, "2026-01-01", null).body("$", hasSize(0));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"2\"")
                .body("{\"effectiveFrom\":\"2026-02-01\",\"reason\":\"again\"}")
                .post("/api/v1/ranges/" + id + "/retire")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void staleIfMatchIsRefusedWithTheCurrentRevisionAndNothingIsWritten() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        Admin.revise(id, 1, "\"low\":0.7,\"high\":2.4", "2026-01-01", "first edit")
                .statusCode(200);
        Admin.revise(id, 1, "\"low\":0.9,\"high\":2.4", "2026-01-01", "edit of an old copy")
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://labrange.dev/problems/stale-revision"))
                .body("currentRevision.revision", equalTo(2))
                .body("currentRevision.low", equalTo(0.7f));
        given().auth()
                .oauth2(Tokens.reader())
                .get("/api/v1/ranges/" + id + "/revisions")
                .then()
                .body("$", hasSize(2));
    }

    @Test
    void missingIfMatchIsRefusedWith428() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"low\":0.7,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2026-01-01\",\"reason\":\"x\"}")
                .put("/api/v1/ranges/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
    }

    @Test
    void oneSidedExclusiveAndEachCategoryAreStoredAsSent() {
        String source = Admin.newSource();
        Admin.create(source, "CRITICAL", "\"high\":10,\"highInclusive\":false", "2025-01-01")
                .statusCode(201)
                .body("low", nullValue())
                .body("highInclusive", equalTo(false))
                .body("category", equalTo("CRITICAL"));
        Admin.create(source, "ABSOLUTE", "\"low\":0,\"high\":1000", "2025-01-01")
                .statusCode(201)
                .body("category", equalTo("ABSOLUTE"));
        Admin.create(source, "OPTIMAL", "\"low\":0.8,\"lowInclusive\":false,\"high\":1.5", "2025-01-01")
                .statusCode(201)
                .body("lowInclusive", equalTo(false));
        Admin.create(source, "REFERENCE", "\"low\":0.6", "2025-01-01")
                .statusCode(201)
                .body("high", nullValue());
        given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("category", "CRITICAL")
                .queryParam("effectiveOn", "2025-06-01")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200)
                .body("category", contains("CRITICAL"));
    }

    @Test
    void changeFeedListsNewRevisionsAndAnswers304WhenNothingChanged() {
        String latest = given().auth()
                .oauth2(Tokens.interpreter())
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.interpreter())
                .header("If-None-Match", latest)
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(304);
        long since = Long.parseLong(latest.replace("\"", ""));
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        given().auth()
                .oauth2(Tokens.interpreter())
                .queryParam("since", since)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("changes.rangeId", hasItem(id))
                .body("changes.find { it.rangeId == '" + id + "' }.action", equalTo("CREATE"));
        given().auth()
                .oauth2(Tokens.interpreter())
                .header("If-None-Match", latest)
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(200);
    }

    @Test
    void auditTrailRecordsWhoAndWhyOfEveryWrite() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("author", "alice")
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("findAll { it.subjectId == '" + id + "#1' }.action", contains("RANGE_CREATE"))
                .body("findAll { it.subjectId == '" + source + "' }.action", contains("SOURCE_CREATE"));
        given().auth().oauth2(Tokens.reader()).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void sourceCanBeUpdatedByAnAdminWithAReason() {
        String source = Admin.newSource();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(
                        "{\"name\":\"Renamed lab\",\"kind\":\"LAB\",\"citation\":\"Catalogue 2027\",\"reason\":\"rename\"}")
                .put("/api/v1/sources/" + source)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed lab"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"code\":\"" + source
                        + "\",\"name\":\"x\",\"kind\":\"LAB\",\"citation\":\"c\",\"reason\":\"r\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(409);
    }

    private static io.restassured.response.ValidatableResponse inEffect(String source, String on, String knownAt) {
        var request = given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("effectiveOn", on);
        if (knownAt != null) {
            request.queryParam("knownAt", knownAt);
        }
        return request.get("/api/v1/ranges").then().statusCode(200);
    }
}
