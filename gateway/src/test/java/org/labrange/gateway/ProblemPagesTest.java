package org.labrange.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.labrange.problems.ProblemCatalogue;
import org.labrange.problems.ProblemType;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class ProblemPagesTest {

    @Test
    void everyProblemTypeLeadsToAPageSayingWhenItHappensAndWhatToDo() {
        for (ProblemType type : ProblemCatalogue.load().types()) {
            String page = given().when()
                    .get("/problems/" + type.slug())
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", startsWith("default-src 'none'"))
                    .extract()
                    .asString();
            org.junit.jupiter.api.Assertions.assertTrue(
                    page.contains(type.uri())
                            && page.contains(escaped(type.when()))
                            && page.contains(escaped(type.action())),
                    "page of " + type.slug() + " lacks its type, when or action: " + page);
        }
    }

    @Test
    void theIndexListsEveryTypeWithoutAToken() {
        String index =
                given().when().get("/problems").then().statusCode(200).extract().asString();
        for (ProblemType type : ProblemCatalogue.load().types()) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    index.contains("href=\"problems/" + type.slug() + "\""), type.slug());
        }
    }

    @Test
    void anUnknownTypeIsNotFoundAsAProblem() {
        given().when()
                .get("/problems/no-such-problem")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://labrange.dev/problems/not-found"))
                .body("instance", containsString("/problems/no-such-problem"));
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
