package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.labrange.ranges.support.Tokens;

/** Bulk import (JSON and CSV) is all or nothing, and a dry run writes nothing. */
@QuarkusTest
class ImportExportTest {

    @Test
    void dryRunReportsWhatWouldHappenAndWritesNothing() {
        String source = Admin.newSource();
        Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        String body = importBody(
                source,
                "2026-01-01",
                row(source, "REFERENCE", "\"low\":0.6,\"high\":2.4"),
                row(source, "CRITICAL", "\"high\":10"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .queryParam("dryRun", true)
                .body(body)
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("revised", equalTo(0));
        ranges(source).body("$", hasSize(1));
    }

    @Test
    void importCreatesRevisesAndLeavesUnchangedRowsAlone() {
        String source = Admin.newSource();
        String id = Admin.createRange(source, "\"low\":0.6,\"high\":2.4", "2025-01-01");
        String body = importBody(
                source,
                "2026-01-01",
                row(source, "REFERENCE", "\"low\":0.8,\"high\":2.34"),
                row(source, "CRITICAL", "\"high\":10"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1))
                .body("revised", equalTo(1))
                .body("items.find { it.action == 'REVISE' }.rangeId", equalTo(id))
                .body("items.find { it.action == 'REVISE' }.revision", equalTo(2));
        ranges(source).body("$", hasSize(2)).body("category", hasItem("CRITICAL"));
    }

    @Test
    void oneBadRowRejectsTheWholeImport() {
        String source = Admin.newSource();
        String body = importBody(
                source,
                "2026-01-01",
                row(source, "REFERENCE", "\"low\":0.6,\"high\":2.4"),
                row(source, "CRITICAL", "\"low\":5,\"high\":1"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("ranges[1].low"));
        ranges(source).body("$", hasSize(0));
    }

    @Test
    void csvImportCreatesRangesAndBadCellsAreNamed() {
        String source = Admin.newSource();
        String csv =
                "analyte,source,category,low,lowInclusive,high,highInclusive,unit,sex,ageMin,ageMax,ageUnit,condition,method,note\n"
                        + "1952-1," + source + ",REFERENCE,0.7,true,1.8,true,mg/L,ANY,,,YEARS,,,from CSV\n"
                        + "1952-1," + source + ",REFERENCE,0.6,true,2.2,false,mg/L,FEMALE,18,65,YEARS,,,\n";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .queryParam("reason", "catalogue 2026")
                .queryParam("effectiveFrom", "2026-01-01")
                .body(csv)
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        ranges(source).body("$", hasSize(2));

        String bad = "analyte,source,category,low,high,unit\n1952-1," + source + ",REFERENCE,zero,2,mg/L\n";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .queryParam("reason", "r")
                .queryParam("effectiveFrom", "2026-01-01")
                .body(bad)
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(400)
                .body("errors.field", contains("ranges[0].low"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .queryParam("reason", "r")
                .queryParam("effectiveFrom", "2026-01-01")
                .body("just,some,columns\n1,2,3\n")
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(400)
                .body("errors.field", contains("header"));
    }

    @Test
    void exportedCsvCanBeImportedBackUnchanged() {
        String csv = given().auth()
                .oauth2(Tokens.reader())
                .accept("text/csv")
                .get("/api/v1/ranges/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("text/csv")
                .queryParam("dryRun", true)
                .queryParam("reason", "round trip")
                .queryParam("effectiveFrom", "2026-01-01")
                .body(csv)
                .post("/api/v1/ranges/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("revised", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse ranges(String source) {
        return given().auth()
                .oauth2(Tokens.reader())
                .queryParam("source", source)
                .queryParam("effectiveOn", "2026-06-01")
                .get("/api/v1/ranges")
                .then()
                .statusCode(200);
    }

    private static String row(String source, String category, String bounds) {
        return "{\"analyteCode\":\"1952-1\",\"sourceCode\":\"" + source + "\",\"category\":\"" + category + "\","
                + bounds + ",\"unit\":\"mg/L\"}";
    }

    private static String importBody(String source, String effectiveFrom, String... rows) {
        return "{\"reason\":\"catalogue update\",\"effectiveFrom\":\"" + effectiveFrom + "\",\"ranges\":["
                + String.join(",", rows) + "]}";
    }
}
